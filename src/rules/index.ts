/** The rule catalogue (docs/领域说明.md, 校验规则): every rule, in the order of the catalogue. */
import * as requiredField from './required-field';
import * as invalidDatetime from './invalid-datetime';
import * as timeNotShown from './time-not-shown';
import * as invalidCount from './invalid-count';
import * as partialRow from './partial-row';
import * as voidedRow from './voided-row';
import * as struckText from './struck-text';
import * as rowsAfterClosing from './rows-after-closing';
import * as hiddenSheet from './hidden-sheet';
import * as columnHeadedTwice from './column-headed-twice';
import * as rowTotal from './row-total';
import * as columnTotal from './column-total';
import * as twoSigners from './two-signers';
import * as samePerson from './same-person';
import * as timeOrder from './time-order';
import * as arrivalTooEarly from './arrival-too-early';
import * as intakeBeforeReceipt from './intake-before-receipt';
import * as inventoryMismatch from './inventory-mismatch';
import * as unknownPaper from './unknown-paper';
import * as paperNameMismatch from './paper-name-mismatch';
import * as overdraw from './overdraw';
import * as checkoutBeforeIntake from './checkout-before-intake';
import * as checkoutWindow from './checkout-window';
import * as notReturned from './not-returned';
import * as distributionOutsideCustody from './distribution-outside-custody';
import * as copiesShort from './copies-short';
import * as dutyGap from './duty-gap';
import * as dutyChain from './duty-chain';
import * as signatureNotAName from './signature-not-a-name';
import * as staffNotOnRoster from './staff-not-on-roster';
import * as staffIneligible from './staff-ineligible';
import * as proctorTakesPapers from './proctor-takes-papers';
import * as rosterNamesakes from './roster-namesakes';
import * as itemForAnotherUnit from './item-for-another-unit';
import * as receiverNotThisUnit from './receiver-not-this-unit';
import * as schoolNotSender from './school-not-sender';
import * as dispatchWithoutHandover from './dispatch-without-handover';
import * as intakeLate from './intake-late';
import * as keeperNotCustodian from './keeper-not-custodian';
import * as sessionWithoutRegister from './session-without-register';
import * as registerSession from './register-session';
import * as noteCount from './note-count';
import * as handedOutBeyondCheckout from './handed-out-beyond-checkout';
import * as sheetOfAnotherSemester from './sheet-of-another-semester';
import * as scheduleCopiesDisagree from './schedule-copies-disagree';
import * as formCopiesDisagree from './form-copies-disagree';
import * as spareBagOut from './spare-bag-out';
import * as workbookOfAnotherSemester from './workbook-of-another-semester';
import * as unitWorkbookTwice from './unit-workbook-twice';
import * as handoverCopiesDisagree from './handover-copies-disagree';
import * as formulaNotSaved from './formula-not-saved';
import * as formulaCycle from './formula-cycle';
import type { CrossRule, Lang, Rule, RuleMeta } from './types';

/** Rules over one workbook. */
export const RULES: readonly Rule[] = [
  requiredField,
  invalidDatetime,
  timeNotShown,
  invalidCount,
  partialRow,
  voidedRow,
  struckText,
  rowsAfterClosing,
  rowTotal,
  columnTotal,
  twoSigners,
  samePerson,
  timeOrder,
  arrivalTooEarly,
  intakeBeforeReceipt,
  inventoryMismatch,
  unknownPaper,
  paperNameMismatch,
  overdraw,
  checkoutBeforeIntake,
  checkoutWindow,
  notReturned,
  distributionOutsideCustody,
  copiesShort,
  dutyGap,
  dutyChain,
  signatureNotAName,
  staffNotOnRoster,
  staffIneligible,
  proctorTakesPapers,
  rosterNamesakes,
  // Second wave (docs/领域说明.md)
  itemForAnotherUnit,
  receiverNotThisUnit,
  schoolNotSender,
  dispatchWithoutHandover,
  intakeLate,
  keeperNotCustodian,
  sessionWithoutRegister,
  registerSession,
  noteCount,
  handedOutBeyondCheckout,
  sheetOfAnotherSemester,
  scheduleCopiesDisagree,
  formCopiesDisagree,
  hiddenSheet,
  columnHeadedTwice,
  spareBagOut,
  formulaNotSaved,
  formulaCycle,
];

/**
 * Rules over workbooks given together: handover-copies-disagree, the part of
 * proctor-takes-papers that judges a dispatch's taker by the receiving unit's roster,
 * workbook-of-another-semester and unit-workbook-twice.
 */
export const CROSS_RULES: readonly CrossRule[] = [
  handoverCopiesDisagree,
  { meta: proctorTakesPapers.meta, check: proctorTakesPapers.checkAcross },
  workbookOfAnotherSemester,
  unitWorkbookTwice,
];

/** Every rule, in catalogue order; a rule that also checks across workbooks, once. */
export const ALL_META: readonly RuleMeta[] = [...new Set([...RULES.map((r) => r.meta), ...CROSS_RULES.map((r) => r.meta)])];

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_META.find((m) => m.id === id);
}

/** The short name a person sees for a rule (交接单两人签字 / Two signers on a handover); the id itself for an unknown one. */
export function ruleTitle(id: string, lang: Lang = 'zh'): string {
  return ruleMeta(id)?.title[lang] ?? id;
}

export type { Rule, RuleMeta, CrossRule } from './types';
