/**
 * A small, strict XML parser for the manifest test (no dependency): elements,
 * attributes, text, comments, CDATA, the XML declaration and the five
 * predefined entities plus character references. Throws on anything not well
 * formed: mismatched or unclosed tags, duplicate attributes, bare '&' or '<',
 * text outside the root.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(text: string, line: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (m, ref: string | undefined) => {
    if (!ref) throw new Error(`line ${line}: bare '&'`);
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!(ref in named)) throw new Error(`line ${line}: unknown entity &${ref};`);
    return named[ref];
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  let line = 1;
  const advance = (n: number): void => {
    for (let k = 0; k < n; k++) if (source[i + k] === '\n') line++;
    i += n;
  };
  const skipSpace = (): void => {
    const m = /^\s*/.exec(source.slice(i, i + 10_000));
    advance(m ? m[0].length : 0);
  };
  const expect = (s: string): void => {
    if (!source.startsWith(s, i)) throw new Error(`line ${line}: expected ${s}`);
    advance(s.length);
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) throw new Error(`line ${line}: unclosed comment`);
        if (source.slice(i + 4, end).includes('--')) throw new Error(`line ${line}: '--' inside a comment`);
        advance(end + 3 - i);
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) throw new Error(`line ${line}: unclosed processing instruction`);
        advance(end + 2 - i);
      } else return;
    }
  };

  if (source.charCodeAt(0) === 0xfeff) i = 1;
  if (!source.startsWith('<?xml', i)) throw new Error('no XML declaration');
  skipMisc();

  const element = (): XmlElement => {
    const start = line;
    expect('<');
    const name = NAME.exec(source.slice(i, i + 200))?.[0];
    if (!name) throw new Error(`line ${line}: bad tag name`);
    advance(name.length);
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (source.startsWith('/>', i)) {
        advance(2);
        return { name, attrs, children: [], text: '', line: start };
      }
      if (source[i] === '>') {
        advance(1);
        break;
      }
      if (i === before) throw new Error(`line ${line}: expected space between attributes of <${name}>`);
      const attr = NAME.exec(source.slice(i, i + 200))?.[0];
      if (!attr) throw new Error(`line ${line}: bad attribute in <${name}>`);
      advance(attr.length);
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") throw new Error(`line ${line}: unquoted attribute ${attr}`);
      const end = source.indexOf(quote, i + 1);
      if (end < 0) throw new Error(`line ${line}: unclosed attribute ${attr}`);
      const raw = source.slice(i + 1, end);
      if (raw.includes('<')) throw new Error(`line ${line}: '<' in attribute ${attr}`);
      if (attr in attrs) throw new Error(`line ${line}: duplicate attribute ${attr}`);
      attrs[attr] = decode(raw, line);
      advance(end + 1 - i);
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= source.length) throw new Error(`line ${start}: <${name}> is never closed`);
      if (source.startsWith('</', i)) {
        advance(2);
        const close = NAME.exec(source.slice(i, i + 200))?.[0];
        if (close !== name) throw new Error(`line ${line}: </${close}> closes <${name}> (line ${start})`);
        advance(close.length);
        skipSpace();
        expect('>');
        return { name, attrs, children, text, line: start };
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) throw new Error(`line ${line}: unclosed comment`);
        advance(end + 3 - i);
      } else if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i);
        if (end < 0) throw new Error(`line ${line}: unclosed CDATA`);
        text += source.slice(i + 9, end);
        advance(end + 3 - i);
      } else if (source[i] === '<') {
        children.push(element());
      } else {
        const next = source.indexOf('<', i);
        const raw = source.slice(i, next < 0 ? source.length : next);
        text += decode(raw, line);
        advance(raw.length);
      }
    }
  };

  const root = element();
  skipMisc();
  if (i < source.length) throw new Error(`line ${line}: content after the root element`);
  return root;
}

export function walk(el: XmlElement, visit: (el: XmlElement, parents: XmlElement[]) => void, parents: XmlElement[] = []): void {
  visit(el, parents);
  for (const c of el.children) walk(c, visit, [...parents, el]);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
