import { ROLES } from '../model/types';
import { CANDIDATE_RELATIVE_WORDS, FORMAL_STAFF_WORDS, PLEDGE_WORDS } from '../model/text';
import type { FormLayout } from './layout';

/** 涉卷人员: the roster that eligibility is checked against (003 (六)). */
export const staffForm: FormLayout = {
  id: 'staff',
  attachment: 0,
  sheetName: '涉卷人员',
  title: '涉卷人员名单',
  titlePattern: /涉卷人员/,
  header: [],
  table: {
    key: 'rows',
    blankRows: 12,
    columns: [
      { key: 'name', label: '姓名', type: 'text', width: 12 },
      {
        key: 'roles',
        label: '角色',
        aliases: ['岗位', '职责', '涉卷角色', '涉卷岗位'],
        type: 'multi',
        options: ROLES,
        width: 30,
        prompt: `可填多个，用顿号分隔：${ROLES.join('、')}`,
      },
      // Headed as people ask the question (是否在编, 编制): a header read as none of these leaves the checks without the column.
      {
        key: 'formalStaff',
        label: '正式职工',
        aliases: ['本单位正式职工', '正式教职员工', '是否正式职工', '是否本单位正式职工', '是否正式教职员工', '编制', '编制情况', '是否在编', '在编'],
        type: 'bool',
        yesNo: FORMAL_STAFF_WORDS,
        needed: true,
        width: 10,
      },
      {
        key: 'candidateRelative',
        label: '考生亲属',
        aliases: ['是否考生亲属', '是否为考生亲属', '是否有考生亲属', '有无考生亲属'],
        type: 'bool',
        yesNo: CANDIDATE_RELATIVE_WORDS,
        needed: true,
        width: 10,
      },
      {
        key: 'pledgeSigned',
        label: '保密承诺书',
        aliases: ['已签保密承诺书', '签订保密承诺书', '是否签订保密承诺书', '是否签保密承诺书', '是否已签保密承诺书', '是否签订承诺书', '保密承诺', '承诺书'],
        type: 'bool',
        yesNo: PLEDGE_WORDS,
        needed: true,
        width: 12,
      },
    ],
  },
  footer: [],
  notes: ['备注：试卷启封前的涉卷人员须是本单位正式教职员工，严禁考生亲属作为涉卷人员，须签订保密承诺书。'],
  landscape: false,
};
