/**
 * 附件1 prints the sending unit's box as one line, “移交单位及意见：”, and people
 * typing the form by hand fill it on that line: “移交单位及意见：长沙分校  试卷袋
 * 密封完好，同意移交”. The reader takes what follows the label as the 移交单位,
 * so the whole line stood as the sender — in every message, the summary's
 * 交接配对 and the pairing of the two copies. Here such a value is split: the
 * unit named first, the opinion after it, when nothing was read as the opinion.
 */
import type { LocationMap } from '../model/location';
import type { Handover } from '../model/types';

/** A unit's name: ends as units are named (长沙分校, 宁乡考点, 湖南分部, 长沙分校（学院）…). */
const UNIT = String.raw`\S*?(?:分校|考点|分部|学院|大学|印刷厂|学习中心)(?:[（(][^）)]*[）)])?`;
/** The unit, a separator (spaces, a comma, a colon), and the opinion. */
const UNIT_THEN_OPINION = new RegExp(String.raw`^(${UNIT})[\s\u3000,，、;；:：]+(\S[\s\S]*)$`);
/** An opinion that is a unit itself (湖南开放大学 长沙分校): one unit written in two words, not split. */
const STARTS_WITH_UNIT = new RegExp(`^${UNIT}(?:$|[\\s\\u3000,，、])`);

/** The sending unit and its opinion when both were typed in the unit's cell; undefined when it holds the unit alone. */
export function splitSenderBox(from: unknown): { unit: string; opinion: string } | undefined {
  if (typeof from !== 'string') return undefined;
  const m = UNIT_THEN_OPINION.exec(from.trim());
  if (!m || STARTS_WITH_UNIT.test(m[2])) return undefined;
  return { unit: m[1], opinion: m[2].trim() };
}

/** Each handover whose 移交单位 holds its opinion too, with none read apart: the unit and the opinion each in its field, both at the cell. */
export function tidySenderBoxes(handovers: ReadonlyArray<Handover | null | undefined> | undefined, locations: LocationMap): void {
  handovers?.forEach((h, i) => {
    if (!h || (typeof h.fromOpinion === 'string' && h.fromOpinion.trim() !== '')) return;
    const split = splitSenderBox(h.from);
    if (!split) return;
    h.from = split.unit;
    h.fromOpinion = split.opinion;
    const at = locations[`handovers[${i}].from`];
    // The opinion is where it was typed, not on the empty line the layout keeps for it below.
    if (at !== undefined) locations[`handovers[${i}].fromOpinion`] = at;
  });
}
