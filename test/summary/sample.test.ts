/**
 * The sample generator: clean at every scale (the validator finds nothing, the
 * copies of every handover agree), and each planted mistake is found by its rule.
 */
import { fillWorkbook } from '../../src/cli/fill';
import { DEFECTS, DEFECT_KINDS, plantDefects, sampleExamSite, sampleNetwork, samplePapers } from '../../src/demo/sample';
import { readWorkbook, SiteModel } from '../../src/forms/workbook';
import { gridFromXlsxBuffer } from '../../src/io/xlsx/node-workbook';
import type { SiteData } from '../../src/model/types';
import { validateAcross, validateSite } from '../../src/rules/engine';

const read = async (data: SiteData): Promise<SiteModel> => readWorkbook(await gridFromXlsxBuffer(await fillWorkbook(data)));

describe('sample data', () => {
  it('is deterministic', () => {
    expect(sampleNetwork({ seed: 7 })).toEqual(sampleNetwork({ seed: 7 }));
    expect(sampleNetwork({ seed: 7 })).not.toEqual(sampleNetwork({ seed: 8 }));
    expect(sampleExamSite({ index: 1 })).toEqual(sampleNetwork().sites[1]);
  });

  it('delivers long exam periods in batches, never more than two days ahead', () => {
    const papers = samplePapers({ papers: 20, sessions: 10 });
    expect(new Set(papers.map((p) => p.batch))).toEqual(new Set([0, 1, 2]));
    const net = sampleNetwork({ papers: 20, sessions: 10, sites: 2 });
    expect(net.sites[0].handovers).toHaveLength(3);
    expect(net.branch.handovers).toHaveLength(3 + 3 * 2);
  });

  it.each([[{}], [{ papers: 30, sessions: 10, lotsPerPaper: 3 }], [{ papers: 12, sessions: 6, candidates: [5, 400] as [number, number] }]])(
    '%j: the 分校 and its 考点 validate clean, alone and together',
    async (options) => {
      const net = sampleNetwork({ ...options, sites: 3 });
      const books = [net.branch, ...net.sites];
      const models = await Promise.all(books.map(read));
      for (const m of models) expect(validateSite(m)).toEqual([]);
      const across = validateAcross(models.map((model, i) => ({ id: String(i), model })));
      expect([...across.values()].flat()).toEqual([]);
    },
  );

  it('each planted mistake is found by the rule it names', async () => {
    const net = sampleNetwork({ sites: 2 });
    for (const kind of DEFECT_KINDS) {
      const { data, planted } = plantDefects(net.sites[1], [kind]);
      expect(planted.map((p) => p.kind)).toEqual([kind]);
      const model = await read(data);
      const rules = new Set(validateSite(model).map((f) => f.rule));
      if (DEFECTS[kind].rule === 'handover-copies-disagree') {
        const across = validateAcross([
          { id: 'b', model: await read(net.branch) },
          { id: 's', model },
        ]);
        across.get('s')!.forEach((f) => rules.add(f.rule));
      }
      expect({ kind, found: rules.has(DEFECTS[kind].rule) }).toEqual({ kind, found: true });
    }
  });

  it('plantDefects leaves its input alone', () => {
    const site = sampleNetwork().sites[0];
    const before = JSON.stringify(site);
    plantDefects(site);
    expect(JSON.stringify(site)).toBe(before);
  });
});
