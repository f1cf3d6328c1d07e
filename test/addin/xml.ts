/**
 * Strict XML for the manifest test: saxes (namespace-aware, strict) read into
 * a small element tree. Throws on anything not well formed: mismatched or
 * unclosed tags, duplicate attributes, bare '&' or '<', unknown entities,
 * unbound namespace prefixes, text or a second element outside the root; and,
 * as a manifest has none, on a missing XML declaration or a DOCTYPE.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The qualified name, as written ("bt:Image"). */
  name: string;
  /** Attributes by qualified name, namespace declarations included ("xmlns", "xsi:type"). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included, comments left out), not its children's. */
  text: string;
  /** The line its start tag begins on (1-based). */
  line: number;
}

export interface ParseOptions {
  /** 'required' (a manifest) or 'forbidden' (WPS's ribbon.xml must start with <customUI). */
  declaration?: 'required' | 'forbidden';
}

export function parseXml(source: string, options: ParseOptions = {}): XmlElement {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const declared = source.startsWith('<?xml', start);
  if ((options.declaration ?? 'required') === 'required' && !declared) throw new Error('no XML declaration');
  if (options.declaration === 'forbidden' && declared) throw new Error('an XML declaration where none may be');

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let line = 1;

  parser.on('doctype', () => {
    throw new Error(`line ${parser.line}: DOCTYPE is not allowed`);
  });
  parser.on('opentagstart', () => {
    line = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes)) attrs[name] = attr.value;
    const el: XmlElement = { name: tag.name, attrs, children: [], text: '', line };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const text = (t: string): void => {
    // Text outside the root is only white space here: saxes rejects anything else.
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);

  parser.write(source).close();
  if (!root) throw new Error('no root element');
  return root;
}

export function walk(el: XmlElement, visit: (el: XmlElement, parents: XmlElement[]) => void, parents: XmlElement[] = []): void {
  visit(el, parents);
  for (const c of el.children) walk(c, visit, [...parents, el]);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
