/**
 * The forms print like the official ones: LibreOffice (Debian libreoffice-calc,
 * installed by .ci/run) renders the templates and a filled workbook to PDF, and
 * the pages are counted with poppler's pdfinfo.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fillWorkbook } from '../src/cli/fill';
import { SITE_WORKBOOK_NAME, writeTemplates } from '../src/cli/template';
import { FORMS } from '../src/forms';
import { fixture } from './helpers';

function toPdf(dir: string, files: string[]): void {
  const profile = `file://${fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'))}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 120_000,
  });
}

function pages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

describe('printing (LibreOffice headless)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custody-print-'));

  beforeAll(async () => {
    await writeTemplates(dir);
    fs.writeFileSync(path.join(dir, 'kaodian.xlsx'), new Uint8Array(await fillWorkbook(fixture('kaodian.json'))));
    toPdf(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(dir, f)));
  });

  test.each(FORMS.filter((f) => f.layout.attachment > 0).map((f) => f.templateName))('%s prints on one A4 page', (name) => {
    const pdf = path.join(dir, `${name}.pdf`);
    expect(pages(pdf)).toBe(1);
    const size = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // A4 is 595 × 842 points, either way round.
    expect(size).toMatch(/Page size:.*\(A4\)/);
  });

  test('the whole blank workbook prints one page per form', () => {
    expect(pages(path.join(dir, SITE_WORKBOOK_NAME.replace(/\.xlsx$/, '.pdf')))).toBe(FORMS.length);
  });

  test('a filled 考点 workbook prints one page per sheet', () => {
    // 8 forms, with three 附件4 sheets (one per session).
    expect(pages(path.join(dir, 'kaodian.pdf'))).toBe(FORMS.length + 2);
  });

  test('the Chinese text is really there (fonts installed), not empty boxes', () => {
    const text = execFileSync('pdftotext', [path.join(dir, 'kaodian.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('纸质试卷交接单');
    expect(text).toContain('岳麓考点');
  });
});
