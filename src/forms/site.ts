import { LEVEL_WORDS, UNIT_LEVELS } from '../model/types';
import type { FormLayout } from './layout';

/** The units people write after a threshold ("90分钟", "2天"), as its label names them, the longest first. */
const DAYS = ['天', '日'];
const MINUTES = ['分钟', '分'];
const HOURS = ['个小时', '小时', '时', 'h'];

/** 基本信息: who keeps this workbook, and the thresholds the rules use. Not in the seed; needed to check it. */
export const siteForm: FormLayout = {
  id: 'site',
  attachment: 0,
  sheetName: '基本信息',
  title: '试卷保密工作基本信息',
  titlePattern: /基本信息/,
  header: [
    [{ key: 'semester', label: '学期', type: 'text', prompt: '如：2024春 或 2023-2024学年第二学期' }],
    [{ key: 'branch', label: '分部', type: 'text', prompt: '如：湖南分部' }],
    [{ key: 'school', label: '分校（学院）', aliases: ['分校', '学院'], type: 'text' }],
    [{ key: 'examSite', label: '考点', type: 'text', prompt: '分校自己的工作簿留空' }],
    [{ key: 'level', label: '单位级别', aliases: ['级别'], type: 'enum', options: UNIT_LEVELS, words: LEVEL_WORDS }],
    [
      {
        key: 'settings.arrivalDaysBefore',
        label: '试卷最早到达（考前天数）',
        aliases: ['最早到达天数'],
        type: 'count',
        units: DAYS,
        prompt: '默认2天（方案（四））',
      },
    ],
    [
      {
        key: 'settings.checkoutLeadMinutes',
        label: '最早领卷（开考前分钟）',
        aliases: ['领卷提前分钟'],
        type: 'count',
        units: MINUTES,
        prompt: '默认60分钟（开考前1小时领卷）',
      },
    ],
    [{ key: 'settings.returnGraceMinutes', label: '还卷时限（考后分钟）', aliases: ['还卷时限'], type: 'count', units: MINUTES, prompt: '默认120分钟' }],
    [
      {
        key: 'settings.intakeWithinHours',
        label: '入库时限（接收后小时）',
        aliases: ['入库时限'],
        type: 'count',
        units: HOURS,
        prompt: '默认2小时（接收试卷后及时入库清点）',
      },
    ],
    [
      {
        key: 'settings.proctorsFormalStaff',
        label: '监考人员须为正式职工',
        type: 'bool',
        prompt: '默认“是”（试卷启封前的涉卷人员须是本单位正式教职员工）；聘用监考人员的单位填“否”',
      },
    ],
  ],
  footer: [],
  unitName: {
    field: { key: 'unitName', label: '单位名称', aliases: ['本单位名称', '单位全称'], type: 'text' },
    byLevel: { 省校: 'branch', 分校: 'school', 考点: 'examSite' },
    byEnding: [
      ['考点', 'examSite'],
      ['分校', 'school'],
      ['学院', 'school'],
      ['分部', 'branch'],
    ],
  },
  notes: ['备注：单位级别填“省校”“分校”或“考点”。阈值留空时按默认值校验。'],
  landscape: false,
  columns: 4,
};
