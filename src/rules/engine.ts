import type { Finding } from '../model/finding';
import type { SiteModel } from '../forms/workbook';

export function validateSite(_model: SiteModel, _options?: { lang?: 'zh' | 'en' }): Finding[] {
  return [];
}

export function validateAcross(
  sites: ReadonlyArray<{ id: string; model: SiteModel }>,
  _options?: { lang?: 'zh' | 'en' },
): Map<string, Finding[]> {
  return new Map(sites.map((s) => [s.id, []]));
}
