/**
 * Real Excel charts in a written .xlsx. exceljs cannot write charts, so the
 * workbook is written first and the DrawingML parts are added to its zip:
 * xl/charts/chartN.xml, xl/drawings/drawingN.xml and their relationships, a
 * <drawing> element in the sheet, and the content types.
 *
 * Pure (jszip only): runs in Node and in the browser. The charts carry cached
 * values, so viewers that do not recalculate still draw them.
 */
import JSZip from 'jszip';
import { insertionPoint } from './worksheet-order';

interface ChartSeries {
  name: string;
  /** Absolute range of the values, e.g. `'总览'!$B$21:$B$30`. */
  ref: string;
  values: number[];
  /** RRGGBB. */
  color: string;
}

export interface BarChartSpec {
  /** Sheet (by name) the chart is drawn on. */
  sheet: string;
  title: string;
  /** Absolute range of the category labels. */
  categoriesRef: string;
  categories: string[];
  series: ChartSeries[];
  /** Horizontal bars (default) read best with long Chinese labels. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Cell anchor, 0-based: top-left and bottom-right corners. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `总览` + `B21:B30` → `'总览'!$B$21:$B$30`. */
export function absoluteRef(sheet: string, range: string): string {
  const abs = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: number[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)
    .join('')}</c:numCache>`;
}

function barChartXml(spec: BarChartSpec): string {
  const horizontal = spec.horizontal ?? true;
  const series = spec.series
    .map((s, i) => {
      const nameRef = s.ref.replace(/!\$([A-Z]+)\$(\d+):.*$/, (_, col: string, row: string) => `!$${col}$${Number(row) - 1}`);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(spec.categoriesRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(s.ref)}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`
      );
    })
    .join('');
  const stacked = spec.stacked ?? spec.series.length > 1;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
    series +
    `<c:gapWidth val="60"/>${stacked ? '<c:overlap val="100"/>' : ''}<c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>' +
    '</c:chartSpace>'
  );
}

function anchorXml(spec: BarChartSpec, id: number, rid: string): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${spec.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${spec.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${spec.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="图表 ${id}" descr="${esc(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rid}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

/** The sheet XML path of each sheet name, from workbook.xml and its relationships. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid && targets.has(rid)) {
      out.set(
        name
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
        targets.get(rid)!,
      );
    }
  }
  return out;
}

/** Adds bar charts to a written .xlsx; returns the new file. */
export async function addBarCharts(xlsx: Uint8Array, charts: readonly BarChartSpec[]): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  let contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  const overrides: string[] = [];
  const existing = (prefix: string) => Object.keys(zip.files).filter((f) => f.startsWith(prefix)).length;
  let chartNo = existing('xl/charts/chart');
  let drawingNo = existing('xl/drawings/drawing');

  const bySheet = new Map<string, BarChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);

  for (const [sheet, specs] of bySheet) {
    const sheetPath = paths.get(sheet);
    if (!sheetPath) throw new Error(`no sheet named ${sheet}`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    specs.forEach((spec, i) => {
      chartNo++;
      const rid = `rId${i + 1}`;
      zip.file(`xl/charts/chart${chartNo}.xml`, barChartXml(spec));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      drawingRels.push(`<Relationship Id="${rid}" Type="${CHART_REL}" Target="../charts/chart${chartNo}.xml"/>`);
      anchors.push(anchorXml(spec, i + 1, rid));
    });
    zip.file(
      drawingPath,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        anchors.join('') +
        '</xdr:wsDr>',
    );
    zip.file(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${drawingRels.join('')}</Relationships>`,
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);

    // The sheet's relationship to its drawing.
    const dir = sheetPath.slice(0, sheetPath.lastIndexOf('/'));
    const base = sheetPath.slice(sheetPath.lastIndexOf('/') + 1);
    const relsPath = `${dir}/_rels/${base}.rels`;
    let rels = zip.file(relsPath)
      ? await zip.file(relsPath)!.async('string')
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    let n = 1;
    while (rels.includes(`Id="rIdChart${n}"`)) n++;
    const sheetRid = `rIdChart${n}`;
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="${sheetRid}" Type="${DRAWING_REL}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
    );
    zip.file(relsPath, rels);

    let xml = await zip.file(sheetPath)!.async('string');
    if (!/xmlns:r=/.test(xml.slice(0, 1000))) {
      xml = xml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    }
    const at = insertionPoint(xml, '<drawing');
    xml = `${xml.slice(0, at)}<drawing r:id="${sheetRid}"/>${xml.slice(at)}`;
    zip.file(sheetPath, xml);
  }

  contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', contentTypes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The charts a written .xlsx holds (title and sheet XML path), for tests and checks. */
export async function listCharts(xlsx: Uint8Array): Promise<Array<{ part: string; title: string; sheet: string | null }>> {
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  const out: Array<{ part: string; title: string; sheet: string | null }> = [];
  const drawingOfSheet = new Map<string, string>();
  for (const [name, p] of paths) {
    const relsPath = `${p.slice(0, p.lastIndexOf('/'))}/_rels/${p.slice(p.lastIndexOf('/') + 1)}.rels`;
    const rels = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : '';
    for (const m of rels.matchAll(/Target="\.\.\/drawings\/(drawing\d+\.xml)"/g)) drawingOfSheet.set(`xl/drawings/${m[1]}`, name);
  }
  const chartOfDrawing = new Map<string, string>();
  for (const [drawing, sheet] of drawingOfSheet) {
    const rels = zip.file(drawing.replace('xl/drawings/', 'xl/drawings/_rels/') + '.rels');
    const text = rels ? await rels.async('string') : '';
    for (const m of text.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)) chartOfDrawing.set(`xl/charts/${m[1]}`, sheet);
  }
  for (const part of Object.keys(zip.files)
    .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
    .sort()) {
    const xml = await zip.file(part)!.async('string');
    const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    out.push({ part, title, sheet: chartOfDrawing.get(part) ?? null });
  }
  return out;
}
