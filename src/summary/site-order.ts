/**
 * The order of 站点汇总's rows, as a superior reads a province's workbooks:
 * the 省校's first, then each 分校 (基本信息 分校) with its 考点 under it — the
 * 分校's own workbook, then its 考点 by name — the 分校 by name; then units that
 * name no 分校, and last the files that could not be read. By file name, a 分校
 * landed between its 考点 and the 考点 of different 分校 were mixed (review
 * round 5). A group's 分校 column shows one name however its units spell it
 * (`schoolsShown`). Pure: the in-memory summary and the spooled one order
 * and name alike.
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

/** The spellings of one 分校 met in the run, as sameUnit matches them. */
interface SchoolGroup {
  keys: string[];
  /** Each place's 分校 as written, in the order met. */
  spellings: string[];
  /** As the 分校's own workbook (基本信息 of a unit whose level is 分校) writes it, the first met. */
  own?: string;
}

/**
 * Each 分校 named, one group for every spelling of it: its own workbook may
 * name it in full (国家开放大学湖南分部邵阳分校), its 考点's by its short name
 * (邵阳分校), as sameUnit matches them. `groupOf` gives a 分校's group (-1: none).
 */
function schoolGroupsOf(places: readonly SitePlace[]): { groups: SchoolGroup[]; groupOf: (school: string) => number } {
  const groups: SchoolGroup[] = [];
  // Each key's group, until a group gains a key (which may change it): 3,000 workbooks of 300 分校 compared
  // every place with every key met (330 ms of a summary's main thread).
  const known = new Map<string, number>();
  const groupOf = (school: string) => {
    const key = unitKey(school);
    if (!key) return -1;
    let g = known.get(key);
    if (g === undefined) known.set(key, (g = groups.findIndex((group) => group.keys.some((k) => sameUnitKey(k, key)))));
    return g;
  };
  for (const p of places) {
    if (!p.readable || !unitKey(p.school) || p.level === '省校') continue;
    let g = groupOf(p.school);
    if (g < 0) g = groups.push({ keys: [], spellings: [] }) - 1;
    const key = unitKey(p.school);
    if (!groups[g].keys.includes(key)) {
      groups[g].keys.push(key);
      known.clear();
    }
    groups[g].spellings.push(p.school);
    if (p.level === '分校') groups[g].own ??= p.school;
  }
  return { groups, groupOf };
}

/** The shortest of `names`, the first met of those as short. */
const shortest = (names: readonly string[]) => names.reduce((a, b) => (b.length < a.length ? b : a));

/**
 * The one name 站点汇总 shows for a 分校's group: as its own workbook writes
 * it when that is in the run; else the shortest spelling all the others
 * contain (邵阳分校 in 湖南开放大学邵阳分校); else the one most written (the
 * shortest of those, then the first met).
 */
function shownName(g: SchoolGroup): string {
  if (g.own !== undefined) return g.own;
  const inAll = g.spellings.filter((name) => g.spellings.every((other) => other.includes(name)));
  if (inAll.length > 0) return shortest(inAll);
  const times = (name: string) => g.spellings.filter((s) => s === name).length;
  const most = Math.max(...g.spellings.map(times));
  return shortest(g.spellings.filter((name) => times(name) === most));
}

/**
 * The 分校 站点汇总 shows on each place's row: one name for a group however
 * its units spell it (`shownName`) — each unit's own spelling of itself stays
 * in its 单位; a place in no group (a 省校, none named) as it writes it.
 */
export function schoolsShown(places: readonly SitePlace[]): string[] {
  const { groups, groupOf } = schoolGroupsOf(places);
  const names = groups.map(shownName);
  return places.map((p) => {
    const g = p.readable && p.level !== '省校' ? groupOf(p.school) : -1;
    return g >= 0 ? names[g] : p.school;
  });
}

/** Each 分校's group's place in the order, by its shortest spelling (邵阳分校, not 国家开放大学…): -1 for none. */
function schoolRanks(places: readonly SitePlace[]): (school: string) => number {
  const { groups, groupOf } = schoolGroupsOf(places);
  const names = groups.map((g) => shortest(g.spellings));
  const rank = groups.map((_, i) => i).sort((a, b) => BY_NAME(names[a], names[b]) || a - b);
  const position = new Map(rank.map((g, at) => [g, at]));
  return (school) => position.get(groupOf(school)) ?? -1;
}

/** Within a 分校's group: its own workbook, then its 考点, then a unit whose level cannot be read. */
const IN_GROUP: Record<string, number> = { 省校: 0, 分校: 0, 考点: 1 };

/** The indices of `places` in 站点汇总's order (files of one place keep their order: a workbook before its copies). */
export function siteOrder(places: readonly SitePlace[]): number[] {
  const groupOf = schoolRanks(places);
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
