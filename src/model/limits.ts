/**
 * Every limit on what a workbook may make us do, stated once (docs/limits.md
 * lists them for people). A workbook beyond one is refused with one plain line
 * that names the limit and says what to do; it never takes the machine, the
 * page or the other files of a run down with it. Pure: the browser uses it too.
 */
import { countShown } from './count-shown';

export const LIMITS = {
  /** The file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Entries in the zip package (a workbook of ours has about 30). */
  zipEntries: 10_000,
  /** Bytes one part may inflate to, counted while inflating (declared sizes are never trusted). */
  entryInflatedBytes: 64 * 1024 * 1024,
  /** Bytes all the parts read may inflate to together. */
  totalInflatedBytes: 192 * 1024 * 1024,
  /** Worksheets in a workbook. */
  sheets: 255,
  /** Characters of a sheet name (Excel allows 31). */
  sheetNameChars: 255,
  /** The last row and column a sheet may have (Excel's own: row 1,048,576, column XFD). */
  rowNumber: 1_048_576,
  columnNumber: 16_384,
  /** Cells with a value, in the whole workbook. */
  cells: 3_000_000,
  /** Places the grid holds (rows, and each row up to its last cell), in the whole workbook. */
  gridSlots: 12_000_000,
  /** Merged ranges in one sheet, and the cells one merged range may cover. */
  mergesPerSheet: 100_000,
  mergeArea: 20_000_000,
  /** Cells covered by all merges over the rows a workbook has. */
  mergedCells: 20_000_000,
  /** Elements open inside one another in a part (a worksheet needs about 6; rich text a few more). */
  xmlDepth: 256,
  /**
   * Characters of one tag (its attributes), comment or CDATA section of a part: such a token is held
   * whole while it is read. A workbook's longest are a few KB (a long list of ranges); a 60 MB attribute
   * no program reads took 500 MB a file (review 14a D8).
   */
  xmlTokenChars: 4 * 1024 * 1024,
  /** Steps one formula evaluation may take (cells read, formulas evaluated); a cycle of references stops it at once. */
  formulaSteps: 1_000_000,
  /** Seconds one file may take in a batch run before its worker is stopped. */
  fileSeconds: 30,
  /**
   * Findings the checks of one workbook may make (a 50,000-row vault log, the
   * largest real one, with every row wrong twice: 100,000). Within the reading
   * limits a workbook can make millions, some 1.5 KB of memory each.
   */
  findings: 200_000,
  /**
   * Notes of a workbook marked through exceljs (its notes not as Excel writes
   * them: src/io/xlsx/mark.ts), and the bytes of its comments and VML parts.
   * exceljs holds every note as objects and rewrites the whole workbook: 10,000
   * notes took 3.3 s and 250 MB, 60,000 took 22 s and 700 MB, 80 MB of notes
   * parts 30 s and 790 MB. Notes as Excel writes them are patched in place and
   * bounded by the reading limits only.
   */
  markNotes: 10_000,
  markNotesBytes: 16 * 1024 * 1024,
} as const;

type LimitName = keyof typeof LIMITS;

/** A workbook that cannot be read, with the one line a person can act on. */
export class WorkbookReadError extends Error {
  constructor(
    message: string,
    /** Which refusal: a limit, one of REFUSALS, or another reason (a file that cannot be opened). */
    readonly reason: 'limit' | keyof typeof REFUSALS | 'other' = 'other',
    /** The same line in English (--lang en, the pane's English): refusalLine picks it. */
    readonly en?: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${Math.round(bytes / MB)} MB`;
const n = (x: number): string => countShown(x);

/** What each limit is called, and how its figure is shown. */
const WHAT: Record<
  Exclude<LimitName, 'formulaSteps' | 'fileSeconds' | 'findings' | 'markNotes' | 'markNotesBytes'>,
  [string, string, (x: number) => string]
> = {
  fileBytes: ['文件大小', 'file size', mb],
  zipEntries: ['压缩包条目数', 'zip entries', n],
  entryInflatedBytes: ['单个部件解压后的大小', 'one part unzipped', mb],
  totalInflatedBytes: ['解压后的总大小', 'all parts unzipped', mb],
  sheets: ['工作表数', 'sheets', n],
  sheetNameChars: ['工作表名称长度（字符）', 'sheet name length (characters)', n],
  rowNumber: ['行号', 'row number', n],
  columnNumber: ['列号', 'column number', n],
  cells: ['有内容的单元格数', 'cells with content', n],
  gridSlots: ['表格范围（行数与各行宽度之和）', 'grid extent (rows plus row widths)', n],
  mergesPerSheet: ['一张表的合并区域数', 'merged ranges in one sheet', n],
  mergeArea: ['一个合并区域覆盖的单元格数', 'cells covered by one merged range', n],
  mergedCells: ['合并区域覆盖的单元格总数', 'cells covered by merged ranges in all', n],
  xmlDepth: ['XML 元素嵌套层数', 'XML nesting depth', n],
  xmlTokenChars: ['一个 XML 标记（标签、注释或 CDATA 段）的长度（字符）', 'one XML tag, comment or CDATA section (characters)', n],
};

/** The English of a figure's Chinese wording (超过 64 MB（xl/…） → over 64 MB (xl/…)). */
const figureInEnglish = (shown: string): string =>
  shown
    .replace(/^超过\s*/, 'over ')
    .replace(/（/g, ' (')
    .replace(/）/g, ')');

/**
 * What a unit can do about a limit passed, when its workbook is a real one: most limits are passed by rows, columns or
 * merges to spare; these by something else (review 14a: a 4-million-character tag was told to delete rows).
 */
const ADVICE: Partial<Record<keyof typeof WHAT, [string, string]>> = {
  sheets: ['请删去多余的工作表后另存为 .xlsx 再试', 'delete the sheets it does not need and save it again as .xlsx'],
  sheetNameChars: ['请把过长的工作表名称改短后另存为 .xlsx 再试', 'shorten the over-long sheet name and save it again as .xlsx'],
  xmlDepth: [
    '请在 Excel 或 WPS 中打开，另存为 .xlsx 再试（表单不会有这样的内容，多半是文件损坏或别的程序写出的）',
    'open it in Excel or WPS and save it again as .xlsx (no form holds such content: the file is damaged, or another program wrote it)',
  ],
  xmlTokenChars: [
    '请在 Excel 或 WPS 中打开，删去过长的批注、数据验证列表或名称定义后另存为 .xlsx 再试（表单不会有这样长的一段，多半是文件损坏或嵌入了大段数据）',
    'open it in Excel or WPS, delete the over-long comment, data-validation list or defined name, and save it again as .xlsx (no form holds so long a piece: the file is damaged, or holds embedded data)',
  ],
};
const ROWS_ADVICE: [string, string] = ['请删去多余的行、列或合并后另存为 .xlsx 再试', 'delete the extra rows, columns or merges and save it again as .xlsx'];

/** The refusal of a workbook beyond a limit: "超过上限：行号 2,000,000,000 超过 1,048,576 …" */
export function beyondLimit(limit: keyof typeof WHAT, actual: number | string): WorkbookReadError {
  const [what, whatEn, show] = WHAT[limit];
  const [advice, adviceEn] = ADVICE[limit] ?? ROWS_ADVICE;
  const shown = typeof actual === 'number' ? show(actual) : actual;
  return new WorkbookReadError(
    `工作簿超出读取上限：${what} ${shown}，上限 ${show(LIMITS[limit])}。疑似异常文件，已拒绝读取；如是正常工作簿，${advice}`,
    'limit',
    `the workbook is beyond a reading limit: ${whatEn} ${figureInEnglish(shown)}, limit ${show(LIMITS[limit])}. It looks like a suspect file and was not read; if it is a real workbook, ${adviceEn}`,
  );
}

/**
 * A sheet whose used range (as Excel or WPS reports it) holds more cells than
 * a workbook may have with a value: refused before a cell is read, in the same
 * line in every host. `cap` is LIMITS.cells unless a test sets another.
 */
export function usedRangeBeyondLimit(sheet: string, rows: number, cols: number, cap: number = LIMITS.cells): WorkbookReadError {
  return new WorkbookReadError(
    `工作簿超出读取上限：工作表“${sheet.slice(0, 40)}”的已用区域 ${n(rows)} 行 × ${n(cols)} 列（${n(rows * cols)} 个单元格），上限 ${n(cap)} 个单元格。疑似异常文件，已拒绝读取；如是正常工作簿，请删去表格下方和右侧多余的行列后再检查`,
    'limit',
    `the workbook is beyond a reading limit: sheet "${sheet.slice(0, 40)}" uses ${n(rows)} rows × ${n(cols)} columns (${n(rows * cols)} cells), limit ${n(cap)} cells. It looks like a suspect file and was not read; if it is a real workbook, delete the extra rows and columns below and right of the table and check again`,
  );
}

/**
 * A workbook whose checks find more than LIMITS.findings problems: the checks
 * stop there (`cap` is LIMITS.findings unless a test sets another). Beyond it
 * lie tables filled in the wrong columns, or files made to be so; a list of
 * that length helps no one, and would take more memory than a machine may have.
 */
export function tooManyFindings(cap: number = LIMITS.findings): WorkbookReadError {
  return new WorkbookReadError(
    `检查发现的问题超过 ${n(cap)} 个（上限），已停止检查：疑似表格整列填错了位置，或是异常文件。请对照空白表格核对表头和各列，改正后再检查`,
    'limit',
    `the checks found more than ${n(cap)} problems (the limit) and stopped: a table is probably filled in the wrong columns, or the file is not a real one. Compare its headers and columns with the blank form, correct them and check again`,
  );
}

/**
 * A marked copy not made: the workbook's notes, not as Excel writes them, are
 * more (`notes`) or larger (`bytes`) than exceljs may rewrite. The checks stand.
 */
export function notesBeyondMarkLimit(what: 'notes' | 'bytes', actual: number): WorkbookReadError {
  const [zh, en] =
    what === 'notes'
      ? [`批注 ${n(actual)} 条，超过标记副本的上限 ${n(LIMITS.markNotes)} 条`, `${n(actual)} notes, over the ${n(LIMITS.markNotes)} a marked copy may have`]
      : [
          `批注部件共 ${(actual / MB).toFixed(1)} MB，超过标记副本的上限 ${mb(LIMITS.markNotesBytes)}`,
          `notes parts of ${(actual / MB).toFixed(1)} MB, over the ${mb(LIMITS.markNotesBytes)} a marked copy may have`,
        ];
  return new WorkbookReadError(
    `${zh}（这些批注不是 Excel 的写法，副本须整本重写）；检查结果不受影响。请用 Excel 或 WPS 打开后重新保存，再标记`,
    'limit',
    `${en} (these notes are not as Excel writes them, so the copy would be written anew); the findings stand. Open it in Excel or WPS, save it again and mark it again`,
  );
}

/** The refusals that are not about a limit, in one place so every face says the same. */
export const REFUSALS = {
  empty: '文件是空的（0 字节），不是 Excel 工作簿，请重新获取原文件（或在 Excel 或 WPS 中重新保存为 .xlsx）后再检查',
  oldXls: '这是旧版 .xls（或 WPS 的 .et）格式的文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查',
  encrypted: '工作簿设置了打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再检查',
  notXlsx: '不是 .xlsx 工作簿（文件内容不是 Excel 格式），请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
  broken: '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件',
  noWorkbook: '压缩包里没有 Excel 工作簿内容（xl/workbook.xml），不是 .xlsx 文件，请确认选对了文件，或在 Excel 或 WPS 中另存为 .xlsx 后再检查',
  badEntryName: '压缩包里有路径不合法的条目（如 ../ 或绝对路径），不是正常的 .xlsx 文件，已拒绝读取；请向报送单位重新获取原文件',
  duplicateEntry: '压缩包里有同名的条目（名称相同或只差大小写），不同软件会读到不同的内容，不是正常的 .xlsx 文件，已拒绝读取；请向报送单位重新获取原文件',
  entryNameMismatch:
    '压缩包里有条目的名称前后不一致（目录里的名称与条目自身记录的不同），不同软件会读到不同的内容，文件已损坏，已拒绝读取；请用 Excel 或 WPS 打开后重新保存为 .xlsx，或向报送单位重新获取原文件',
  badCrc:
    '压缩包里有部件的校验码（CRC-32）不符，内容在复制或传输中出了错或被改动过，文件已损坏，已拒绝读取；请向报送单位重新获取原文件，或用 Excel 或 WPS 打开后重新保存为 .xlsx',
  openDocument: '这是 OpenDocument 格式的表格（.ods，如 LibreOffice 或 WPS 保存的），不是 .xlsx，请在 Excel、WPS 或 LibreOffice 中打开后“另存为” .xlsx 再检查',
  badRowNumber: '工作表里有行号不合法的行（如第 0 行），Excel 会认为文件已损坏，已拒绝读取；请用 Excel 或 WPS 打开后重新保存为 .xlsx 再检查',
  unsupportedZip: '压缩包使用了不支持的格式（ZIP64 或特殊压缩方式），请用 Excel 或 WPS 打开后重新保存为 .xlsx',
  missingPart: '工作簿登记的工作表在文件里找不到（文件已损坏，或指向压缩包以外的位置），已拒绝读取；请用 Excel 或 WPS 打开后重新保存为 .xlsx 再检查',
  badXml: '工作簿内容不是合格的 XML（文件已损坏或由不兼容的程序生成），请用 Excel 或 WPS 打开后重新保存为 .xlsx',
} as const;

/** REFUSALS in English. */
const REFUSALS_EN: Record<keyof typeof REFUSALS, string> = {
  empty: 'the file is empty (0 bytes), not an Excel workbook; get the file again (or save it again as .xlsx in Excel or WPS) and check again',
  oldXls: 'this is an old .xls (or WPS .et) file; save it as .xlsx in Excel or WPS and check again',
  encrypted: 'the workbook has an open password (it is encrypted); remove the password in Excel, save it as .xlsx and check again',
  notXlsx: 'not an .xlsx workbook (the file is not in Excel format); check that it is the right file, or save it as .xlsx in Excel or WPS and check again',
  broken: 'the file is damaged or incomplete (perhaps cut short when downloaded or copied); get the original file again',
  noWorkbook:
    'the zip holds no Excel workbook (xl/workbook.xml): not an .xlsx file; check that it is the right file, or save it as .xlsx in Excel or WPS and check again',
  badEntryName:
    'the zip has an entry with an invalid path (such as ../ or an absolute path): not a normal .xlsx file, not read; get the original file again from the unit that sent it',
  duplicateEntry:
    'the zip has two entries of one name (or names differing only in case), which programs read differently: not a normal .xlsx file, not read; get the original file again from the unit that sent it',
  entryNameMismatch:
    'the zip has an entry whose name in the directory differs from the name in its own header, which programs read differently: the file is damaged, not read; open it in Excel or WPS and save it again as .xlsx, or get the original file again from the unit that sent it',
  badCrc:
    'a part of the zip does not match its checksum (CRC-32): it was damaged in copying or sending, or changed, so the file is damaged, not read; get the original file again from the unit that sent it, or open it in Excel or WPS and save it again as .xlsx',
  openDocument:
    'this is an OpenDocument spreadsheet (.ods, as LibreOffice or WPS save it), not an .xlsx; open it in Excel, WPS or LibreOffice, save it as .xlsx and check again',
  badRowNumber:
    'a sheet has a row with an invalid row number (such as row 0), which Excel calls damaged, not read; open it in Excel or WPS, save it again as .xlsx and check again',
  unsupportedZip: 'the zip uses an unsupported format (ZIP64 or a special compression); open it in Excel or WPS and save it again as .xlsx',
  missingPart:
    'a sheet the workbook lists is not in the file (the file is damaged, or points outside the zip), not read; open it in Excel or WPS, save it again as .xlsx and check again',
  badXml:
    'the workbook content is not well-formed XML (the file is damaged or was made by an incompatible program); open it in Excel or WPS and save it again as .xlsx',
};

/**
 * The line of a file stopped at its time budget in a batch run (LIMITS.fileSeconds, or what the operator set). Saving
 * it again keeps what makes it slow (review 22c D7: a cell of thousands of characters or spaces, a table of very many
 * rows): the line says what to look for, and to hand the file to IT when nothing is found.
 */
export function overTime(seconds: number, lang: 'zh' | 'en' = 'zh'): string {
  const n = countShown(seconds);
  return lang === 'en'
    ? `reading and checking took over ${n} s and was stopped (a suspect file); saving it again does not help. Look for a cell holding thousands of characters or a long run of spaces, or a table of very many rows, and remove it; if you find none, send the file to your IT staff`
    : `读取检查超过 ${n} 秒仍未完成，已停止处理此文件（疑似异常文件），重新保存不能解决。请查找写有成千上万个字或一长串空格的单元格、行数极多的表格，删去后再试；找不到时，请把文件交给信息技术人员检查`;
}

export function refuse(what: keyof typeof REFUSALS): WorkbookReadError {
  return new WorkbookReadError(REFUSALS[what], what, REFUSALS_EN[what]);
}
