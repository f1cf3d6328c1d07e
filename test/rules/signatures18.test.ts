/**
 * Review 17b's leftovers on signatures (fix-layout18): a ditto mark or an Excel error value where a signature goes
 * is said under its own title (signature-not-a-name, “签字栏写的不是姓名”), not as a signer off the roster; and it is
 * no signer for two-signers. Each workbook drawn from 岳麓考点 (kaodian.json), read back and validated: the whole
 * finding (rule, severity, sheet, cell, message), nothing else.
 */
import type { Finding } from '../../src/model/finding';
import { ruleTitle } from '../../src/rules/index';
import { validateSite } from '../../src/rules/engine';
import { base, modelOf } from './tester';

const full = (f: Finding) => [f.rule, f.severity, f.sheet, f.cell, f.message];
const receivers = (names: string[]) => {
  const d = base('kaodian');
  d.handovers![0].toSigners = names;
  return validateSite(modelOf(d)).map(full);
};
const SHOWS_NA =
  '“接收人签字”这一格显示的是“#N/A”，这是 Excel 的错误值：格子里的公式算不出结果，表上和打印出来的都是“#N/A”，不是签名，看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请删去公式，在这里写上签字人的姓名。';

describe('two-signers: an error value or a ditto mark is no signer', () => {
  test('接收人签字 showing #N/A alone: said once, that the cell shows an error value and no name — not “只有 1 人签字（#N/A）”', () => {
    expect(receivers(['#N/A'])).toEqual([['signature-not-a-name', 'error', '交接单', 'D20', SHOWS_NA]]);
  });

  test('李强 and 同上: one slip, one finding — the 同上 said as no signature, naming 李强 the one signer (review 19a D9)', () => {
    expect(receivers(['李强', '同上'])).toEqual([
      [
        'signature-not-a-name',
        'error',
        '交接单',
        'D20',
        '“接收人签字”写的是“李强、同上”，其中“同上”不是签名：签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替。这一格只读出“李强”签了字，另一处看不出是谁签的，也无法核对名单和资格。请把“同上”换成另一名签字人的姓名，没有第二人签字的就删去它、请第二人补签。',
      ],
    ]);
  });
});

describe('a ditto signature has its own title (review 17b O1)', () => {
  test('〃 in 附件3’s signature columns: signature-not-a-name, titled 签字栏写的不是姓名, one finding a cell', () => {
    const d = base('kaodian');
    d.vaultLog![1].issuedBy = '〃';
    d.vaultLog![2].receivedBy = '同上';
    const findings = validateSite(modelOf(d));
    expect(findings.map(full)).toEqual([
      [
        'signature-not-a-name',
        'error',
        '出入库记录',
        'G5',
        '“卷库保管员出库签字”写的是“〃”，不是签名。签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替，否则看不出是谁签的，也无法核对名单和资格。请在这里写上签字人的姓名。',
      ],
      [
        'signature-not-a-name',
        'error',
        '出入库记录',
        'J6',
        '“保管员入库签字”写的是“同上”，不是签名。签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替，否则看不出是谁签的，也无法核对名单和资格。请在这里写上签字人的姓名。',
      ],
    ]);
    expect([ruleTitle('signature-not-a-name'), ruleTitle('signature-not-a-name', 'en')]).toEqual(['签字栏写的不是姓名', 'Signature is not a name']);
  });
});
