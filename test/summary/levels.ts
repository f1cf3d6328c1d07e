/** A consolidated summary's stock of one unit level, as the tests write it out. */
import type { LevelTotals } from '../../src/summary/consolidate';

export const level = (l: LevelTotals['level'], units: number, bags: number, copies: number, candidates: number, bagsStillOut: number): LevelTotals => ({
  level: l,
  units,
  bags,
  copies,
  candidates,
  bagsStillOut,
});

/** A level no unit of the run is at. */
export const none = (l: LevelTotals['level']): LevelTotals => level(l, 0, 0, 0, 0, 0);
