import type { importerZhCN } from './importer.zh-CN';
import type { Messages } from './keys';

export const importerEnUS: Messages<typeof importerZhCN> = {
  errors: {
    emptyFile:
      'The file "{{file}}" is empty (0 bytes); there is nothing to import. Check that you chose the exported catalogue.',
    tooLarge:
      'The file "{{file}}" is {{sizeMb}} MB, over the {{maxMb}} MB limit. Split it by department or year and import the parts.',
    tooManyRows:
      'The file "{{file}}" has {{rows}} rows, over the limit of {{max}} per import. Split it by department or year and import the parts.',
    notXlsx:
      '"{{file}}" is a ZIP archive but not an Excel workbook (.xlsx). Choose the catalogue as .xlsx or .csv.',
    noSheet:
      'The workbook "{{file}}" has no worksheet. Open it in Excel, check it and save it again.',
    xlsxCorrupt:
      'The workbook "{{file}}" is damaged or incomplete and cannot be read. Open it in Excel, save it as a new .xlsx file and import that.',
    oldXls:
      '"{{file}}" is in the old Excel 97–2003 format (.xls). Open it in Excel or WPS, save it as "Excel Workbook (.xlsx)" and import that.',
    notSpreadsheet:
      '"{{file}}" is not a spreadsheet (it looks like an image, a document or another binary file). Choose the .xlsx or .csv catalogue exported by the case system.',
    encodingUnknown:
      'The text encoding of "{{file}}" cannot be determined (it is neither UTF-8 nor GB18030/GBK). Choose the encoding under "File encoding", or save it from Excel as "CSV UTF-8" or .xlsx and import that.',
    encodingMismatch:
      '"{{file}}" is not valid {{encoding}} text. Choose another encoding, or "Detect automatically".',
    previewExpired:
      'The import preview has expired or was discarded (previews are kept for 1 hour). Choose the file again.',
    requiredUnmapped:
      'Some required columns are not mapped ({{fields}}). Map them under "Columns" before confirming.',
    mapTargetMissing: 'The department chosen for "{{name}}" no longer exists. Choose again.',
    departmentsUndecided:
      'These departments are not in the department list: {{names}}. For each, choose "Create department" or "Map to an existing department" before confirming.',
  },
  problems: {
    duplicateCaseInFile:
      'Same case number and department as row {{row}}: the same case file appears twice in the file, with differing content or with errors.',
    duplicatePersonInFile:
      'The same person as row {{row}} (same certificate number, or same name and unit), with differing content or with errors.',
  },
  hints: {
    duplicateInFile:
      'A case file may appear only once in a file. Compare row {{row}} with this row, delete the duplicate or correct the number, and import again; this time only row {{row}} is imported.',
    duplicateOfInvalid:
      'A case file may appear only once in a file. Row {{row}} has errors of its own, so neither row is imported: correct row {{row}}, delete this row, and import again.',
  },
  phase: {
    reading: 'Reading the file',
    checking: 'Checking every row',
    writing: 'Writing',
    exporting: 'Creating the file',
  },
  severity: {
    error: 'Error',
    warning: 'Warning',
  },
  ui: {
    titleCases: 'Import a case catalogue',
    titlePeople: 'Import the evaluator pool',
    dropCases: 'Click or drop the catalogue exported by the case system (.xlsx or .csv)',
    dropPeople: 'Click or drop the evaluator pool sheet (.xlsx or .csv)',
    dropHint:
      'No need to edit the file first: title rows, total rows and blank rows are skipped; column names, dates and amounts in their usual forms are recognised. You see a preview first; nothing is written until you confirm.',
    encoding: 'File encoding (CSV)',
    encodingHelp:
      'Usually "Detect automatically"; choose by hand only if the preview shows garbled text.',
    encodings: {
      auto: 'Detect automatically',
      'utf-8': 'UTF-8',
      gb18030: 'GB18030 / GBK',
      'utf-16le': 'UTF-16 (Unicode text)',
      big5: 'Big5 (Traditional)',
    },
    rowsRead: '{{rows}} rows read',
    sheet: 'sheet "{{name}}"',
    skipped: 'skipped {{blank}} blank rows and {{total}} total rows',
    counts: {
      new: 'New',
      update: 'Updates of existing files',
      duplicate: 'Exact duplicates (skipped)',
      error: 'With errors (skipped)',
      warningRows: 'Rows with warnings',
    },
    status: {
      new: 'New',
      update: 'Update',
      duplicate: 'Duplicate',
      error: 'Error',
    },
    tabs: {
      problems: 'Problems',
      departments: 'Unknown departments',
      mapping: 'Columns',
      sample: 'Data preview',
    },
    allProblems: 'All',
    problemsTruncated: 'Showing the first {{shown}} of {{total}}; download the full list.',
    downloadProblems: 'Download the problem list (Excel)',
    field: 'Field',
    column: 'Column in the file',
    notMapped: '(not imported)',
    emptyHeader: '(no name)',
    applyMapping: 'Check again with these columns',
    headerRow: 'The header is on row {{row}}.',
    mappingSource: {
      detected: 'Columns were recognised by their names.',
      remembered: 'Columns follow your corrections for the last file from the same source.',
      manual: 'Columns follow your corrections.',
    },
    unknownDepartmentsHelp:
      'These departments are not in the department list. Create them, or map them to an existing department (e.g. the short form "东湖区市场监管局" to "东湖区市场监督管理局"; later imports then recognise it).',
    nameInFile: 'Name in the file',
    rows: 'Rows',
    decision: 'Action',
    createDepartment: 'Create department',
    mapDepartment: 'Map to an existing department',
    chooseDepartment: 'Choose a department',
    discard: 'Discard this import',
    commit: 'Import {{count}} rows ({{new}} new, {{update}} updated)',
    errorsSkipped:
      'The {{count}} rows with errors are not imported; correct the file and import it again — rows already imported are not duplicated.',
    doneTitle: 'Import finished',
    doneBody:
      '{{new}} new, {{update}} updated, {{duplicate}} duplicates skipped, {{error}} rows with errors skipped; {{departments}} departments created.',
    another: 'Import another file',
  },
  report: {
    sheet: 'Import problems',
    title: 'Problems found when checking "{{file}}"',
    row: 'Row',
    column: 'Column',
    header: 'Column name',
    severity: 'Kind',
    value: 'Cell content',
    problem: 'Problem',
    hint: 'What to do',
    suffix: 'import-problems',
  },
};
