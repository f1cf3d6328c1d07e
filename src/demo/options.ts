/** The options of the sample data (src/demo/sample.ts). */
import type { SiteData } from '../model/types';

export interface SampleOptions {
  /** Seed of the pseudo-random choices (names, candidates); default 1. */
  seed?: number;
  semester?: string;
  branch?: string;
  /** The 分校 (学院). */
  school?: string;
  /** First exam day, `YYYY-MM-DD`; default 2024-06-15. */
  firstDay?: string;
  /** Papers sat at each 考点; default 6. */
  papers?: number;
  /** Sessions the papers are spread over (two a day, 08:30 and 14:00); default 3. */
  sessions?: number;
  /** Checkouts per paper on the 考点's vault log (a paper's bags taken in several lots); default 1. */
  lotsPerPaper?: number;
  /** Candidates per paper at a 考点, drawn between these; default [18, 95]. */
  candidates?: [number, number];
}

export interface ExamSiteOptions extends SampleOptions {
  /** The 考点's name; default 岳麓考点. */
  examSite?: string;
  /** Which of the network's sites this is (names, addresses, candidates differ); default 0. */
  index?: number;
}

export interface NetworkOptions extends SampleOptions {
  /** Number of 考点 under the 分校; default 2. */
  sites?: number;
  /** Their names; default 岳麓考点, 天心考点, … then 第N考点. */
  siteNames?: string[];
}

export interface SampleNetwork {
  branch: SiteData;
  sites: SiteData[];
}
