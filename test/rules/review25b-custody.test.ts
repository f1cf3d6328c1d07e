/**
 * Review 25b (test/fixtures/review25b/README.md): papers off the straight path. D1: a 分校 that is an exam site too
 * takes its own paper out the day before its session and takes it back — an early loan, not a dispatch. D3: 还卷人
 * written with where the bag went (“退回分校”, “下发岳麓考点”) — a note, not a signer nor a return. D4: a checkout on a
 * day after the paper's only session is not an exam-day checkout (no “late”). Each case: the whole finding (rule,
 * severity, sheet, cell, row, message), and nothing else; a correct book gives none.
 */
import type { Finding } from '../../src/model/finding';
import type { Intake, SiteData, StaffMember } from '../../src/model/types';
import { returnWritten, saysWhereItWent } from '../../src/model/where-it-went';
import { validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.row, f.message];
const findings = (d: SiteData) => validateSite(modelOf(d)).map(full);
const staff = (name: string, roles: string[]): StaffMember => ({ name, roles, formalStaff: true, candidateRelative: false, pledgeSigned: true });

/**
 * 长沙分校 that is an exam site too (本部考点, the review's a1): it keeps 2 bags of 1001 and 1 of 2045 for its own rooms,
 * takes them out on the exam day (钱进 07:45, 邓华 09:45) and back, and dispatches the rest to 岳麓/天心 as fenxiao.json does.
 */
function benbu(): SiteData {
  const d = base('fenxiao');
  d.schedule![0].candidates = 147;
  d.schedule![1].candidates = 81;
  d.staff!.push(staff('钱进', ['考务人员']), staff('邓华', ['考务人员']), staff('罗兰', ['监考人员']));
  const own = (paper: string, quantity: number) => ({ destination: '长沙分校', quantity, unit: '袋', note: `${paper}（本部考点）` });
  d.handovers![0].items = [
    { destination: '岳麓考点', quantity: 3, unit: '袋', note: '1001 高等数学基础' },
    { destination: '天心考点', quantity: 2, unit: '袋', note: '1001 高等数学基础' },
    own('1001 高等数学基础', 2),
    { destination: '岳麓考点', quantity: 1, unit: '袋', note: '2045 管理学基础' },
    { destination: '天心考点', quantity: 1, unit: '袋', note: '2045 管理学基础' },
    own('2045 管理学基础', 1),
    { destination: '岳麓考点', quantity: 2, unit: '袋', note: '3310 中国现代文学' },
  ];
  d.handovers![0].total = 12;
  const intake = d.intake as Intake;
  intake.items![0] = { paperNo: '1001', paperName: '高等数学基础', bags31: 3, bags26: 2, bags11: 1, bags5: 1, totalBags: 7 };
  intake.items![1] = { paperNo: '2045', paperName: '管理学基础', bags31: 2, bags26: 1, bags11: 0, bags5: 0, totalBags: 3 };
  intake.totals = { bags31: 5, bags26: 3, bags11: 3, bags5: 1, totalBags: 12 };
  d.vaultLog!.push(
    {
      paperNo: '1001',
      paperName: '高等数学基础',
      quantity: 2,
      unit: '袋',
      taker: '钱进',
      takenAt: '2024-06-15T07:45',
      issuedBy: '周建',
      returner: '钱进',
      returnedAt: '2024-06-15T10:20',
      receivedBy: '周建',
    },
    {
      paperNo: '2045',
      paperName: '管理学基础',
      quantity: 1,
      unit: '袋',
      taker: '邓华',
      takenAt: '2024-06-15T09:45',
      issuedBy: '周建',
      returner: '邓华',
      returnedAt: '2024-06-15T12:15',
      receivedBy: '周建',
    },
  );
  const room = (paperNo: string, paperName: string, copies: number, issuedAt: string, returnedAt: string) => ({
    paperNo,
    paperName,
    copies,
    room: '本部01',
    issuedAt,
    collector: '罗兰',
    returnedAt,
    returner: '罗兰',
  });
  d.distributions = [
    {
      start: '2024-06-15T08:30',
      end: '2024-06-15T10:00',
      rows: [room('1001', '高等数学基础', 50, '2024-06-15T08:05', '2024-06-15T10:08')],
      issuer: '钱进',
      receiver: '邓华',
    },
    {
      start: '2024-06-15T10:30',
      end: '2024-06-15T12:00',
      rows: [room('2045', '管理学基础', 25, '2024-06-15T10:05', '2024-06-15T12:06')],
      issuer: '邓华',
      receiver: '钱进',
    },
  ];
  d.duty!.shifts!.push(
    { kind: '夜间', from: '2024-06-14T20:00', to: '2024-06-15T08:00', record: '无异常', handedOverBy: '吴敏', takenOverBy: '周建' },
    { kind: '日间', from: '2024-06-15T08:00', to: '2024-06-15T13:00', record: '本部考点按场次出入库', handedOverBy: '周建', takenOverBy: '吴敏' },
  );
  return d;
}

/**
 * 岳麓考点 sending its unopened 5-copy bag of 1001 back to 长沙分校 (the review's d1): 2 bags out on the exam day, the
 * third taken out 06-16 10:30 by 李强 and handed over on 交接单2 at 11:00. `sheet` false: no sheet carries it (d4).
 */
function sendBack(sheet = true): SiteData {
  const d = base('kaodian');
  d.vaultLog![0].quantity = 2;
  d.distributions![0].rows![0].copies = 30;
  d.distributions![0].rows![1].copies = 27;
  d.vaultLog!.push({
    paperNo: '1001',
    paperName: '高等数学基础',
    quantity: 1,
    unit: '袋',
    taker: '李强',
    takenAt: '2024-06-16T10:30',
    issuedBy: '陈静',
    returner: '',
    returnedAt: '',
    receivedBy: '',
  });
  if (sheet)
    d.handovers!.push({
      semester: '2024春',
      time: '2024-06-16T11:00',
      from: '岳麓考点',
      to: '长沙分校',
      address: '长沙市开福区湘江中路8号',
      contact: '张伟',
      items: [{ destination: '长沙分校', quantity: 1, unit: '袋', note: '1001 未启封，退回' }],
      total: 1,
      fromOpinion: '未启封试卷退回',
      fromSigners: ['李强', '赵敏'],
      toOpinion: '密封完好，同意接收',
      toSigners: ['张伟', '孙丽'],
    });
  d.duty!.shifts!.push({
    kind: '日间',
    from: '2024-06-16T08:00',
    to: '2024-06-16T11:00',
    record: '3310出入库；1001余卷1袋退回分校',
    handedOverBy: '陈静',
    takenOverBy: '刘洋',
  });
  return d;
}

/** The send-back's vault row (出入库记录 序号 4, row 7). */
const SENT_BACK = 3;

const neverBack = [
  'not-returned',
  'error',
  '出入库记录',
  'I7',
  4,
  '试卷 1001 于 6月16日 10:30 出库后没有还卷记录。考试结束后试卷须及时送回保密室，请补填还卷人、还卷时间和入库保管员；若确未送回，请立即查明。',
];

describe('the books the cases start from', () => {
  it('the 分校 that is an exam site too (a1), and the 考点 sending a bag back on a sheet (d1): no finding', () => {
    expect(findings(benbu())).toEqual([]);
    expect(findings(sendBack())).toEqual([]);
  });
});

describe('D1: the 本部’s own paper taken out the day before its session and taken back is an early loan, not a dispatch', () => {
  it('1001 out 06-14 16:00 (a day the 分校 sent papers on), back 06-15 10:20 after its rooms had it: checkout-window, alone', () => {
    const d = benbu();
    d.vaultLog![5].takenAt = '2024-06-14T16:00';
    expect(findings(d)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F9',
        6,
        '试卷 1001 在 6月14日 16:00 出库，比它这场考试开考（6月15日 08:30）早了 16小时30分。考试当天应在开考前 60 分钟内领卷，请核对取卷时间。',
      ],
    ]);
  });
});

describe('D4: a checkout on a day with no session of its paper is no exam-day checkout', () => {
  it('the spare bag out 06-16 10:30 (1001 sat only 06-15), no sheet, never back: not-returned alone, no “late”', () => {
    expect(findings(sendBack(false))).toEqual([neverBack]);
  });

  it('a checkout after its session began on the session’s day is still late', () => {
    const d = benbu();
    Object.assign(d.vaultLog![5], { takenAt: '2024-06-15T08:40' });
    d.distributions![0].rows![0].issuedAt = '2024-06-15T08:45';
    expect(findings(d)).toEqual([
      [
        'checkout-window',
        'error',
        '出入库记录',
        'F9',
        6,
        '试卷 1001 在 6月15日 08:40 出库，晚于这场考试开考时间 6月15日 08:30。试卷须在开考前领出，请核对取卷时间或考试安排。',
      ],
    ]);
  });
});

describe('D3: 还卷人 saying where the bag went is a note, not a signer nor a return', () => {
  it('“退回分校” on the send-back the sheet carries (n1): no finding', () => {
    const d = sendBack();
    d.vaultLog![SENT_BACK].returner = '退回分校';
    expect(findings(d)).toEqual([]);
  });

  it('with its 还卷时间 holding the time it left with the sheet (n3): no finding', () => {
    const d = sendBack();
    Object.assign(d.vaultLog![SENT_BACK], { returner: '退回分校', returnedAt: '2024-06-16T11:00' });
    expect(findings(d)).toEqual([]);
  });

  it('“下发岳麓考点” / “下发天心考点” on a 分校’s dispatch rows (n2): no finding', () => {
    const d = benbu();
    d.vaultLog!.slice(0, 5).forEach((row, i) => (row.returner = i < 3 ? '下发岳麓考点' : '下发天心考点'));
    expect(findings(d)).toEqual([]);
  });

  it('“退回分校” with no sheet carrying the bag: never back, said once (not-returned), as with the cell blank', () => {
    const d = sendBack(false);
    d.vaultLog![SENT_BACK].returner = '退回分校';
    expect(findings(d)).toEqual([neverBack]);
  });

  it('which texts are such a note, and what writes a return', () => {
    for (const text of ['退回分校', '已退回长沙分校', '下发岳麓考点', '移交 天心考点', '退回', '上交省校'])
      expect([text, saysWhereItWent(text)]).toEqual([text, true]);
    for (const text of ['李强', '上官云', '下发01考场', '送交保密室', '退回了一袋', '']) expect([text, saysWhereItWent(text)]).toEqual([text, false]);
    expect(returnWritten({ returner: '退回分校', returnedAt: '2024-06-16T11:00' })).toBe(false);
    expect(returnWritten({ returner: '退回分校', receivedBy: '陈静' })).toBe(true);
    expect(returnWritten({ returner: '李强' })).toBe(true);
    expect(returnWritten({ returnedAt: '2024-06-16T11:00' })).toBe(true);
  });
});
