/** The pane's words, Chinese first, English on the switch. */
import type { SheetState } from '../model/grid';
import { countShown } from '../model/count-shown';

export type Lang = 'zh' | 'en';

const zh = {
  appTitle: '试卷保密助手',
  appSubtitle: '纸质试卷保管表单 · 校验 · 汇总',
  switchLang: 'English',
  tabForms: '表单',
  tabCheck: '校验',
  tabSummary: '汇总',
  formsIntroOffice: '把空白表单插入当前工作簿（作为新工作表）。',
  formsIntroBrowser: '下载空白表单（.xlsx），用 WPS 或 Excel 填写。',
  insert: '插入',
  download: '下载',
  wholeWorkbook: '整套工作簿（8 张表）',
  checkIntroOffice: '检查当前工作簿中的全部表单，找出的问题指向具体单元格。',
  checkIntroBrowser: '选择一个或多个 .xlsx 工作簿，在本机检查（文件不会上传）。',
  chooseFiles: '选择工作簿…',
  dropHint: '或把文件拖到这里',
  validate: '校验整个工作簿',
  revalidate: '重新校验',
  liveCheck: '编辑后自动重新校验',
  mark: '标记',
  clearMarks: '清除标记',
  downloadMarked: '下载已标记副本',
  exportJson: '导出校验结果（JSON）',
  noFindings: '未发现问题，可以提交。',
  errors: '错误',
  warnings: '警告',
  errorCount: '{n} 错误',
  warningCount: '{n} 警告',
  findingsIn: '问题',
  readyToSubmit: '可以提交',
  notReady: '有错误，暂不能提交',
  unreadable: '无法读取',
  notCustody: '不是试卷保密表单',
  workbookWide: '整个工作簿',
  summaryIntroOffice: '在本工作簿中写入或刷新“汇总”工作表（含图表）。',
  summaryIntroBrowser: '先在“校验”中选择工作簿；这里显示每个单位的保管汇总。',
  writeSummary: '写入 / 刷新汇总表',
  downloadSummary: '下载汇总工作簿',
  working: '处理中…',
  officeUnavailable:
    '这台电脑连不上微软的 appsforoffice.microsoft.com，Excel 加载不了 Office.js：窗格只能像浏览器版一样选择文件校验，不能直接校验、标记打开的工作簿。请信息技术老师放行这个地址，或改用离线单页。',
  done: '完成',
  downloaded: '已下载 {file}',
  inserted: '已插入：',
  setupRefused: '。这个版本的 WPS 没有接受表单的部分下拉选项或打印设置：打印前请在“页面设置”里查看纸张（A4）、方向和“打印标题”。',
  marked: '已标记 {n} 个单元格。',
  nothingToMark: '没有要标记的问题。',
  oldMarksTaken: '已去掉 {n} 个单元格上次的标记（它们标出的问题已改正），恢复了原来的填色、边框和批注。',
  oldListRemoved: '已删除上次的工作表“{sheet}”。',
  oldMarksCells: '{n} 个单元格的填色、边框和批注{list}',
  oldMarksAndList: '，以及工作表“{sheet}”',
  oldMarksListOnly: '工作表“{sheet}”',
  oldMarksAllGone: '。但工作簿里还留着上次的标记：{what}，它们标出的问题已改正。请点“清除标记”去掉，再保存、提交。',
  oldMarksSomeGone: '。工作簿里还留着上次的标记：{what}，它们标出的问题已改正：请点“标记”重新标记（会去掉这些旧标记），或点“清除标记”。',
  noFindingsOldMarks: '未发现问题，但工作簿里还留着上次的标记：点“清除标记”去掉后再提交。',
  listWritten: '全部问题列在最后一张工作表“{sheet}”，可打印。',
  marksCapped: '有问题的单元格太多，只标记了前 {max} 个，另有 {left} 个没有标记：请在列表中查看。',
  cleared: '已恢复 {n} 个单元格原来的格式和批注。',
  clearedLost: '另有 {n} 个标记在原处和同一工作表上都没找到（可能所在行已删除，或批注被改过）：这些单元格没有动，请自行查看。',
  clearedMissing: '工作表“{sheet}”找不到了（改了名或删除了），上面的 {n} 个标记没能清除：把表名改回来后再点“清除标记”。',
  summaryWritten: '已写入“汇总”工作表。',
  notesUnsupported: '此版本 Excel 不支持批注接口（ExcelApi 1.18），只标颜色。',
  printUnsupported: '此版本 Excel 不支持页面设置接口（ExcelApi 1.9），打印问题清单前请在“页面布局”里设为横向、调整为一页宽。',
  listPrintRefused: '这个版本的 WPS 没有接受问题清单的部分打印设置：打印前请在“页面设置”里设为 A4 横向、调整为一页宽，并把第 2 行设为顶端标题行。',
  insertUnsupported: '此版本 Excel 不支持插入工作表（需要 ExcelApi 1.13）。请改用浏览器版下载模板。',
  marksUnsupported:
    '此版本 Excel（2016）不能在工作簿里保存标记前的原样（需要 ExcelApi 1.4），所以不做标记：请按上面的列表逐项点击修改，或用浏览器版下载已标记副本。',
  summaryUnsupported: '此版本 Excel（2016）不能写入汇总表（需要 ExcelApi 1.4）：请用命令行 custody summary 或浏览器版生成汇总。',
  failed: '出错了：',
  sheetHidden: '工作表“{sheet}”是隐藏的，跳不到 {cell}：请右键单击任一工作表标签 → 取消隐藏，选“{sheet}”，再点这一条。',
  sheetVeryHidden:
    '工作表“{sheet}”设成了“非常隐藏”，跳不到 {cell}，右键工作表标签 → 取消隐藏的列表里也没有它：请信息技术老师在 VBA 编辑器（Alt+F11）里把它的 Visible 属性改为 -1 - xlSheetVisible，或删除这张表。',
  fileTooBig: '文件过大，请确认选对了文件',
  notXlsx: '不是 .xlsx 工作簿，请确认选对了文件，或另存为 .xlsx 后再检查',
  oldXls: '这是旧版 .xls 文件，请另存为 .xlsx 后再检查',
  rule: '规则',
  cell: '单元格',
  clause: '依据',
  preview: '单元格位置',
  previewFormulaNotSaved: '（公式，结果未保存）',
  previewFormulaCycle: '（公式引用了自己）',
  previewHidden: '隐藏',
  previewHiddenCols: '这里有隐藏的列：{lines}',
  previewHiddenRows: '这里有隐藏的行：第 {lines} 行',
  noSummary: '暂无汇总。',
  privacy: '所有处理都在本机完成，工作簿数据不会离开这台电脑。',
  guide: '使用说明（使用说明.html，与本工具一同发给你）',
  version: '试卷保密助手 版本 {version}',
  severity_error: '错误',
  severity_warning: '警告',
  colon: '：',
  summaryDone: '完成：{errors} 个错误，{warnings} 个警告',
  summaryCounts: '（两份不一致的交接单每张计 1 个，汇总中计 {errors} 个错误）',
  cannotRead: '无法读取 {file}：{reason}',
  notCustodyFile: '{file}：{reason}',
  noFormsOpen: '当前工作簿里还没有试卷保密表单：请在“表单”页插入空白表单（或打开已填写的工作簿），填好后再点“校验”。',
  moreUnreadable: '（另有 {n} 个文件无法读取）',
  moreNotCustody: '（另有 {n} 个文件不是试卷保密表单）',
  replacedOpen: '已用新选的 {file} 替换先前打开的 {label}。',
  replacedOpenMany: '已用新选的文件替换先前打开的 {n} 个同名工作簿。',
  keptBothOpen: '{file} 与已打开的同名文件不是同一单位的，两份都保留，新的一份列为 {label}。',
  brokenFile: '文件已损坏或不完整（可能下载或复制时被截断），请重新获取原文件',
  fileChanged: '这个文件在选择之后被修改、移走或删除了，请重新选择它',
  fileNotGiven: '浏览器没能读出这个文件的内容，请重新选择它；仍然不行时，先把它复制到本机的文件夹里再选择',
  reading: '正在读取 {i}/{n}：{file}',
  filesWaiting: '（另有 {n} 个文件等待读取，读完这些接着读）',
  stop: '停止',
  folderWithoutWorkbooks: '没有从文件夹“{folder}”里读到工作簿：请打开这个文件夹，选中其中的工作簿，再拖到这里或点“选择工作簿…”选择。',
  removeFile: '移除 {file}',
  clearAll: '全部清除',
  removedOne: '已移除 {file}。',
  removedMany: '已移除 {n} 个文件。',
  removedAll: '已清除全部 {n} 个文件，可以重新选择工作簿。',
  stopLabel: '停止读取（Esc）：已读的文件保留',
  stoppedReading: '已停止：{n} 个文件未读取（{files}）；',
  notReadLeftOut: '另有 {n} 个文件未读取：{files}。下面的汇总和合并汇总不含这些文件：需要时再选一次这些文件。',
  checking: '正在校验…',
  findingsFile: '校验结果.json',
  consolidatedFile: '试卷保管汇总.xlsx',
  downloadConsolidated: '下载合并汇总（{n} 个工作簿）',
  downloadConsolidatedUnreadable: '下载合并汇总（{n} 个工作簿，其中 {unreadable} 个无法读取）',
  downloadConsolidatedNotCustody: '下载合并汇总（{n} 个工作簿，其中 {notCustody} 个不是试卷保密表单）',
  downloadConsolidatedBoth: '下载合并汇总（{n} 个工作簿，其中 {unreadable} 个无法读取，{notCustody} 个不是试卷保密表单）',
  unreadableLeftOut: '{file}：无法读取：{reason}',
  notCustodyLeftOut: '{file}：{reason}',
  copyLeftOut: '{file}：{reason}',
  skipped: '已跳过',
  skippedLine: '已跳过：{reason}',
  skippedLeftOut: '{file}：已跳过：{reason}',
  skippedCount: '；已跳过 {n} 个文件',
  sheetFindings: '{site} · {sheet}：{n} 个问题',
  sheetFindingsGrouped: '{site} · {sheet}：{n} 个问题，同一列多行的同一问题合为一条，共 {lines} 条',
  sheetLines: '合为 {lines} 条',
  groupCells: '共 {n} 格',
  showMore: '再显示 {n} 个（还有 {left} 个未显示）',
  actionOn: '{action}：{target}',
  template_0: '整套工作簿',
  template_1: '附件1 纸质试卷交接单',
  template_2: '附件2 纸质试卷入库清单',
  template_3: '附件3 保密室试卷出入库记录表',
  template_4: '附件4 试卷分发登记表',
  template_5: '附件5 保密室值班记录',
  switchLangName: 'English — 切换到英文界面',
};

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  appTitle: 'Exam Paper Custody Assistant',
  appSubtitle: 'Custody forms · checks · summaries',
  switchLang: '中文',
  tabForms: 'Forms',
  tabCheck: 'Check',
  tabSummary: 'Summary',
  formsIntroOffice: 'Insert blank forms into this workbook as new sheets.',
  formsIntroBrowser: 'Download blank forms (.xlsx) to fill in WPS or Excel.',
  insert: 'Insert',
  download: 'Download',
  wholeWorkbook: 'Whole site workbook (8 sheets)',
  checkIntroOffice: 'Check every form in this workbook; each finding points at its cell.',
  checkIntroBrowser: 'Choose one or more .xlsx workbooks to check on this computer (nothing is uploaded).',
  chooseFiles: 'Choose workbooks…',
  dropHint: 'or drop files here',
  validate: 'Check the whole workbook',
  revalidate: 'Check again',
  liveCheck: 'Check again after edits',
  mark: 'Mark',
  clearMarks: 'Clear marks',
  downloadMarked: 'Download marked copy',
  exportJson: 'Export findings (JSON)',
  noFindings: 'No problems found: ready to submit.',
  errors: 'errors',
  warnings: 'warnings',
  errorCount: '{n|error|errors}',
  warningCount: '{n|warning|warnings}',
  findingsIn: 'findings',
  readyToSubmit: 'Ready to submit',
  notReady: 'Has errors: not ready to submit',
  unreadable: 'Could not read',
  notCustody: 'Not a custody workbook',
  workbookWide: 'Whole workbook',
  summaryIntroOffice: 'Write or refresh the 汇总 (summary) sheet, with its chart, in this workbook.',
  summaryIntroBrowser: "Choose workbooks under Check first; each unit's custody summary shows here.",
  writeSummary: 'Write / refresh summary sheet',
  downloadSummary: 'Download summary workbook',
  working: 'Working…',
  officeUnavailable:
    'This computer cannot reach Microsoft’s appsforoffice.microsoft.com, so Excel cannot load Office.js: the pane works like the browser version (choose files to check) and cannot check or mark the open workbook. Ask IT to allow that address, or use the offline page.',
  done: 'Done',
  downloaded: 'Downloaded {file}',
  inserted: 'Inserted: ',
  setupRefused:
    ". This WPS build did not take some of the forms' drop-down lists or print settings: before printing, check paper (A4), orientation and print titles in Page Setup.",
  marked: 'Marked {n|cell|cells}.',
  nothingToMark: 'Nothing to mark.',
  oldMarksTaken: 'Took the old marks off {n|cell|cells} whose findings are corrected, putting back their former fill, frame and notes.',
  oldListRemoved: 'Removed the old sheet “{sheet}”.',
  oldMarksCells: 'the fill, frame and note of {n|cell|cells}{list}',
  oldMarksAndList: ', and the sheet “{sheet}”',
  oldMarksListOnly: 'the sheet “{sheet}”',
  oldMarksAllGone:
    '. But the workbook still holds the last marking: {what}, whose findings are corrected. Click Clear marks to take them away before you save and submit.',
  oldMarksSomeGone:
    '. The workbook still holds old marks: {what}, whose findings are corrected. Click Mark to mark again (it takes them away), or Clear marks.',
  noFindingsOldMarks: 'No problems found, but the workbook still holds the last marking: click Clear marks before you submit.',
  listWritten: 'Every finding is listed on the last sheet, “{sheet}”, ready to print.',
  marksCapped: 'Too many cells to mark: the first {max} are marked, {left} more are not; see them in the list.',
  cleared: 'Restored the former fill and notes of {n|cell|cells}.',
  clearedLost:
    ' {n|mark was|marks were} found neither in place nor elsewhere on {n:its|their} sheet (rows deleted, or the note edited): {n:that cell was|those cells were} left as {n:it is|they are}; please look at {n:it|them}.',
  clearedMissing: ' Sheet “{sheet}” was not found (renamed or deleted): its {n|mark|marks} could not be cleared. Rename it back, then click Clear marks again.',
  summaryWritten: 'The 汇总 sheet is written.',
  notesUnsupported: 'This Excel has no notes API (ExcelApi 1.18): cells are coloured only.',
  printUnsupported:
    'This Excel has no page layout API (ExcelApi 1.9): set the list of findings to landscape, one page wide, in Page Layout before printing it.',
  listPrintRefused:
    'This WPS build did not take some of the list’s print settings: before printing it, set A4 landscape, one page wide and row 2 as the rows to repeat at top in Page Setup.',
  insertUnsupported: 'This Excel cannot insert sheets (ExcelApi 1.13 needed). Download the templates from the browser version instead.',
  marksUnsupported:
    "This Excel (2016) cannot keep the cells' prior state in the workbook (ExcelApi 1.4 needed), so it does not mark: click each finding above to fix it, or download a marked copy from the browser version.",
  summaryUnsupported: 'This Excel (2016) cannot write the summary sheet (ExcelApi 1.4 needed): make the summary with custody summary or the browser version.',
  failed: 'Failed: ',
  sheetHidden:
    'Sheet “{sheet}” is hidden, so {cell} cannot be shown: right-click any sheet tab → Unhide (取消隐藏), choose “{sheet}”, then click this finding again.',
  sheetVeryHidden:
    'Sheet “{sheet}” is very hidden, so {cell} cannot be shown, and Unhide (right-click a sheet tab) does not list it: ask IT to set its Visible property to -1 - xlSheetVisible in the VBA editor (Alt+F11), or delete the sheet.',
  fileTooBig: 'File too large: check that it is the right file',
  notXlsx: 'Not an .xlsx workbook: check that it is the right file, or save it as .xlsx and check again',
  oldXls: 'An old .xls file: save it as .xlsx and check again',
  rule: 'Rule',
  cell: 'Cell',
  clause: 'The rule, in the words of the Chinese source',
  preview: 'Where it is',
  previewFormulaNotSaved: '(formula, result not saved)',
  previewFormulaCycle: '(formula refers to itself)',
  previewHidden: 'hidden',
  previewHiddenCols: 'Hidden columns here: {lines}',
  previewHiddenRows: 'Hidden rows here: {lines}',
  noSummary: 'No summary yet.',
  privacy: 'Everything runs on this computer; workbook data never leaves it.',
  guide: 'User guide (使用说明.html, in Chinese, handed out with this tool)',
  version: 'Custody assistant version {version}',
  severity_error: 'Error',
  severity_warning: 'Warning',
  colon: ': ',
  summaryDone: 'Done: {errors|error|errors}, {warnings|warning|warnings}',
  summaryCounts: ' (a handover slip whose two copies disagree counts once in a summary: {errors|error|errors} there)',
  cannotRead: 'Could not read {file}: {reason}',
  notCustodyFile: '{file}: {reason}',
  noFormsOpen: 'This workbook has no custody forms yet: insert blank forms from the Forms tab (or open a filled-in workbook), fill them in, then click Check.',
  moreUnreadable: ' ({n|more file|more files} could not be read)',
  moreNotCustody: ' ({n|more file is not a custody workbook|more files are not custody workbooks})',
  replacedOpen: 'The {file} just chosen replaces the open {label}. ',
  replacedOpenMany: 'The files just chosen replace the {n} open workbooks of the same names. ',
  keptBothOpen: "{file} is another unit's workbook than the open file of that name: both are kept, the new one listed as {label}. ",
  brokenFile: 'The file is damaged or incomplete (perhaps cut short when copied): get the original file again',
  fileChanged: 'This file was changed, moved or deleted after it was chosen: please choose it again',
  fileNotGiven: 'The browser could not read this file: please choose it again; if that fails, copy it to a folder on this computer first and choose the copy',
  reading: 'Reading {i} of {n}: {file}',
  filesWaiting: ' ({n|more file|more files} waiting: read next)',
  stop: 'Stop',
  folderWithoutWorkbooks:
    'No workbook could be had from the folder “{folder}”: open the folder, select its workbooks, and drop them here or click “Choose workbooks…”. ',
  removeFile: 'Remove {file}',
  clearAll: 'Clear all',
  removedOne: 'Removed {file}. ',
  removedMany: 'Removed {n|file|files}. ',
  removedAll: 'Cleared all {n|file|files}: choose workbooks again.',
  stopLabel: 'Stop reading (Esc): the files read are kept',
  stoppedReading: 'Stopped: {n|file|files} not read ({files}); ',
  notReadLeftOut:
    '{n|more file was|more files were} not read: {files}. The summaries below and the consolidated summary leave {n:it|them} out: choose {n:it|them} again when needed.',
  checking: 'Checking…',
  findingsFile: 'findings.json',
  consolidatedFile: 'custody summary.xlsx',
  downloadConsolidated: 'Download the consolidated summary ({n|workbook|workbooks})',
  downloadConsolidatedUnreadable: 'Download the consolidated summary ({n|workbook|workbooks}, {unreadable} of them unreadable)',
  downloadConsolidatedNotCustody:
    'Download the consolidated summary ({n|workbook|workbooks}, {notCustody} of them {notCustody:not a custody workbook|not custody workbooks})',
  downloadConsolidatedBoth:
    'Download the consolidated summary ({n|workbook|workbooks}, {unreadable} of them unreadable, {notCustody} {notCustody:not a custody workbook|not custody workbooks})',
  unreadableLeftOut: '{file}: cannot be read: {reason}',
  notCustodyLeftOut: '{file}: {reason}',
  copyLeftOut: '{file}: {reason}',
  skipped: 'Skipped',
  skippedLine: 'Skipped: {reason}',
  skippedLeftOut: '{file}: skipped: {reason}',
  skippedCount: '; {n|file|files} skipped',
  sheetFindings: '{site} · {sheet}: {n|finding|findings}',
  sheetFindingsGrouped: '{site} · {sheet}: {n|finding|findings}, the same problem on several rows of a column as one line, {lines|line|lines}',
  sheetLines: 'in {lines|line|lines}',
  groupCells: '{n|cell|cells}',
  showMore: 'Show {n} more ({left} not shown yet)',
  actionOn: '{action}: {target}',
  template_0: 'Whole site workbook',
  template_1: 'Form 1 · paper handover slip',
  template_2: 'Form 2 · vault intake list',
  template_3: 'Form 3 · vault in/out log',
  template_4: 'Form 4 · paper distribution register',
  template_5: 'Form 5 · vault duty log',
  switchLangName: '中文 — switch to Chinese',
};

const TABLES: Record<Lang, Record<Key, string>> = { zh, en };

/**
 * A message with its parameters: a number with thousands separators (10,002, as everywhere in the pane);
 * `{n|one|many}` the number and its noun, singular for 1 (English: “1 warning”, “2 warnings”); `{n:one|many}` the
 * word alone (“its”, “their”).
 */
export function t(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const show = (v: string | number | undefined, k: string): string => (typeof v === 'number' ? countShown(v) : (v ?? `{${k}}`));
  return TABLES[lang][key].replace(/\{(\w+)(?:([|:])([^|}]*)\|([^}]*))?\}/g, (_, k: string, how?: string, one?: string, many?: string) => {
    if (how === undefined) return show(params[k], k);
    const noun = Number(String(params[k]).replace(/,/g, '')) === 1 ? one! : many!;
    return how === ':' ? noun : `${show(params[k], k)} ${noun}`;
  });
}

/** What the pane says after 清除标记 (Excel, WPS): the cells put back, the marks not found, the sheets not found. */
export function clearedMessage(lang: Lang, result: { restored: number; lost?: number; missing?: ReadonlyArray<{ sheet: string; cells: number }> }): string {
  const lines = [
    t(lang, 'cleared', { n: result.restored }),
    result.lost ? t(lang, 'clearedLost', { n: result.lost }) : '',
    ...(result.missing ?? []).map((m) => t(lang, 'clearedMissing', { sheet: m.sheet, n: m.cells })),
  ];
  return lines.filter(Boolean).join('');
}

/**
 * What the pane says after 标记 (Excel, WPS): the cells marked, those left unmarked beyond the cap, the sheet
 * listing the findings (Excel), and a note of the host's own.
 */
export function markedMessage(
  lang: Lang,
  result: { marked: number; leftOut: number; list?: string; gone?: number; listRemoved?: string },
  note?: string,
): string {
  const show = countShown;
  const capped = result.leftOut ? t(lang, 'marksCapped', { max: show(result.marked), left: show(result.leftOut) }) : '';
  const list = result.list ? t(lang, 'listWritten', { sheet: result.list }) : '';
  // The marks of an earlier marking whose findings are gone, taken away: said, not done silently (review 20a D3).
  const taken = result.gone ? t(lang, 'oldMarksTaken', { n: result.gone }) : '';
  const listGone = result.listRemoved ? t(lang, 'oldListRemoved', { sheet: result.listRemoved }) : '';
  const marked = result.marked === 0 && result.leftOut === 0 ? t(lang, 'nothingToMark') : t(lang, 'marked', { n: result.marked });
  // Chinese sentences follow one another without a space.
  return [marked, capped, list, taken, listGone, note ?? ''].filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/** What the pane says when a finding's sheet is hidden and its cell cannot be shown; nothing for a sheet shown. */
export function hiddenSheetLine(lang: Lang, state: SheetState | undefined, sheet: string, cell: string): string | undefined {
  return state && t(lang, state === 'hidden' ? 'sheetHidden' : 'sheetVeryHidden', { sheet, cell });
}

declare const __CUSTODY_VERSION__: string | undefined;
/**
 * The build's version (package.json's, as the manifest, `custody --version` and the WPS package carry it), put in by
 * webpack: the page says it, so that an old copy of the offline page or a cached pane can be told from a new one.
 */
const APP_VERSION: string = typeof __CUSTODY_VERSION__ === 'string' ? __CUSTODY_VERSION__ : '';

/** Fills every [data-i18n] element under root with its text (`version`, with the build's version). */
export function translate(root: ParentNode, lang: Lang): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(lang, el.dataset.i18n as Key, { version: APP_VERSION });
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(lang, el.dataset.i18nLabel as Key));
  });
  const doc = (root as Document).documentElement;
  if (doc) {
    doc.lang = lang === 'zh' ? 'zh-CN' : 'en';
    (root as Document).title = t(lang, 'appTitle');
  }
}
