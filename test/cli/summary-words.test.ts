/**
 * What a supervisor reads in the summaries, opened as files: the demo's
 * summary and `custody summary` over the demo's folder, in Chinese (no rule
 * id, no absolute path, no ISO date anywhere, in cells, sheet names or chart
 * XML; each SHA-256 in one column of one sheet), and with `--lang en` (every
 * word that is not data in English); a disagreeing handover once on each side,
 * with the fields that differ, on every sheet; the demo's report naming rules
 * by their titles.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { memoryIO } from '../../src/cli/io';
import { ALL_META } from '../../src/rules/index';
import { plantDefects, sampleNetwork } from '../../src/demo/sample';
import { STATUS_WORDS } from '../../src/summary/words';

const ZH_SUMMARY = '试卷保管汇总.xlsx';
const FAULTY = '天心考点（考点，有错误）.xlsx';
const BRANCH = '长沙分校（分校）.xlsx';
const CLEAN = '岳麓考点（考点）.xlsx';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Every text of an .xlsx: text nodes of every part under xl/ (cells, shared strings, charts), and the sheet names. */
function textsOf(file: string): Array<{ part: string; text: string }> {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const out: Array<{ part: string; text: string }> = [];
  for (const [part, bytes] of Object.entries(parts)) {
    if (!part.startsWith('xl/') || !part.endsWith('.xml')) continue;
    const xml = strFromU8(bytes);
    for (const m of xml.matchAll(/>([^<]+)</g)) out.push({ part, text: unescape(m[1]) });
    for (const m of xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)) out.push({ part, text: unescape(m[1]) });
  }
  return out;
}

/** A cell's value as exceljs reads it: a number in a date format is a Date holding its wall clock in UTC. */
type Value = string | number | Date | null;

/** Each sheet's cells, row by row (rows as arrays from column A). */
async function sheetsOf(file: string): Promise<Map<string, Array<Array<Value>>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, Array<Array<Value>>>();
  for (const ws of wb.worksheets) {
    const rows: Array<Array<Value>> = [];
    ws.eachRow((row, r) => {
      rows[r - 1] = Array.from((row.values as unknown[]).slice(1), (v) => (v ?? null) as Value);
    });
    sheets.set(ws.name, rows);
  }
  return sheets;
}

/** Every string of a value, deeply. */
function stringsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, into);
  return into;
}

const RULE_IDS = [...ALL_META.map((m) => m.id), 'unreadable-file', 'not-custody-workbook'];
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('what the summaries say', () => {
  let dir: string;
  let work: string;
  let demoLines: string[];
  const out = (name: string) => path.join(work, name);

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-words-'));
    dir = path.join(work, 'demo');
    const demo = memoryIO();
    expect(await main(['node', 'custody', 'demo', '-o', dir], demo)).toBe(0);
    demoLines = demo.stdout.split('\n');
    for (const [lang, name] of [
      ['zh', 'zh.xlsx'],
      ['en', 'en.xlsx'],
    ]) {
      const io = memoryIO();
      expect(await main(['node', 'custody', 'summary', dir, '-o', out(name), '--lang', lang], io)).toBe(1);
    }
  }, 120000);
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  for (const which of ['demo', 'summary'] as const) {
    it(`the Chinese ${which} summary: no rule id, no absolute path, no ISO date, SHA-256 in one column of one sheet`, async () => {
      const file = which === 'demo' ? path.join(dir, ZH_SUMMARY) : out('zh.xlsx');
      const texts = textsOf(file);
      expect(texts.length).toBeGreaterThan(200);
      expect(texts.some((t) => t.part.startsWith('xl/charts/') && t.text === '各类问题数量')).toBe(true);
      expect(texts.filter((t) => RULE_IDS.some((id) => t.text.includes(id)))).toEqual([]);
      expect(texts.filter((t) => t.text.includes(work) || /(^|[\s“"（(：:])(\/|[A-Za-z]:\\)[^\s/\\]+[/\\]/.test(t.text))).toEqual([]);
      // The one ISO date allowed: the rule's own example of how to write a time.
      const iso = texts.filter((t) => /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/.test(t.text.replace('或“2024-06-15 08:30”', '')));
      expect(iso).toEqual([]);

      const sheets = await sheetsOf(file);
      const hashes: string[] = [];
      for (const [name, rows] of sheets)
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v === 'string' && /[0-9a-f]{64}/.test(v)) hashes.push(`${name}!${String.fromCharCode(65 + c)}${r + 1}`);
          }),
        );
      expect(hashes).toEqual(['文件清单!D2', '文件清单!D3', '文件清单!D4']);
      expect(
        sheets
          .get('文件清单')!
          .slice(1)
          .map((row) => row.slice(0, 3)),
      ).toEqual([
        [FAULTY, '天心考点', '需改正'],
        [CLEAN, '岳麓考点', '可以提交'],
        [BRANCH, '长沙分校', '需改正'],
      ]);
    });
  }

  it('a disagreeing handover once on 交接配对 and once on each side’s copy, with the fields that differ, on 问题清单 and both sites’ 汇总: its rows as many as 总览’s errors', async () => {
    const sheets = await sheetsOf(out('zh.xlsx'));
    const diff = '交接时间：移交方“2024年6月14日 14:40”，接收方“2024年6月14日 13:40”；合计：移交方“10”，接收方“11”；接收人：移交方“龚梅、肖晨”，接收方“龚梅”';
    expect(sheets.get('交接配对')![1]).toEqual([
      '长沙分校',
      '天心考点',
      '不一致',
      '交接时间、合计、接收人',
      // Dates, shown 2024年6月14日 14:40 and 13:40 by their format (below).
      new Date(Date.UTC(2024, 5, 14, 14, 40)),
      new Date(Date.UTC(2024, 5, 14, 13, 40)),
      // Each copy's 合计 as written: the figures 差异 quotes.
      10,
      11,
      diff,
      BRANCH,
      // The first differing field's cell (交接时间, C3), as validate and the marked copy point at it; not the 附件1 label.
      '交接单3!C3',
      FAULTY,
      '交接单!C3',
    ]);
    const pairs = new ExcelJS.Workbook();
    await pairs.xlsx.readFile(out('zh.xlsx'));
    expect(['E2', 'F2'].map((a) => pairs.getWorksheet('交接配对')!.getCell(a).numFmt)).toEqual(['yyyy"年"m"月"d"日" hh:mm', 'yyyy"年"m"月"d"日" hh:mm']);
    const message = `长沙分校 移交 天心考点 的交接单，双方留存的两份不一致（交接时间、合计、接收人）：${diff}。请双方核对后改正，见“交接配对”。`;
    const disagree = (rows: Array<Array<Value>>) => rows.filter((row) => row.includes('交接单两份不一致'));
    expect(disagree(sheets.get('问题清单')!).map((row) => row.slice(0, 9))).toEqual([
      [FAULTY, '天心考点', '错误', '交接单两份不一致', 1, '交接单', 'C3', null, message],
      [BRANCH, '长沙分校', '错误', '交接单两份不一致', 1, '交接单3', 'C3', null, message],
    ]);
    // Every error 总览 counts has its row: 天心考点's 7 planted mistakes and its copy's, 长沙分校's copy's.
    expect(sheets.get('问题清单')!.filter((row) => row[2] === '错误')).toHaveLength(9);
    // A 汇总 sheet: 严重程度, 问题, 位置, then 说明 a line a row (the lines joined; a space where a line breaks is the break).
    const bare = (v: Value) => String(v ?? '').replace(/\s+/g, '');
    const onSite = (rows: Array<Array<Value>>) =>
      rows.flatMap((row, i) => {
        if (row[1] !== '交接单两份不一致') return [];
        let lines = bare(row[3]);
        for (let k = i + 1; rows[k] && !rows[k][0] && rows[k][3]; k++) lines += bare(rows[k][3]);
        return [[row[0], row[1], row[2], lines]];
      });
    expect(onSite(sheets.get('汇总-长沙分校')!)).toEqual([['错误', '交接单两份不一致', '交接单3!C3', bare(message)]]);
    expect(onSite(sheets.get('汇总-天心考点')!)).toEqual([['错误', '交接单两份不一致', '交接单!C3', bare(message)]]);
    expect(onSite(sheets.get('汇总-岳麓考点')!)).toEqual([]);
    // Counted once: 长沙分校 has this one error; 天心考点 its 7 planted mistakes and this one. Each row leads with its 分校 and
    // unit, its file last: the 分校 first, then its 考点 by name.
    const sites = sheets.get('站点汇总')!;
    expect([sites[0][0], sites[1].slice(0, 6)]).toEqual(['2024春学期各单位试卷保管汇总', ['分校', '单位', '级别', '状态', '错误', '警告']]);
    expect(sites.slice(2, 5).map((row) => [...row.slice(0, 6), row[row.length - 1]])).toEqual([
      ['长沙分校', '长沙分校', '分校', '需改正', 1, 0, BRANCH],
      ['长沙分校', '天心考点', '考点', '需改正', 8, 0, FAULTY],
      ['长沙分校', '岳麓考点', '考点', '可以提交', 0, 0, CLEAN],
    ]);
    expect(sheets.get('汇总-天心考点')!.find((row) => String(row?.[0]).startsWith('五、'))?.[0]).toBe('五、检查发现的问题（错误 8，警告 0）');
    expect(sheets.get('总览')!.filter((row) => row[0] === '交接单两份不一致' || row[0] === '错误（处）')).toEqual([
      ['错误（处）', 9],
      ['交接单两份不一致', 2, 0],
    ]);
  });

  it('with --lang en, every word that is not data is English: headers, status words, titles, charts, sheet names', async () => {
    const sheets = await sheetsOf(out('en.xlsx'));
    expect([...sheets.keys()]).toEqual([
      'Overview',
      'Sites',
      'Files',
      'Papers',
      'Handover pairs',
      'Findings',
      // In Sites' order: the 分校, then its 考点 (review round 9).
      'Summary-长沙分校',
      'Summary-天心考点',
      'Summary-岳麓考点',
    ]);
    expect(sheets.get('Sites')![0][0]).toBe('Exam-paper custody by unit, Spring 2024');
    expect(sheets.get('Sites')![1].slice(0, 6)).toEqual(['Branch school', 'Unit', 'Level', 'Status', 'Errors', 'Warnings']);
    expect(
      sheets
        .get('Sites')!
        .slice(2, 5)
        .map((row) => row[3]),
    ).toEqual([STATUS_WORDS.fix.en, STATUS_WORDS.fix.en, STATUS_WORDS.ready.en]);
    expect(
      sheets
        .get('Files')!
        .slice(1)
        .map((row) => row[2]),
    ).toEqual(['To be corrected', 'Ready to submit', 'To be corrected']);
    expect(sheets.get('Handover pairs')![1].slice(2, 4)).toEqual(['Disagree', 'handover time, total, received by']);

    // Data: what the units wrote (names, papers, rooms, people), file and sheet names, and what the rules say (their own messages and the source's clauses).
    const net = sampleNetwork({ sites: 2, papers: 5, sessions: 3 });
    const data = stringsIn([net, plantDefects(net.sites[1]).data], new Set());
    for (const f of [FAULTY, BRANCH, CLEAN]) {
      data.add(f);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, f));
      for (const ws of wb.worksheets) data.add(ws.name);
    }
    for (const meta of ALL_META) data.add(meta.clause);
    const findings = sheets.get('Findings')!;
    const [message, source] = ['Message', 'Source'].map((h) => findings[0].indexOf(h));
    const ruleTexts = new Set(
      findings
        .slice(1)
        .flatMap((row) => [row[message], row[source]])
        .map(String),
    );
    const words = [...data].filter((d) => d.trim()).sort((a, b) => b.length - a.length);
    const leftOver = (text: string) => words.reduce((t, d) => t.split(d).join(' '), text);

    const all = textsOf(out('en.xlsx'));
    // A line of a message on a 汇总 sheet (a line a row) is checked where the message is whole, on 问题清单.
    const whole = all.map((t) => t.text);
    const chinese = all
      .filter((t) => !ruleTexts.has(t.text))
      .filter((t) => !whole.some((w) => w.length > t.text.length && w.includes(t.text)))
      .map((t) => ({ part: t.part, text: leftOver(t.text) }))
      .filter((t) => CJK.test(t.text.replace(/[、，→（）]/g, '')));
    expect(chinese).toEqual([]);
    expect(textsOf(out('en.xlsx')).some((t) => t.part.startsWith('xl/charts/') && t.text === 'Problems by kind')).toBe(true);
  });

  it('the demo names each planted mistake’s rule by its title, and lists a disagreeing handover once', () => {
    const from = demoLines.indexOf('故意留下的 8 处错误，检查找出了 8 处：');
    expect(demoLines.slice(from, from + 9)).toEqual([
      '故意留下的 8 处错误，检查找出了 8 处：',
      '  ✓ 接收人只签了“龚梅”一人（交接单两人签字）',
      '  ✓ 合计写成 11 袋，明细之和是 10 袋（合计行不符）',
      '  ✓ 1001 高等数学基础 开考前2小时（06:30）取卷（领卷时间不当）',
      '  ✓ 还卷时间写成“6月15日 十点多”（日期时间无法识别）',
      '  ✓ 监考人员贺红怡签字取卷（监考人员到保密室领卷）',
      '  ✓ 第2班提前2小时结束（6月15日 06:00），与下一班之间无人值班（值班断档或重叠）',
      '  ✓ 本方副本交接时间写 6月14日 13:40，对方副本是 6月14日 14:40（交接单两份不一致）',
      '  ✓ 1112 西方经济学 的出库没有还卷记录（试卷未按时还回）',
    ]);
    expect(demoLines.filter((l) => RULE_IDS.some((id) => l.includes(id)))).toEqual([]);
    const branch = demoLines.indexOf(`  ${BRANCH}：需改正：错误 1 处，警告 0 处`);
    expect(demoLines.slice(branch, branch + 3)).toEqual([
      `  ${BRANCH}：需改正：错误 1 处，警告 0 处`,
      '      [错误] 交接单3!C3  长沙分校 移交 天心考点 的交接单，双方留存的两份不一致（交接时间、合计、接收人）：交接时间：移交方“2024年6月14日 14:40”，接收方“2024年6月14日 13:40”；合计：移交方“10”，接收方“11”；接收人：移交方“龚梅、肖晨”，接收方“龚梅”。请双方核对后改正，见“交接配对”。',
      `  ${CLEAN}：可以提交，未发现问题`,
    ]);
    expect(demoLines).toContain(
      '  长沙分校 → 天心考点：不一致，交接时间：移交方“2024年6月14日 14:40”，接收方“2024年6月14日 13:40”；合计：移交方“10”，接收方“11”；接收人：移交方“龚梅、肖晨”，接收方“龚梅”',
    );
  });
});
