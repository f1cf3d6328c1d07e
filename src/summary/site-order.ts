/**
 * The order of 站点汇总's rows, as a superior reads a province's workbooks:
 * the 省校's first, then each 分校 (基本信息 分校) with its 考点 under it — the
 * 分校's own workbook, then its 考点 by name — the 分校 by name; then units that
 * name no 分校, and last the files that could not be read. By file name, a 分校
 * landed between its 考点 and the 考点 of different 分校 were mixed (review
 * round 5). Pure: the in-memory summary and the spooled one order alike.
 */
import { type Level, levelOf, sameUnitKey, unitKey } from '../model/custody';
import type { FileOutcome } from './consolidate';

/** What a workbook is ordered by. */
export interface SitePlace {
  readable: boolean;
  level: Level | null;
  /** 基本信息 分校 as written ('' when blank or unreadable). */
  school: string;
  /** The unit's name (SiteSummary.site.name). */
  name: string;
}

/** A file's place: its unit's level, 分校 and name. */
export function placeOf(f: Pick<FileOutcome, 'summary'>): SitePlace {
  const s = f.summary;
  if (!s) return { readable: false, level: null, school: '', name: '' };
  return { readable: true, level: levelOf(s.site) ?? null, school: s.site.school.trim(), name: s.site.name };
}

/** Names in the order people sort Chinese names (as the pair tables do). */
const BY_NAME = new Intl.Collator('zh').compare;

/**
 * Each 分校 named, one group for every spelling of it: its own workbook may
 * name it in full (国家开放大学湖南分部邵阳分校), its 考点's by its short name
 * (邵阳分校), as sameUnit matches them. A group is sorted by its shortest spelling.
 */
function schoolGroups(places: readonly SitePlace[]): (school: string) => number {
  const groups: Array<{ keys: string[]; name: string }> = [];
  const find = (key: string) => groups.findIndex((g) => g.keys.some((k) => sameUnitKey(k, key)));
  for (const p of places) {
    const key = unitKey(p.school);
    if (!p.readable || !key || p.level === '省校') continue;
    const g = find(key);
    if (g < 0) groups.push({ keys: [key], name: p.school });
    else {
      groups[g].keys.push(key);
      if (p.school.length < groups[g].name.length) groups[g].name = p.school;
    }
  }
  const rank = groups.map((_, i) => i).sort((a, b) => BY_NAME(groups[a].name, groups[b].name) || a - b);
  const position = new Map(rank.map((g, at) => [g, at]));
  return (school) => position.get(find(unitKey(school))) ?? -1;
}

/** Within a 分校's group: its own workbook, then its 考点, then a unit whose level cannot be read. */
const IN_GROUP: Record<string, number> = { 省校: 0, 分校: 0, 考点: 1 };

/** The indices of `places` in 站点汇总's order (files of one place keep their order: a workbook before its copies). */
export function siteOrder(places: readonly SitePlace[]): number[] {
  const groupOf = schoolGroups(places);
  const keys = places.map((p) => {
    const group = p.readable && p.school ? groupOf(p.school) : -1;
    // 省校 first; the 分校 groups; units naming no 分校; unreadable files.
    const band = !p.readable ? 3 : p.level === '省校' ? 0 : group >= 0 ? 1 : 2;
    return { band, group, inGroup: p.level ? IN_GROUP[p.level] : 2, name: p.name };
  });
  return places
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      return x.band - y.band || x.group - y.group || x.inGroup - y.inGroup || BY_NAME(x.name, y.name) || a - b;
    });
}
