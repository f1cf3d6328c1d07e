import { isDittoMark, peopleIn } from './facts';
import { isExcelError } from '../model/excel-errors';
import { valueAt } from '../model/location';
import type { RuleContext, RuleMeta } from './types';

export const meta: RuleMeta = {
  id: 'signature-not-a-name',
  title: { zh: '签字栏写的不是姓名', en: 'Signature is not a name' },
  severity: 'error',
  forms: [1, 2, 3, 4, 5],
  clause:
    '依据《湖南开放大学试卷安全保密管理专项整治实施方案》附件1–5 各签字栏（“移交人签字（两人）”“取卷人签字”“卷库保管员出库签字”“领卷人签字”“交班人”“接班人”）；（六）“须严格落实所有涉卷人员保密承诺书签订”',
  messages: {
    zh: {
      ditto:
        '“{field}”写的是“{name}”，不是签名。签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替，否则看不出是谁签的，也无法核对名单和资格。请在这里写上签字人的姓名。',
      error:
        '“{field}”这一格显示的是“{name}”，这是 Excel 的错误值：格子里的公式算不出结果，表上和打印出来的都是“{name}”，不是签名，看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请删去公式，在这里写上签字人的姓名。',
      dittoAmong:
        '“{field}”写的是“{text}”，其中“{name}”不是签名：签字栏须由签字人本人签写姓名，不能用“同上”“〃”代替。这一格只读出“{signers}”签了字，另一处看不出是谁签的，也无法核对名单和资格。请把“{name}”换成另一名签字人的姓名，没有第二人签字的就删去它、请第二人补签。',
      errorAmong:
        '“{field}”写的是“{text}”，其中“{name}”是 Excel 的错误值（多半是公式算不出结果时复制过来的），不是签名：这一格只读出“{signers}”签了字，另一处看不出是谁签的，也无法核对名单和资格。签字栏须由签字人本人签写姓名：请把“{name}”换成签字人的姓名，没有第二人签字的就删去它。',
    },
    en: {
      ditto:
        '"{field}" reads "{name}", a ditto mark, not a signature. Each signature cell carries the signer’s own name; from a ditto mark no one can tell who signed, nor check them against the roster. Write the signer’s name here.',
      error:
        '"{field}" shows "{name}", an Excel error value: the formula in the cell cannot be worked out, and the form shows and prints "{name}", not a signature, so no one can tell who signed, nor check them against the roster. A signature cell carries the signer’s own name: delete the formula and write the signer’s name here.',
      dittoAmong:
        '"{field}" reads "{text}": "{name}" in it is a ditto mark, not a signature; each signature cell carries the signers’ own names. Only {signers} is read as signing there; no one can tell who else signed, nor check them against the roster. Replace "{name}" with the second signer’s name, or delete it and have the second person sign.',
      errorAmong:
        '"{field}" reads "{text}": "{name}" in it is an Excel error value (most likely copied from a formula that could not be worked out), not a signature, so only {signers} is read as signing there; no one can tell who else signed, nor check them against the roster. A signature cell carries the signers’ own names: replace "{name}" with the signer’s name, or delete it where no one else signed.',
    },
  },
  docs: 'A signature cell on this unit’s side (the signers staff-not-on-roster checks) holding a ditto mark (同上, 同左, 仝上, 〃) or showing an Excel error value (#N/A, #REF!: its formula not worked out) instead of a name: no one can tell who signed, nor check them against the roster. One finding per cell: each wants its signer’s name. An error value or a ditto mark beside a name (李强、#N/A, 李强、同上) is no second signer: said the same way, quoting the cell and the name read (李强, who counts as the one signer there) — and not again by two-signers. Such a cell names no one for the other rules either: not a signer off the roster (staff-not-on-roster), not one of a handover’s two signers (two-signers), not one person on both sides (same-person), not a link of the duty chain (duty-chain).',
};

export function check({ model, facts, report }: RuleContext): void {
  const said = new Set<string>();
  // Indexed: a vault log's signers are tens of thousands, and a for-of made an iterator for each.
  const signers = facts.ownSigners;
  for (let k = 0; k < signers.length; k++) {
    const s = signers[k];
    const error = isExcelError(s.name);
    if ((!error && !isDittoMark(s.name)) || said.has(s.path)) continue;
    said.add(s.path);
    // #N/A, #REF!: the cell's formula failed, and the form prints the error where a name should be (review 17a D1).
    notANameAt(s.path, s.name, error);
  }

  /**
   * A ditto mark or an error value alone in its cell, or beside the names read there (李强、#N/A, 李强、同上: 李强
   * signed). One slip, one finding: two-signers leaves such a cell to this (review 19a D9).
   */
  function notANameAt(path: string, name: string, error: boolean): void {
    const value = valueAt(model.data, path);
    const text = Array.isArray(value) ? value.join('、') : String(value ?? '');
    const signers = peopleIn(text).filter((n) => !isExcelError(n) && !isDittoMark(n));
    if (signers.length === 0) report(path, error ? 'error' : 'ditto', { name });
    else report(path, error ? 'errorAmong' : 'dittoAmong', { name, text, signers: signers.join('、') });
  }
}
