/**
 * Review 20b D5: one vault row for two papers of one session (“2045、3310”), or a note in brackets after the 试卷号
 * (“3310（补考）”), gave unknown-paper “试卷号“2045、3310”既不在入库清单上，也不在考试安排里” — both were on both
 * lists. A note after the number is now the paper it follows (model/paper-code.ts), every check of its row made; a row
 * of several numbers on the lists is told so (一行写了 2 个试卷号), one of them on no list that one.
 */
import { ruleTester } from './tester';

ruleTester('unknown-paper', {
  valid: [
    { name: '出入库记录 B6 “3310（补考）”: the paper 3310, its note in brackets', edit: (d) => void (d.vaultLog![2].paperNo = '3310（补考）') },
    { name: '出入库记录 B6 “3310(重考)”, half-width brackets', edit: (d) => void (d.vaultLog![2].paperNo = '3310(重考)') },
    {
      name: '分发登记1 B5 “1001（补考）” on 附件4',
      edit: (d) => void (d.distributions![0].rows![0].paperNo = '1001（补考）'),
    },
  ],
  invalid: [
    {
      name: '出入库记录 B5 “2045、3310”: two papers on one row, both on the lists — told so, not “on no list”',
      edit: (d) => void (d.vaultLog![1].paperNo = '2045、3310'),
      errors: [
        {
          messageId: 'several',
          form: 3,
          sheet: '出入库记录',
          cell: 'B5',
          row: 2,
          message: /^这一行写了 2 个试卷号“2045、3310”，2 种试卷登记在同一行，分不清各是几袋（份）/,
        },
      ],
    },
    {
      name: '出入库记录 B5 “2045，9999”: the number on no list said alone',
      edit: (d) => void (d.vaultLog![1].paperNo = '2045，9999'),
      errors: [{ messageId: 'unknown', form: 3, sheet: '出入库记录', cell: 'B5', row: 2, message: /^试卷号“9999”既不在入库清单上，也不在考试安排里。/ }],
    },
    {
      name: '出入库记录 B6 “9999（补考）”: a note after a number on no list — the number said',
      edit: (d) => void (d.vaultLog![2].paperNo = '9999（补考）'),
      errors: [{ messageId: 'unknown', form: 3, sheet: '出入库记录', cell: 'B6', row: 3, message: /^试卷号“9999\(补考\)”既不在/ }],
    },
  ],
});
