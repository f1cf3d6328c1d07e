/**
 * The XML scanner against saxes (the parser exceljs reads with): the same
 * elements, attributes and text for every part of the templates and fixtures
 * and for hand-made edge cases, however the text is cut into chunks; and the
 * same refusals of what is not well formed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { fillWorkbook } from '../../src/cli/fill';
import { scanXml, type XmlTag } from '../../src/io/xlsx/xml';
import { decodeWhole } from '../../src/io/xlsx/utf8-slices';
import { allFixtures, templateBytes } from '../helpers';

type Event = string;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Events as saxes gives them: text between tags joined, CDATA sections as text (its cdata event), names without prefix. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing) depth++;
    const attrs = Object.entries(tag.attributes as Record<string, string>).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    events.push(`<${localName(tag.name)}${tag.isSelfClosing ? '/' : ''} ${attrs.sort().join(' ')}`);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
    events.push(`</${localName(tag.name)}`);
  });
  parser.on('text', (t) => {
    if (depth > 0) events.push(`"${t}`);
  });
  parser.on('cdata', (t) => {
    if (t) events.push(`"${t}`);
  });
  parser.write(xml).close();
  return joinText(events);
}

/** Our events, each attribute saxes saw asked of our tag by name. */
function ourEvents(chunks: string[], names: (tagIndex: number) => string[]): Event[] {
  const events: Event[] = [];
  let tags = 0;
  scanXml((write) => chunks.forEach(write), {
    open(tag: XmlTag, name: string) {
      const attrs = names(tags++).map((k) => `${k}=${JSON.stringify(tag.attr(k))}`);
      events.push(`<${name}${tag.isSelfClosing ? '/' : ''} ${attrs.sort().join(' ')}`);
    },
    close: (name) => events.push(`</${name}`),
    text: (t) => events.push(`"${t}`),
  });
  return joinText(events);
}

function joinText(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    if (e.startsWith('"') && out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] += e.slice(1);
    else out.push(e);
  }
  return out;
}

function attributeNames(xml: string): string[][] {
  const names: string[][] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => names.push(Object.keys(tag.attributes)));
  parser.write(xml).close();
  return names;
}

function chunked(xml: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
  return chunks;
}

function expectSameAsSaxes(xml: string, sizes: number[]): void {
  const expected = saxesEvents(xml);
  const names = attributeNames(xml);
  for (const size of sizes) expect([size, ourEvents(chunked(xml, size), (i) => names[i])]).toEqual([size, expected]);
}

const EDGE_CASES = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="x" count="2"><si><t xml:space="preserve"> a\r\nb\rc </t></si><si><r><t>x</t></r><rPh><t>y</t></rPh></si></sst>',
  '<x:worksheet xmlns:x="s" xmlns:r="r"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>',
  `<w a='1' b = "2" c="&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;&#x1F600;" d="t\tab&#9;n\nl&#10;r\r\nx"><!-- a > comment <c> --><?pi x?><e/><f  /><g></g ></w>`,
  '<w><t>&amp;amp; &#38; 甲乙丙 ]]&gt; <![CDATA[<not>a tag</not>]]>after</t></w>',
  // CDATA as text, as it stands: references not decoded, CR LF read as LF, empty, next to text, and "]]" inside.
  '<w><t><![CDATA[2024-06-15 06:30]]></t><t>a<![CDATA[&amp; <b>\r\nx]]]></t><t><![CDATA[]]></t><t><![CDATA[]]]]>tail</t></w>',
  '<w>\n  <c r="B2" s="3"><f t="shared" ref="B2:B9" si="0">SUM(A1:A2)</f><v>3</v></c>\n</w>',
  '<!DOCTYPE w [<!ELEMENT w ANY><!ATTLIST w a CDATA "]>">]><w a="1">text</w>',
  `<w><is><t>${'长'.repeat(5000)}&amp;${'文'.repeat(5000)}</t></is><v attr="${'>'.repeat(300)}"/></w>`,
];

describe('the XML scanner reads as saxes reads', () => {
  it.each(EDGE_CASES.map((xml, i) => [i, xml]))('edge case %i, cut into chunks of every size from 1 to 40 and whole', (_i, xml) => {
    expectSameAsSaxes(xml, [...Array.from({ length: 40 }, (_, k) => k + 1), 4096, xml.length]);
  });

  it('every part of every template and of the filled fixture workbooks, whole and in chunks of 7 and 1,000', async () => {
    const templates = templateBytes();
    const fixtures = allFixtures();
    const filled = await Promise.all(fixtures.map(async (data) => fillWorkbook(data)));
    let parts = 0;
    for (const workbook of [...templates, ...filled]) {
      for (const [name, bytes] of Object.entries(unzipSync(workbook))) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        const xml = strFromU8(bytes);
        expectSameAsSaxes(xml, [7, 1000, xml.length]);
        parts++;
      }
    }
    expect(templates.length).toBe(6);
    expect(filled.length).toBe(fixtures.length);
    expect(parts).toBeGreaterThanOrEqual((templates.length + filled.length) * 8);
  });

  it('a part larger than the head a cut token is first completed with (64 KB), in chunks larger than it', () => {
    // Rows, then a comment and a text longer than the head, entities and CR LF wherever a cut may fall.
    const rows = Array.from(
      { length: 4000 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="s"><v>${r}</v></c><c r="B${r + 1}"><is><t>甲&amp;乙\r\n${r}</t></is></c></row>`,
    );
    const xml = `<worksheet><sheetData>${rows.slice(0, 2000).join('')}<!--${'注'.repeat(150_000)}-->${rows.slice(2000).join('')}</sheetData><t>${'长&lt;'.repeat(40_000)}</t></worksheet>`;
    expectSameAsSaxes(xml, [65_537, 70_001, 100_003, 300_007]);
  });

  it.each([
    ['a close tag that closes nothing', '<w></w></w>'],
    ['a close tag for another element', '<w><c></w></c>'],
    ['an attribute given twice', '<w a="1" a="2"/>'],
    ['an entity no XML defines', '<w>&nbsp;</w>'],
    ['an entity its DOCTYPE defines', '<!DOCTYPE w [<!ENTITY e "x">]><w>&e;</w>'],
    ['a bare ampersand', '<w>a & b</w>'],
    ['a "<" in an attribute', '<w a="<"/>'],
    ['an unquoted attribute', '<w a=1/>'],
    ['an element left open', '<w><c>'],
    ['a second root', '<w/><w/>'],
    ['no element at all', '<?xml version="1.0"?>'],
    ['a character reference to nothing', '<w>&#0;</w>'],
  ])('refuses %s, as saxes does', (_what, xml) => {
    expect(() => saxesEvents(xml)).toThrow();
    for (const size of [1, 3, xml.length]) {
      // Attributes are checked when read: ask for the one the case is about.
      expect(() => ourEvents(chunked(xml, size), () => ['a'])).toThrow('工作簿内容不是合格的 XML');
    }
  });
});

describe('what the XML scanner passes on', () => {
  it("a fault in a handler as it is, not as the file's XML", () => {
    const fault = new TypeError('a handler fault');
    expect(() =>
      scanXml((write) => write('<w><c/></w>'), {
        open: (_tag, name) => {
          if (name === 'c') throw fault;
        },
      }),
    ).toThrow(fault);
  });

  it('a limit reached, in its own words', () => {
    expect(() => scanXml((write) => write(`<w>${'<c>'.repeat(300)}`), { open: () => undefined })).toThrow(
      '工作簿超出读取上限：XML 元素嵌套层数 超过 256，上限 256。',
    );
  });

  // Review 14a D8: a 60 MB attribute no one reads was held whole (and copied) while its tag was read: 500 MB a file.
  const TOKEN_LIMIT =
    '工作簿超出读取上限：一个 XML 标记（标签、注释或 CDATA 段）的长度（字符） 超过 4,194,304，上限 4,194,304。疑似异常文件，已拒绝读取；如是正常工作簿，请在 Excel 或 WPS 中打开，删去过长的批注、数据验证列表或名称定义后另存为 .xlsx 再试（表单不会有这样长的一段，多半是文件损坏或嵌入了大段数据）';
  const MB = 1024 * 1024;
  const LIMIT = 4 * MB;
  // Each token exactly LIMIT characters from its "<" to its ">", and one character more.
  const tokens = (extra: number): Array<[string, string]> => [
    ['an attribute', `<row foo="${'A'.repeat(LIMIT - 19 + extra)}" r="1"/>`],
    ['a comment', `<!--${'A'.repeat(LIMIT - 7 + extra)}-->`],
    ['a CDATA section', `<![CDATA[${'A'.repeat(LIMIT - 12 + extra)}]]>`],
  ];
  it.each(tokens(1))('%s of 4 M characters and one: refused in one line, in chunks of 1 MB (as a part is decoded), of 64 KB and whole', (_what, token) => {
    expect(token).toHaveLength(LIMIT + 1);
    const xml = `<w><t>${token}</t></w>`;
    for (const size of [MB, 64 * 1024, xml.length]) expect(() => ourEvents(chunked(xml, size), () => [])).toThrow(TOKEN_LIMIT);
  });

  it('a tag, comment and CDATA section of exactly 4 M characters are read, in chunks of 1 MB and whole', () => {
    const [[, tag], [, comment], [, cdata]] = tokens(0);
    const xml = `<w>${tag}${comment}<t>${cdata}</t></w>`;
    for (const size of [MB, xml.length]) {
      const events = ourEvents(chunked(xml, size), (i) => (i === 1 ? ['r'] : []));
      expect(events.map((e) => e.slice(0, 12))).toEqual(['<w ', '<row/ r="1"', '</row', '<t ', `"${'A'.repeat(11)}`, '</t', '</w']);
      expect(events[4]).toBe(`"${'A'.repeat(LIMIT - 12)}`);
    }
  });
});

describe('a whole part decoded a slice at a time (decodeWhole)', () => {
  const oneDecode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
  const sliced = (bytes: Uint8Array, slice: number) => {
    const texts: string[] = [];
    decodeWhole(bytes, (t) => texts.push(t), slice);
    return texts;
  };
  // Characters of 1 to 4 bytes, a byte-order mark at the start and one inside, and bytes that are not UTF-8:
  // a lone continuation, a character cut short, a lead with no continuation, a run of continuations.
  const valid = new TextEncoder().encode('\uFEFF<t>试卷 1304 𡒄 é ~ 覃赟\uFEFF</t>');
  const broken = Uint8Array.from([0x3c, 0x80, 0xe4, 0xb8, 0x3c, 0xf0, 0x9f, 0xe4, 0x80, 0x80, 0x80, 0x80, 0x80, 0xc3, 0x61, 0xe4]);

  test.each([
    ['valid', valid],
    ['not UTF-8', broken],
    ['both', Uint8Array.from([...valid, ...broken, ...valid])],
  ])('%s: every slice size gives one decode’s text, and no slice ends inside a character', (_, bytes) => {
    for (let slice = 1; slice <= bytes.length + 1; slice++) {
      const texts = sliced(bytes, slice);
      expect(texts.join('')).toBe(oneDecode(bytes));
      for (const t of texts.slice(0, -1)) expect(/[\uD800-\uDBFF]$/.test(t)).toBe(false);
    }
  });

  test('a slice as long as the part is the whole text in one piece; an empty part writes nothing', () => {
    expect(sliced(valid, valid.length)).toEqual([oneDecode(valid)]);
    expect(sliced(new Uint8Array(0), 4)).toEqual([]);
  });
});

test('a host that reads ASCII text is asked for each slice, and its text taken where it gives one', () => {
  const bytes = new TextEncoder().encode('<row r="1"><c r="A1" t="inlineStr"><is><t>试卷</t></is></c></row>'.repeat(3));
  const asked: string[] = [];
  const asciiOnly = (b: Uint8Array) => {
    const ascii = b.every((x) => x < 0x80);
    asked.push(ascii ? 'ascii' : 'utf-8');
    return ascii ? String.fromCharCode(...b) : undefined;
  };
  const texts: string[] = [];
  decodeWhole(bytes, (t) => texts.push(t), 20, asciiOnly);
  expect(texts.join('')).toBe(new TextDecoder().decode(bytes));
  expect(asked).toContain('ascii');
  expect(asked).toContain('utf-8');
  expect(asked).toHaveLength(texts.length);
});
