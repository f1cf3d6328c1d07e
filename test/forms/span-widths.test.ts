/**
 * What a line merged over several columns lacks, spread over them (review round 15b D3): 附件4 filled with a
 * 30-character 考点 name on its header line (A3:E3, 序号…考场号) put all the missing width into E, 考场号 a quarter of
 * the page holding “01”, while 试卷名称 wrapped a long paper name to four lines. Now the columns whose text wraps get
 * it first (what each lacks for its longest text on one line), the rest in proportion to the columns' widths.
 */
import { formEntry } from '../../src/forms';
import { renderForm } from '../../src/forms/render';
import type { FormRecord } from '../../src/forms/layout';
import type { SiteInfo } from '../../src/model/types';

const LONG_SITE = '国家开放大学湖南分部长沙分校岳麓区麓山南路第一实验中学考点';
const LONG_PAPER = '马克思主义基本原理概论与习近平新时代中国特色社会主义思想概论（专升本）';
const site = { semester: '2024春', branch: '湖南分部', school: '长沙分校', examSite: LONG_SITE, level: '考点' } as SiteInfo;
const row = (paperName: string, room: string) => ({
  paperNo: '1001',
  paperName,
  copies: 30,
  room,
  issuedAt: '2024-06-15T08:05',
  collector: '周涛',
  returnedAt: '2024-06-15T10:08',
  returner: '周涛',
});
const distribution = (paperName: string) =>
  ({
    start: '2024-06-15T08:30',
    end: '2024-06-15T10:00',
    rows: [row(paperName, '01'), row(paperName, '02')],
    issuer: '赵敏',
    receiver: '周涛',
  }) as unknown as FormRecord;
const widths = (paperName: string) => renderForm(formEntry('distribution').layout, '分发登记1', site, distribution(paperName)).widths;

describe('附件4 with a long unit name on its header line (A3:E3)', () => {
  it('a long paper name: 试卷名称 (C) takes what the line lacks, 考场号 (E) keeps its 7.5', () => {
    // Was [6, 8, 16, 9.5, 35.5, …]: E 35.5, C 16.
    expect(widths(LONG_PAPER)).toEqual([6, 8, 44, 9.5, 7.5, 10, 17.75, 10, 13.5, 13.75]);
  });

  it('no text that wraps: what the line lacks spread over A–E by their widths, none made a quarter of the page', () => {
    expect(widths('管理学基础')).toEqual([9.75, 13, 25.75, 15.25, 12, 10, 17.75, 10, 13.5, 13.75]);
  });
});
