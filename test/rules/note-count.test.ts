/**
 * note-count (review 24 D3): a 备注 correcting its row's count (“3310 实为3袋” beside 数量 2) passed unseen — the
 * checks read the 2. Its valid/invalid table (tester.ts: a valid case gives no finding at all, an invalid one exactly these).
 */
import type { SiteData } from '../../src/model/types';
import { ruleTester } from './tester';

/** 岳麓考点's handover row 3 (3310, 数量 2 袋) with `note` in its 备注. */
const noted = (note: string) => (d: SiteData) => void (d.handovers![0].items![2].note = note);

ruleTester('note-count', {
  valid: [
    { name: '岳麓考点 as filled' },
    { name: 'a note saying the count the row writes (3310 实为2袋)', edit: noted('3310 实为2袋') },
    {
      name: 'a note on row 1 giving row 2’s count as it is (2045 实为1袋 beside 1001)',
      edit: (d) => void (d.handovers![0].items![0].note = '1001 高等数学基础；2045 实为1袋'),
    },
    { name: 'a note correcting a paper no row holds (9999 实为2袋)', edit: (d) => void (d.handovers![0].items![0].note = '1001 高等数学基础；9999 实为2袋') },
    { name: 'a note about the count, not correcting it (含补考1袋)', edit: noted('3310 中国现代文学，含补考1袋') },
    { name: 'a note saying the count was changed to what 数量 writes (原3袋改为2袋)', edit: noted('3310 原3袋改为2袋') },
    { name: 'a note changing something else to a number (考场改为3号, 时间改为8:30)', edit: noted('3310 考场改为3号，时间改为8:30') },
    { name: 'a note in another unit than the row’s (实为3箱 beside 2 袋): not this rule’s to weigh', edit: noted('3310 实为3箱') },
  ],
  invalid: [
    {
      name: '3310 实为3袋 beside 数量 2: at the note',
      edit: noted('3310 实为3袋'),
      errors: [
        {
          messageId: 'differs',
          form: 1,
          sheet: '交接单',
          cell: 'E10',
          row: 3,
          message: /^备注写的是“3310 实为3袋”，说这一行实为 3 袋，但“数量”写的是 2 袋：两处不一致，看不出实有多少，各项核对和汇总都按“数量”的 2 计。/,
        },
      ],
    },
    {
      name: '实收三袋 (in words, no paper named) beside 数量 2',
      edit: noted('实收三袋'),
      errors: [{ messageId: 'differs', form: 1, sheet: '交接单', cell: 'E10', row: 3, message: /^备注写的是“实收三袋”，说这一行实为 3 袋/ }],
    },
    {
      // Review 25a D7: the note corrects row 2 (2045, 1 袋), said of row 2, not of row 1's 3 bags.
      name: 'a note on row 1 correcting row 2’s paper (1001 高等数学基础；2045 实为2袋): compared with row 2',
      edit: (d) => void (d.handovers![0].items![0].note = '1001 高等数学基础；2045 实为2袋'),
      errors: [
        {
          messageId: 'otherRow',
          form: 1,
          sheet: '交接单',
          cell: 'E8',
          row: 1,
          message: /^备注写的是“1001 高等数学基础；2045 实为2袋”，说第 2 行的试卷 2045 实为 2 袋，但第 2 行的“数量”写的是 1 袋：/,
        },
      ],
    },
    {
      name: 'a note naming the row it corrects (另：2045 实为2袋，见第2行), its own paper not written',
      edit: (d) => void (d.handovers![0].items![0].note = '另：2045 实为2袋，见第2行'),
      errors: [
        {
          messageId: 'otherRow',
          form: 1,
          sheet: '交接单',
          cell: 'E8',
          row: 1,
          message: /^备注写的是“另：2045 实为2袋，见第2行”，说第 2 行的试卷 2045 实为 2 袋，但第 2 行的“数量”写的是 1 袋：/,
        },
      ],
    },
    {
      name: '改为3袋 beside 数量 2 (the count cell reads 改为 too: one list of words)',
      edit: noted('3310 数量改为3袋'),
      errors: [{ messageId: 'differs', form: 1, sheet: '交接单', cell: 'E10', row: 3, message: /^备注写的是“3310 数量改为3袋”，说这一行实为 3 袋/ }],
    },
    {
      name: '考场改为3号，实收3袋: the count, not the room',
      edit: noted('考场改为5号，实收3袋'),
      errors: [{ messageId: 'differs', form: 1, sheet: '交接单', cell: 'E10', row: 3, message: /^备注写的是“考场改为5号，实收3袋”，说这一行实为 3 袋/ }],
    },
  ],
});
