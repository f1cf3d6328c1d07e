/**
 * A slim model (service.ts slimModel) carries its handover copies' compared fields (pairing.ts copyFields, packed),
 * worked out once in the thread that read the workbook: the checks across workbooks (rules/handover-pairs.ts) take
 * them instead of working them out again, and so do the summary's copies (consolidate.ts pairCopiesOf) where the
 * brief writes what the handover writes. Same fields, same findings, same copies.
 */
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { findAcross, slimModel } from '../../src/check/service';
import { COPY_FIELDS, type CopyFields, copyFields } from '../../src/model/pairing';
import { packCopyFields, unpackCopyFields } from '../../src/model/packed-fields';
import { unsolvedCopyFields } from '../../src/model/copy-unknowns';
import { workbookPaperNames } from '../../src/model/item-papers';
import type { SiteModel } from '../../src/model/site-model';
import { pairCopiesOf } from '../../src/summary/consolidate';
import { summarizeSite } from '../../src/summary/site';
import { validateSite } from '../../src/rules/engine';
import { modelOf } from '../rules/tester';

/** A 分校 and three 考点, the first 考点's copy of its handover planted to disagree (its time an hour off). */
function models(): Array<{ id: string; model: SiteModel }> {
  const net = sampleNetwork({ sites: 3, papers: 2, sessions: 1 });
  const books = [net.branch, plantDefects(net.sites[0], ['handover-disagree']).data, net.sites[1], net.sites[2]];
  return books.map((data, i) => ({ id: `${i}.xlsx`, model: modelOf(data) }));
}

const full = models();
const slim = full.map(({ id, model }) => ({ id, model: slimModel(model) }));
/** The same slim models carrying no fields: the checks work them out, as they did. */
const bare = slim.map(({ id, model }) => {
  const { copyFields: _carried, ...rest } = model;
  return { id, model: rest as SiteModel };
});

describe('the fields a slim model carries', () => {
  it('are each handover’s copyFields, of the workbook’s unknown fields and paper names', () => {
    for (const [k, { model }] of full.entries()) {
      const unknown = new Map(unsolvedCopyFields(model));
      const names = workbookPaperNames(model);
      const expected = (model.data.handovers ?? []).map((h, i) => JSON.stringify(copyFields(h!, unknown.get(i), names)));
      expect(slim[k].model.copyFields!.map((p) => JSON.stringify(unpackCopyFields(p!)))).toEqual(expected);
      expect(slim[k].model.copyFields).toHaveLength(model.data.handovers!.length);
    }
  });

  it('pack and unpack to the same fields, with papers, names and unknown fields, in the same key order', () => {
    const f: CopyFields = copyFields(
      { time: '2024-06-14T09:30', from: '长沙分校', to: '岳麓考点', items: [{ destination: '岳麓考点', quantity: 3, note: '1001 高等数学基础' }], total: 3 },
      ['total'],
      { 高等数学基础: '1001' },
    );
    expect([f.papers, f.paperNames, f.unknown]).toEqual(['岳麓考点|1001|袋|3', '岳麓考点|高等数学基础|袋|3', ['total']]);
    const packed = packCopyFields(f);
    expect(packed).toHaveLength(COPY_FIELDS.length + 3);
    expect(JSON.stringify(unpackCopyFields(JSON.parse(JSON.stringify(packed))))).toBe(JSON.stringify(f));
    // None of the three: nothing after the fields.
    const plain = copyFields({ time: '2024-06-14T09:30', from: '长沙分校', to: '岳麓考点', items: [{ destination: '岳麓考点', quantity: 3 }] });
    expect(packCopyFields(plain)).toHaveLength(COPY_FIELDS.length);
    expect(JSON.stringify(unpackCopyFields(packCopyFields(plain)))).toBe(JSON.stringify(plain));
  });

  it('give the checks across workbooks the findings they find working the fields out', () => {
    const found = [...findAcross(slim, 'zh')];
    expect(found).toEqual([...findAcross(bare, 'zh')]);
    expect(found.filter(([, f]) => f.length).map(([id, f]) => [id, f.map((x) => [x.rule, x.sheet, x.cell])])).toEqual([
      ['0.xlsx', [['handover-copies-disagree', '交接单2', 'C3']]],
      ['1.xlsx', [['handover-copies-disagree', '交接单', 'C3']]],
    ]);
  });

  it('are what those checks compare: a carried field changed is a difference they report', () => {
    // The third 考点's copy of its delivery, its 移交人 carried as another's: the copies now disagree on them.
    const changed = slim.map(({ id, model }) => ({ id, model: { ...model, copyFields: model.copyFields!.map((p) => [...p!]) } }));
    const fromSigners = COPY_FIELDS.indexOf('fromSigners');
    changed[3].model.copyFields[0][fromSigners] = '某某、某某某';
    const found = findAcross(changed, 'zh');
    // At the 移交人签字 of the 考点's copy (the message quotes the cells, which say the same: only the carried field was changed).
    const [x] = found.get('3.xlsx')!;
    expect([found.get('3.xlsx')!.length, x.rule, x.sheet, x.cell]).toEqual([1, 'handover-copies-disagree', '交接单', 'A20']);
    expect(x.message).toMatch(/^这张交接单的“移交人签字”写的是“.+”，而对方“长沙分校”留存的同一张交接单（文件“0\.xlsx”的 交接单4 A20）/);
    // And on the 分校's copy, beside the planted disagreement of the first 考点's.
    expect(found.get('0.xlsx')!.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['handover-copies-disagree', '交接单2', 'C3'],
      ['handover-copies-disagree', '交接单4', 'A20'],
    ]);
  });
});

describe('the summary’s copies', () => {
  const summaryOf = (model: SiteModel) => summarizeSite(model, validateSite(model));

  it('take the carried fields, the same as those worked out of the briefs', () => {
    for (const [k, { id, model }] of full.entries()) {
      const s = summaryOf(model);
      const names = slim[k].model.paperNames;
      expect(JSON.stringify(pairCopiesOf(id, s, undefined, names, slim[k].model))).toBe(JSON.stringify(pairCopiesOf(id, s, undefined, names)));
    }
  });

  it('work a copy’s fields out of its brief where the brief writes otherwise than the handover (a cell showing #N/A is blank there)', () => {
    const s = summaryOf(full[1].model);
    const brief = s.handovers.in[0];
    const shown = { ...s, handovers: { ...s.handovers, in: [{ ...brief, contact: '' }] } };
    const [copy] = pairCopiesOf('1.xlsx', shown, undefined, undefined, slim[1].model).in;
    expect(copy.fields.contact).toBe('');
    expect(copy.fields).toEqual(copyFields({ ...brief, contact: '' }));
    expect(unpackCopyFields(slim[1].model.copyFields![brief.index]!).contact).not.toBe('');
  });
});
