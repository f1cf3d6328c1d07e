/**
 * Defects planted in the two fresh site shapes (shapes-pair.test.ts): at least
 * one per rule of the catalogue, each giving exactly its finding — rule, form,
 * sheet, cell and row — and no other, through real .xlsx files.
 */
import { fillWorkbook } from '../../src/cli/fill';
import { HiddenTimeDate, type WorkbookGrid } from '../../src/model/grid';
import type { Intake, SiteData } from '../../src/model/types';
import { validateSite } from '../../src/rules/engine';
import { ALL_META } from '../../src/rules/index';
import { modelOf, shape, Shape, tuple, Tuple } from './shape-sites';

interface Planted {
  name: string;
  base: Shape;
  edit: (d: SiteData) => void;
  /** What is typed into the filled workbook's sheets, where the data model cannot say it (a sheet copied). */
  retype?: (grid: WorkbookGrid) => void;
  expect: Tuple[];
}

const PLANTED: Planted[] = [
  {
    name: 'the 分校 receives three days before the first session',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![0].time = '2025-07-02T08:50';
    },
    expect: [['arrival-too-early', 1, '交接单1', 'C3', null]],
  },
  {
    name: 'the dispatch to 衡南考点 has no handover sheet',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      void d.handovers!.splice(2, 1);
    },
    expect: [['dispatch-without-handover', 3, '出入库记录', 'F7', 4]],
  },
  {
    name: 'the box to 衡南考点 holds 5 bags by its 备注, 4 were dispatched',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![2].items![0].note = '内装5袋：2201、3301、5501、5502';
    },
    expect: [['dispatch-without-handover', 3, '出入库记录', 'D7', 4]],
  },
  {
    name: 'papers taken into the vault 3 hours 10 minutes after the night handover',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      (d.intake as Intake).time = '2025-07-03T12:10';
    },
    expect: [['intake-late', 2, '入库清单', 'C17', null]],
  },
  {
    name: 'the sheet to 耒阳考点 printed on last semester’s form (2024秋学期), its dates this semester’s: the title is said, the sheet judged',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![1].semester = '2024秋';
    },
    expect: [['sheet-of-another-semester', 1, '交接单2', 'A2', null]],
  },
  {
    name: 'an item for 衡南考点 on the sheet to 耒阳考点',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![1].items![2].destination = '衡南考点';
    },
    expect: [['item-for-another-unit', 1, '交接单2', 'C10', 3]],
  },
  {
    name: 'an item for another 分校’s 考点 on the incoming sheet',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![0].items![1].destination = '长沙分校岳麓考点';
    },
    expect: [['item-for-another-unit', 1, '交接单1', 'C9', 2]],
  },
  {
    name: 'an exam-affairs officer signs a dispatch out of the vault',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.vaultLog![3].issuedBy = '陈志刚';
    },
    expect: [['keeper-not-custodian', 3, '出入库记录', 'G7', 4]],
  },
  {
    name: 'the second delivery to 耒阳考点 sent three days ahead',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![3].time = '2025-07-03T08:30';
      d.vaultLog![7].takenAt = '2025-07-03T11:00';
      d.vaultLog![8].takenAt = '2025-07-03T11:00';
    },
    expect: [['arrival-too-early', 1, '交接单4', 'C3', null]],
  },
  {
    name: 'one signer sending to 衡南考点',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![2].fromSigners = ['陈志强（主考）'];
    },
    expect: [['two-signers', 1, '交接单3', 'A20', null]],
  },
  {
    name: '陈志刚 signs on both sides of the incoming handover',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![0].fromSigners = ['贺立新', '陈志刚'];
    },
    expect: [['same-person', 1, '交接单1', 'D20', null]],
  },
  {
    name: '周海 never signed the pledge',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.staff![3].pledgeSigned = false;
    },
    expect: [['staff-ineligible', 0, '涉卷人员', 'F6', 4]],
  },
  {
    name: 'the incoming sheet’s 合计 says 13',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.handovers![0].total = 13;
    },
    expect: [['column-total', 1, '交接单1', 'D17', null]],
  },
  {
    name: 'one bag more on the intake list than received',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      (d.intake as Intake).items![6].bags31 = 2;
      (d.intake as Intake).items![6].totalBags = 2;
      (d.intake as Intake).totals!.bags31 = 3;
      (d.intake as Intake).totals!.totalBags = 13;
    },
    expect: [['inventory-mismatch', 2, '入库清单', 'H14', null]],
  },
  {
    name: 'three bags of 3301 dispatched where three were taken in, one more to 衡南考点',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.vaultLog![4].quantity = 2;
      d.handovers![2].items![0].note = '内装5袋';
    },
    expect: [['overdraw', 3, '出入库记录', 'D8', 5]],
  },
  {
    name: 'the night shift ends at 07:30',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.duty!.shifts![4].to = '2025-07-05T07:30';
    },
    expect: [['duty-gap', 5, '值班记录4', 'D3', 6]],
  },
  {
    name: 'the next day shift handed over by 周海燕 where 周海 took over',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.duty!.shifts![5].handedOverBy = '周海燕';
      d.duty!.shifts![5].takenOverBy = '司马云';
    },
    expect: [['duty-chain', 5, '值班记录4', 'D5', 6]],
  },
  {
    name: 'more candidates for 5501 than its one 26-copy bag',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.schedule![5].candidates = 27;
    },
    expect: [['copies-short', 2, '入库清单', 'H9', 6]],
  },
  {
    name: 'a checkout 61 minutes before its session',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![0].takenAt = '2025-07-05T07:59';
    },
    expect: [['checkout-window', 3, '出入库记录', 'F4', 1]],
  },
  {
    name: 'the afternoon paper taken out with the morning ones',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![2].takenAt = '2025-07-05T08:00';
    },
    expect: [['checkout-window', 3, '出入库记录', 'F6', 3]],
  },
  {
    name: 'a checkout after its session began',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![3].takenAt = '2025-07-06T09:05';
      d.distributions![2].rows![0].issuedAt = '2025-07-06T09:10';
    },
    expect: [['checkout-window', 3, '出入库记录', 'F7', 4]],
  },
  {
    name: '17 copies of 2202 handed out where 16 份 were taken out',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.distributions![0].rows![2].copies = 17;
    },
    expect: [['handed-out-beyond-checkout', 4, '分发登记1', 'D8', 3]],
  },
  {
    name: 'a proctor takes papers from the vault',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![2].taker = '贺平';
    },
    expect: [['proctor-takes-papers', 3, '出入库记录', 'E6', 3]],
  },
  {
    name: 'a 贺平 who is a 考务人员 on the roster besides the proctor 贺平, and 贺平 takes papers: a warning at the proctor’s row',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.staff!.push({ ...d.staff![1], name: '贺平' });
      d.vaultLog![2].taker = '贺平';
    },
    expect: [['roster-namesakes', 0, '涉卷人员', 'B11', 9]],
  },
  {
    name: 'a proctor who is not formal staff: once, at the roster row',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.staff![8].formalStaff = false;
    },
    expect: [['staff-ineligible', 0, '涉卷人员', 'D11', 9]],
  },
  {
    name: 'a proctor who is a candidate’s relative: once, at the roster row',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.staff![6].candidateRelative = true;
    },
    expect: [['staff-ineligible', 0, '涉卷人员', 'E9', 7]],
  },
  {
    name: 'no register for the last afternoon',
    base: 'leiyang-kaodian',
    edit: (d) => {
      void d.distributions!.splice(3, 1);
    },
    expect: [['session-without-register', 3, '出入库记录', 'B8', 5]],
  },
  {
    name: 'the second list taken in 3 hours 10 minutes after the night handover',
    base: 'leiyang-kaodian',
    edit: (d) => {
      (d.intake as Intake[])[1].time = '2025-07-05T22:40';
    },
    expect: [['intake-late', 2, '入库清单2', 'C17', null]],
  },
  {
    name: 'the second list dated before its delivery',
    base: 'leiyang-kaodian',
    edit: (d) => {
      (d.intake as Intake[])[1].time = '2025-07-05T19:10';
    },
    expect: [['intake-before-receipt', 2, '入库清单2', 'C17', null]],
  },
  {
    name: 'the second list counts 3 bags where 2 were received',
    base: 'leiyang-kaodian',
    edit: (d) => {
      (d.intake as Intake[])[1].items![1].bags11 = 2;
      (d.intake as Intake[])[1].items![1].totalBags = 2;
      (d.intake as Intake[])[1].totals!.bags11 = 2;
      (d.intake as Intake[])[1].totals!.totalBags = 3;
    },
    expect: [['inventory-mismatch', 2, '入库清单2', 'H14', null]],
  },
  {
    name: 'the midnight shift starts half an hour late',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.duty!.shifts![2].from = '2025-07-05T00:30';
    },
    expect: [['duty-gap', 5, '值班记录2', 'D7', 3]],
  },
  {
    name: 'the day shift handed over by 曹敏慧 where 罗丹 took over',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.duty!.shifts![3].handedOverBy = '曹敏慧';
    },
    expect: [['duty-chain', 5, '值班记录3', 'D5', 4]],
  },
  {
    name: '曹敏 hands over to himself',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.duty!.shifts![4].takenOverBy = '曹敏';
      d.duty!.shifts![5].handedOverBy = '曹敏';
    },
    expect: [['same-person', 5, '值班记录3', 'D10', 5]],
  },
  {
    name: 'a duty signer not on the roster',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.duty!.shifts![5].takenOverBy = '曹敏华';
    },
    expect: [['staff-not-on-roster', 5, '值班记录4', 'D6', 6]],
  },
  {
    name: 'a duty signer written 同上 (a ditto mark, no name)',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.duty!.shifts![5].takenOverBy = '同上';
    },
    expect: [['signature-not-a-name', 5, '值班记录4', 'D6', 6]],
  },
  {
    name: 'one receiver signs the night handover twice, with and without a title',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.handovers![1].toSigners = ['刘洋', '刘洋（考务）'];
    },
    expect: [['two-signers', 1, '交接单2', 'D20', null]],
  },
  {
    name: 'the last session’s papers never returned',
    base: 'leiyang-kaodian',
    edit: (d) => {
      const r = d.vaultLog![4];
      delete r.returner;
      delete r.returnedAt;
      delete r.receivedBy;
    },
    expect: [['not-returned', 3, '出入库记录', 'I8', 5]],
  },
  {
    name: 'room 02 collected after the papers went back to the vault',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.distributions![1].rows![1].returnedAt = '2025-07-05T16:10';
    },
    expect: [['distribution-outside-custody', 4, '分发登记2', 'H7', 2]],
  },
  {
    name: 'more candidates for 2201 than its bags hold',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.schedule![0].candidates = 37;
    },
    expect: [['copies-short', 2, '入库清单1', 'H4', 1]],
  },
  {
    name: 'a paper number not on the intake list or the schedule',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![3].paperNo = '3320';
    },
    expect: [['unknown-paper', 3, '出入库记录', 'B7', 4]],
  },
  {
    name: 'one paper number under another name',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.distributions![2].rows![0].paperName = '农村经济与管理';
    },
    expect: [['paper-name-mismatch', 4, '分发登记3', 'C6', 1]],
  },
  {
    name: 'three bags of 3301 out where two were taken in',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![2].quantity = 3;
    },
    expect: [['overdraw', 3, '出入库记录', 'D6', 3]],
  },
  {
    name: 'the 7月6日 paper out before its list took it in',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![3].takenAt = '2025-07-05T20:00';
    },
    expect: [['checkout-before-intake', 3, '出入库记录', 'F7', 4]],
  },
  {
    name: 'a return before the checkout',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![1].returnedAt = '2025-07-05T07:50';
    },
    expect: [['time-order', 3, '出入库记录', 'I5', 2]],
  },
  {
    name: 'a register row only partly filled',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.distributions![2].rows!.push({ paperNo: '3302', copies: 1 });
    },
    expect: [['partial-row', 4, '分发登记3', 'C7', 2]],
  },
  {
    name: '入库情况描述 of the second list left empty',
    base: 'leiyang-kaodian',
    edit: (d) => {
      delete (d.intake as Intake[])[1].description;
    },
    expect: [['required-field', 2, '入库清单2', 'A16', null]],
  },
  {
    name: 'a 合计（袋） that is not the sum of its row',
    base: 'leiyang-kaodian',
    edit: (d) => {
      (d.intake as Intake[])[0].items![0].totalBags = 3;
    },
    expect: [['row-total', 2, '入库清单1', 'H4', 1]],
  },
  {
    name: 'the second list’s 合计 row says 3',
    base: 'leiyang-kaodian',
    edit: (d) => {
      (d.intake as Intake[])[1].totals!.totalBags = 3;
    },
    expect: [['column-total', 2, '入库清单2', 'H14', null]],
  },
  {
    name: 'copies written in words that are no number',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.distributions![1].rows![0].copies = '二十余';
    },
    expect: [['invalid-count', 4, '分发登记2', 'D6', 1]],
  },
  {
    name: 'a time with no hour',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![2].takenAt = '7月5日下午';
    },
    expect: [['invalid-datetime', 3, '出入库记录', 'F6', 3]],
  },
  {
    // Review 13a D2: a 取卷时间 cell given a date-only format (yyyy/m/d) prints no 时分; the time is still read.
    name: 'a 取卷时间 whose cell shows the date alone',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const row = grid.sheets.find((s) => s.name === '出入库记录')!.rows[5];
      row[5] = new HiddenTimeDate((row[5] as Date).getTime());
    },
    expect: [['time-not-shown', 3, '出入库记录', 'F6', 3]],
  },
  {
    name: 'a 考点 receives papers for 衡南考点',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.handovers![0].items![2].destination = '衡南考点';
    },
    expect: [['item-for-another-unit', 1, '交接单1', 'C10', 3]],
  },
  {
    name: 'the 考点’s receipt made out to 衡阳分校耒阳市考点: said once at 接收单位, its rows for 耒阳考点 not blamed',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.handovers![0].to = '衡阳分校耒阳市考点';
    },
    expect: [['receiver-not-this-unit', 1, '交接单1', 'C4', null]],
  },
  {
    // Review round 10a D4: a summary listed such a 考点 under the 分校 its 基本信息 names, its papers from another.
    name: 'the 考点’s 基本信息 names 郴州分校, its papers all from 衡阳分校',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.site!.school = '郴州分校';
    },
    expect: [['school-not-sender', 0, '基本信息', 'B4', null]],
  },
  {
    name: 'the keeper’s deputy signs papers back in without a custodian role',
    base: 'leiyang-kaodian',
    edit: (d) => {
      d.vaultLog![2].receivedBy = '刘阳';
    },
    expect: [['keeper-not-custodian', 3, '出入库记录', 'J6', 3]],
  },
  {
    // Live, its 31 copies for room 01 again gave more handed out than the bags taken out hold (handed-out-beyond-checkout).
    name: 'room 01’s 2201 row written twice, the second struck out in its 备注 (作废（重复登记）)',
    base: 'leiyang-kaodian',
    edit: (d) => {
      const rows = d.distributions![0].rows!;
      rows.push({ ...rows[0], note: '作废（重复登记）' });
    },
    expect: [['voided-row', 4, '分发登记1', 'J9', 4]],
  },
  {
    // Made by copying the morning's register, its 时间 left (review 24 D1): 3301 sits 14:00—15:30.
    name: 'the afternoon’s register still headed 09:00—10:30: said at its 时间',
    base: 'leiyang-kaodian',
    edit: (d) => void Object.assign(d.distributions![1], { start: '2025-07-05T09:00', end: '2025-07-05T10:30' }),
    expect: [['register-session', 4, '分发登记2', 'I3', null]],
  },
  {
    // The receiver wrote in 备注 that three bags came; the form still says two (review 24 D3).
    name: 'a 备注 on the incoming sheet saying 3301 实收3袋 beside 数量 2: said at the note',
    base: 'leiyang-kaodian',
    edit: (d) => void (d.handovers![0].items![2].note = '7月5日下午 3301 实收3袋'),
    expect: [['note-count', 1, '交接单1', 'E10', 3]],
  },
  {
    // Read whole, “周敏李强” was no one on the roster (review 24 D5): the reader gives the text not struck, and its struck text.
    name: '出入库记录’s first 取卷人 corrected in place, the old name struck through: read as the new, said once at it',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => void (grid.sheets.find((s) => s.name === '出入库记录')!.struckText = { E4: '周敏' }),
    expect: [['struck-text', 3, '出入库记录', 'E4', 1]],
  },
  {
    // Left out, the checkouts under it were lost without a word (review 18a D5): read, they are judged as ever (clean here).
    name: '以下空白 typed between 出入库记录’s first and second rows: the rows under it read, said once at it',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const log = grid.sheets.find((s) => s.name === '出入库记录')!;
      log.rows.splice(4, 0, [null, '以下空白']);
      log.merges = log.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) >= 5 ? Number(n) + 1 : Number(n))));
    },
    expect: [['rows-after-closing', 3, '出入库记录', 'B5', null]],
  },
  {
    name: 'a dispatch signed out before the papers were taken in',
    base: 'hengyang-fenxiao',
    edit: (d) => {
      d.vaultLog![0].takenAt = '2025-07-03T10:30';
    },
    expect: [['checkout-before-intake', 3, '出入库记录', 'F4', 1]],
  },
  {
    name: '考试安排 copied onto “考试安排 (2)”, the first paper’s 报考人数 typed otherwise there',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const schedule = grid.sheets.find((s) => s.name === '考试安排')!;
      const rows = schedule.rows.map((r) => (r ? [...r] : r));
      rows[2][5] = Number(rows[2][5]) + 3;
      grid.sheets.push({ ...schedule, name: '考试安排 (2)', rows });
    },
    expect: [['schedule-copies-disagree', 0, '考试安排 (2)', 'F3', 1]],
  },
  {
    // 2201's 33 candidates take its 31 and 5 bags; the third, a 5份装 received as its spare, stays in the vault.
    name: '2201’s spare bag (备用卷, on its own 入库清单 row) taken out with its two exam bags',
    base: 'leiyang-kaodian',
    edit: (d) => {
      const [handover] = d.handovers!;
      Object.assign(handover.items![0], { quantity: 3, note: '7月5日上午 2201（含备用卷1袋）' });
      handover.total = 7;
      const [intake] = d.intake as Intake[];
      intake.items!.splice(1, 0, { paperNo: '2201', paperName: '行政管理学（备用卷）', bags31: 0, bags26: 0, bags11: 0, bags5: 1, totalBags: 1 });
      Object.assign(intake.totals!, { bags5: 3, totalBags: 7 });
      d.vaultLog![0].quantity = 3;
    },
    expect: [['spare-bag-out', 3, '出入库记录', 'D4', 1]],
  },
  {
    name: '分发登记1 with 领卷人签字 typed again over a column of its own, one name otherwise there: the first read, the other said',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const rows = grid.sheets.find((s) => s.name === '分发登记1')!.rows;
      const header = rows.findIndex((r) => r?.includes('领卷人签字'));
      const from = header + 1;
      const collector = rows[header]!.indexOf('领卷人签字');
      const free = Math.max(...rows.map((r) => r?.length ?? 0)) + 1;
      rows[header]![free] = '领卷人签字';
      for (let r = from; r < from + 2; r++) if (rows[r]) rows[r]![free] = r === from ? '曹敏华' : rows[r]![collector];
    },
    expect: [['column-headed-twice', 4, '分发登记1', 'L4', null]],
  },
  {
    name: 'an old draft of 分发登记1 kept as a hidden sheet beside it, one room’s copies written otherwise there',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const register = grid.sheets.find((s) => s.name === '分发登记1')!;
      const rows = register.rows.map((r) => (r ? [...r] : r));
      rows[5][3] = Number(rows[5][3]) + 10;
      grid.sheets.push({ ...register, name: '分发登记1（旧）', rows, state: 'hidden' });
    },
    expect: [['hidden-sheet', 4, '分发登记1（旧）', 'A1', null]],
  },
  {
    name: '出入库记录 pasted twice on its sheet (一式两份), the copy’s second row returned by another person: the first copy read, the row said',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => {
      const log = grid.sheets.find((s) => s.name === '出入库记录')!;
      const copy = log.rows.map((r) => (r ? [...r] : r));
      copy[4][7] = '刘洋';
      const shift = log.rows.length + 2;
      log.merges = [...log.merges, ...log.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + shift)))];
      log.rows = [...log.rows, [], [], ...copy];
    },
    expect: [['form-copies-disagree', 3, '出入库记录', 'H21', 2]],
  },
  {
    // Review 18a D3: a script's or some WPS versions' save; the tool knows no VLOOKUP, and the cell is not blank.
    name: '3301’s 单位 a VLOOKUP saved without its value: said once, no “没有写单位”',
    base: 'hengyang-fenxiao',
    edit: () => {},
    retype: (grid) => withFormula(grid, '出入库记录', 'K5', 'VLOOKUP(B5,考试安排!B:D,3,FALSE)'),
    // At its row's 序号 (2), as every finding on a table row (was null: leftovers20 item 4).
    expect: [['formula-not-saved', 3, '出入库记录', 'K5', 2]],
  },
  {
    name: '入库清单1’s 合计 of 31份装 adding its own cell (=D14+SUM(D4:D13)): a cycle, said once, the total not judged',
    base: 'leiyang-kaodian',
    edit: () => {},
    retype: (grid) => withFormula(grid, '入库清单1', 'D14', 'D14+SUM(D4:D13)'),
    expect: [['formula-cycle', 2, '入库清单1', 'D14', null]],
  },
];

/** A formula put into `sheet!cell` saved without its value (the cell's value gone, its formula kept). */
function withFormula(grid: WorkbookGrid, sheet: string, cell: string, formula: string): void {
  const s = grid.sheets.find((x) => x.name === sheet)!;
  const at = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = at[1].charCodeAt(0) - 65;
  s.rows[Number(at[2]) - 1][col] = null;
  (s.formulas ??= {})[cell] = formula;
}

describe('defects planted in 衡阳分校 and its 耒阳考点', () => {
  test.each(PLANTED.map((p) => [p.name, p] as const))('planted: %s → exactly its finding', async (_n, p) => {
    const data = shape(p.base);
    p.edit(data);
    const buffer = await fillWorkbook(data);
    const found = validateSite(await modelOf(buffer, p.retype));
    expect(found.map(tuple)).toEqual(p.expect);
    // Chinese first: no message opens in English.
    for (const f of found) expect(f.message).toMatch(/^[^A-Za-z][\s\S]*[\u4e00-\u9fff]/);
  });

  test('a 考点 that received two deliveries is named once among the 分校’s 考点', async () => {
    const p = PLANTED.find((x) => x.name === 'an item for 衡南考点 on the sheet to 耒阳考点')!;
    const data = shape(p.base);
    p.edit(data);
    const [finding] = validateSite(await modelOf(await fillWorkbook(data)));
    expect(finding.message).toMatch(/所辖的考点：衡阳分校耒阳考点、衡阳分校衡南考点）/);
  });

  test('the planted table covers every rule of the catalogue but the one across workbooks (shapes-pair.test.ts)', () => {
    const planted = new Set(PLANTED.flatMap((p) => p.expect.map((e) => e[0])));
    // The three compare workbooks given together: shapes-pair.test.ts, test/summary/other-semester.test.ts, repeated-unit.test.ts.
    const across = new Set(['handover-copies-disagree', 'workbook-of-another-semester', 'unit-workbook-twice']);
    const missing = ALL_META.map((m) => m.id).filter((id) => !across.has(id) && !planted.has(id));
    expect(missing).toEqual([]);
  });
});
