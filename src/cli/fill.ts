import type { Command } from 'commander';
import { draftWorkbook } from '../forms/workbook';
import { exists, readRegularFile, refuseOutputsOverInputs, writeFileAtomic } from '../batch/files';
import { printable, refusalLine } from '../check/refusal';

/** A site's data model is a few hundred KB at most. */
const DATA_FILE_LIMIT = 64 * 1024 * 1024;
import type { SiteData } from '../model/types';
import type { CliIO } from './io';
import { replacedLine } from './manners';

/** Where in the text a JSON syntax error is, as line and column, from V8's "position N". */
function jsonErrorWhere(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${col} 列`;
}

async function parseSiteJson(text: string): Promise<{ data?: SiteData; problems: string[] }> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const where = jsonErrorWhere(text, error as Error);
    return { problems: [`JSON 格式错误${where ? `（${where}）` : ''}：${(error as Error).message}`] };
  }
  const { checkSiteData } = await import('../model/schema');
  const problems = checkSiteData(value).map((p) => `${p.path}: ${p.message}`);
  return problems.length ? { problems } : { data: value as SiteData, problems: [] };
}

/** exceljs (and ajv above) are loaded by the commands that write, not by every start of the CLI. */
export async function fillWorkbook(data: SiteData): Promise<Buffer> {
  const { xlsxBuffer } = await import('../io/xlsx/exceljs-writer');
  return xlsxBuffer(draftWorkbook(data));
}

export function registerFill(program: Command, io: CliIO): void {
  program
    .command('fill')
    .description('按数据模型 JSON 填写整套表单 (fill the forms from the data model)')
    .argument('<data>', '数据 JSON 文件 (DATA.json)')
    .requiredOption('-o, --out <file>', '输出的 .xlsx 文件 (OUT.xlsx)')
    .action(async (dataFile: string, opts: { out: string }) => {
      await refuseOutputsOverInputs([opts.out], [dataFile]);
      let text: string;
      try {
        // Only a regular file: a FIFO or a device is refused, not waited on.
        text = (await readRegularFile(dataFile, DATA_FILE_LIMIT)).toString('utf8');
      } catch (error) {
        io.err(`${printable(dataFile)}: 无法读取：${refusalLine(error)}`);
        io.exitCode = 2;
        return;
      }
      const { data, problems } = await parseSiteJson(text);
      if (!data) {
        io.err(`${dataFile}: 数据不符合数据模型，未写出文件：`);
        for (const p of problems) io.err(`  ${p}`);
        io.exitCode = 2;
        return;
      }
      const replacing = await exists(opts.out);
      await writeFileAtomic(opts.out, new Uint8Array(await fillWorkbook(data)));
      if (replacing) io.err(replacedLine(opts.out));
      io.out(`已写出 ${opts.out}`);
    });
}
