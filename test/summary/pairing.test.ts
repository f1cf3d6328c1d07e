/**
 * Pairing each handover's two copies across a 分校's and its 考点's workbooks:
 * matched, a missing counterpart, and copies that disagree (quantity, time, signers).
 */
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import type { SiteData } from '../../src/model/types';
import { FileOutcome, buildConsolidated, pairHandovers } from '../../src/summary/consolidate';
import { PAIR_COLUMNS, describePair } from '../../src/summary/tables';
import { summarizeSite } from '../../src/summary/site';
import { plainHeader } from '../../src/summary/columns';

function outcomes(books: Array<[string, SiteData]>): FileOutcome[] {
  return books.map(([file, data]) => ({ file, sha256: null, findings: [], summary: summarizeSite(data, [], { file }) }));
}

const net = () => sampleNetwork({ sites: 2, papers: 4, sessions: 2 });

describe('handover pairing across workbooks', () => {
  it('a consistent network: both dispatches matched; the 分部 copy has no counterpart among the files', () => {
    const n = net();
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', n.sites[0]],
        ['天心.xlsx', n.sites[1]],
      ]),
    );
    expect(pairs).toHaveLength(3);
    const matched = pairs.filter((p) => p.status === 'matched');
    expect(matched.map((p) => p.to).sort()).toEqual(['天心考点', '岳麓考点']);
    for (const p of matched) {
      expect(p.sender!.file).toBe('分校.xlsx');
      expect(p.receiver!.file).toBe(p.to === '岳麓考点' ? '岳麓.xlsx' : '天心.xlsx');
      expect(p.differences).toEqual([]);
      expect(p.sender!.sheet).toBeNull(); // summaries made from data, not from a workbook
    }
    const upstream = pairs.find((p) => p.from === '湖南分部')!;
    expect(upstream).toMatchObject({ status: 'receiver-only', counterpartProvided: false, sender: null });
    expect(describePair(upstream)).toContain('未提供移交方（湖南分部）的工作簿');
  });

  it('a missing counterpart: the 考点 workbook is there but its copy is not', () => {
    const n = net();
    n.sites[1].handovers = [];
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', n.sites[0]],
        ['天心.xlsx', n.sites[1]],
      ]),
    );
    const lonely = pairs.find((p) => p.to === '天心考点')!;
    expect(lonely).toMatchObject({ status: 'sender-only', counterpartProvided: true, receiver: null });
    expect(lonely.sender!.file).toBe('分校.xlsx');
    expect(describePair(lonely)).toBe('接收方（天心考点）的工作簿中没有这张交接单');
  });

  it("the other side's workbook not given at all is told apart from a missing copy", () => {
    const n = net();
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', n.sites[0]],
      ]),
    );
    expect(pairs.find((p) => p.to === '天心考点')).toMatchObject({ status: 'sender-only', counterpartProvided: false });
    expect(pairs.find((p) => p.to === '岳麓考点')).toMatchObject({ status: 'matched' });
  });

  it('a workbook whose unit is named longer ("湖南开放大学天心考点") is the counterpart given, as sameUnit says; a name inside no unit is not', () => {
    const n = net();
    n.sites[1].site!.examSite = '湖南开放大学天心考点';
    n.sites[1].handovers = [];
    n.branch.handovers!.push({ ...n.branch.handovers!.find((h) => h.to === '岳麓考点')!, to: '麓谷考点' });
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['天心.xlsx', n.sites[1]],
      ]),
    );
    expect(pairs.filter((p) => p.status === 'sender-only').map((p) => [p.to, p.counterpartProvided])).toEqual([
      ['麓谷考点', false],
      ['天心考点', true],
      ['岳麓考点', false],
    ]);
  });

  it('copies that disagree on time (the planted defect), quantity and signers say what differs', () => {
    const n = net();
    const timeOff = plantDefects(n.sites[0], ['handover-disagree']).data;
    const qty = JSON.parse(JSON.stringify(n.sites[1])) as SiteData;
    const h = qty.handovers![0];
    h.items![0].quantity = (h.items![0].quantity as number) + 1;
    h.total = (h.total as number) + 1;
    h.toSigners = [h.toSigners![0], '冒名'];
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', timeOff],
        ['天心.xlsx', qty],
      ]),
    );

    const yl = pairs.find((p) => p.to === '岳麓考点')!;
    expect(yl.status).toBe('disagree');
    expect(yl.differences).toEqual([
      { field: 'time', label: '交接时间', sender: n.sites[0].handovers![0].time!.replace('T', ' '), receiver: timeOff.handovers![0].time!.replace('T', ' ') },
    ]);

    const tx = pairs.find((p) => p.to === '天心考点')!;
    expect(tx.status).toBe('disagree');
    const sent = n.sites[1].handovers![0];
    expect(tx.differences.map((d) => d.field)).toEqual(['quantity', 'total', 'toSigners']);
    expect(tx.differences[0]).toMatchObject({ sender: String(sent.total), receiver: String((sent.total as number) + 1) });
    expect(tx.differences[2].receiver).toContain('冒名');
    expect(describePair(tx)).toContain('接收人');
    // 交接配对 shows each copy's 合计 as written, the figures 差异 quotes (not the sum of items for both sides).
    const shown = (key: string) => PAIR_COLUMNS.find((c) => c.key === key)!;
    expect([shown('senderTotal').header.zh, shown('receiverTotal').header.zh].map(plainHeader)).toEqual(['移交方合计（照填）', '接收方合计（照填）']);
    expect([shown('senderTotal').value!(tx, 'zh'), shown('receiverTotal').value!(tx, 'zh')]).toEqual([sent.total, (sent.total as number) + 1]);
    // Disagreements come first in the table.
    expect(pairs[0].status).toBe('disagree');
  });

  it('signers written in another order, or a time written as text of the same minute, still match', () => {
    const n = net();
    const copy = JSON.parse(JSON.stringify(n.sites[0])) as SiteData;
    copy.handovers![0].toSigners = [...copy.handovers![0].toSigners!].reverse();
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', copy],
      ]),
    );
    expect(pairs.find((p) => p.to === '岳麓考点')!.status).toBe('matched');
  });

  it('two deliveries on the same route pair by nearest time, not by order', () => {
    const n = net();
    const second = JSON.parse(JSON.stringify(n.branch.handovers![1])) as NonNullable<SiteData['handovers']>[number];
    second.time = '2024-06-15T12:00';
    n.branch.handovers!.push(second);
    const site = JSON.parse(JSON.stringify(n.sites[0])) as SiteData;
    site.handovers = [{ ...second }, ...site.handovers!]; // receiver lists the later one first
    const pairs = pairHandovers(
      outcomes([
        ['分校.xlsx', n.branch],
        ['岳麓.xlsx', site],
      ]),
    );
    const yl = pairs.filter((p) => p.to === '岳麓考点');
    expect(yl.map((p) => p.status)).toEqual(['matched', 'matched']);
    for (const p of yl) expect(p.sender!.time).toBe(p.receiver!.time);
  });

  it('the consolidated totals count pairs, sites and unreadable files', () => {
    const n = net();
    const c = buildConsolidated([
      ...outcomes([
        ['b.xlsx', n.branch],
        ['a.xlsx', n.sites[0]],
      ]),
      { file: 'broken.xlsx', sha256: 'ff', error: '不是 .xlsx 工作簿', findings: [] },
    ]);
    expect(c.files.map((f) => f.file)).toEqual(['a.xlsx', 'b.xlsx', 'broken.xlsx']);
    expect(c.totals).toMatchObject({ files: 3, unreadable: 1, sites: 2, ready: 2, errors: 0 });
    expect(c.totals.pairs).toEqual({ matched: 1, disagree: 0, 'sender-only': 1, 'receiver-only': 1 });
  });
});
