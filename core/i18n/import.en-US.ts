// English translation of the import messages; typed against zh-CN, so keys must match exactly.
import type { Messages } from './keys';
import type { importZhCN } from './import.zh-CN';

export const importEnUS: Messages<typeof importZhCN> = {
  problems: {
    dateUnrecognised:
      'The date "{{value}}" is not recognised. Accepted forms: {{forms}}, or an Excel date cell. Rewrite it in one of these forms and import again.',
    dateImpossible:
      'The date "{{value}}" does not exist: month {{month}} of {{year}} has {{days}} days, so there is no day {{day}}. Correct it from the original document and import again.',
    dateMonthImpossible:
      'The date "{{value}}" does not exist: month {{month}} is not between 1 and 12. Correct it from the original document and import again.',
    dateYearOutOfRange:
      'The year {{year}} of the date "{{value}}" is not between {{min}} and {{max}}, so it must be a typing error. Correct it from the original document and import again.',
    dateSerialInvalid:
      'The cell value "{{value}}" is 29 February 1900 in Excel, a day that never existed. Enter the correct date in the cell and import again.',
    amountInWords:
      'The amount "{{value}}" is written in Chinese words and cannot be imported. Write it in digits, in yuan, for example 5000 or 5000.00.',
    amountNegative:
      'The amount "{{value}}" is negative. A fine or confiscation cannot be negative: correct it and import again, or leave the cell empty when there is no amount.',
    amountTooManyDecimals:
      'The amount "{{value}}" has more than 2 decimals in yuan (it is finer than one fen). Round it to fen (at most 2 decimals) and import again.',
    amountNotANumber:
      'The amount "{{value}}" is not recognised. Write a number such as 5000, 5,000.00, 5000元 or 0.5万元; leave the cell empty when there is no amount.',
    amountTooLarge:
      'The amount "{{value}}" is more than {{max}} yuan, which is clearly wrong (probably a unit or decimal-point slip). Check it, correct it and import again.',
    csvUnterminatedQuote:
      'A quoted field starting on line {{line}} has no closing quote; the file may be truncated or damaged. Open it in Excel and save it again as CSV, or import the XLSX file instead.',
    caseNoMissing: 'The decision number (决定书文号) is empty.',
    caseTypeMissing: 'The case type is empty.',
    caseTypeUnknown: 'The case type "{{value}}" is not in the list of case types.',
    departmentMissing: 'The enforcement department is empty.',
    procedureUnknown: 'The procedure "{{value}}" is not recognised.',
    procedureOther:
      'The procedure "{{value}}" is neither the ordinary nor the simplified procedure of a penalty. The penalty file is imported without a procedure, so a draw of ordinary-procedure files will not include it; please check.',
    statusUnknown: 'The case status "{{value}}" is not recognised.',
    openButClosedOn:
      'The status is "{{value}}" but a closing date {{closedOn}} is filled in. The file is imported as "{{value}}", and files in progress are not drawn; please check.',
    decidedBeforeFiled:
      'The decision date {{decidedOn}} is before the filing date {{filedOn}}; please check (the row is still imported).',
    closedBeforeDecided:
      'The closing date {{closedOn}} is before the decision date {{decidedOn}}; please check (the row is still imported).',
    pageCountInvalid:
      'The page count "{{value}}" is not a whole number of zero or more. Write the number of pages, for example 30 or 30页; leave it empty when unknown.',
    numberPrecisionLost:
      'The ID or credit code "{{value}}" is a number cell in Excel, and Excel has replaced the digits beyond the 15th with zeros. Format the column as Text, re-enter the code and import again.',
    personNameMissing: 'The name is empty.',
    personDepartmentMissing: 'The department (所在单位) is empty.',
    legalOfficerUnknown: 'The legal-officer value "{{value}}" is not recognised.',
    phoneUnusual:
      'The phone number "{{value}}" has {{digits}} digits, which does not look like a phone number (7 to 13 digits expected). It is imported as written; please check.',
    headerNotFound:
      'No header row was found in the first 30 rows of the file (it needs at least 3 recognisable column names, such as {{headers}}). Check that you chose the case catalogue and the right worksheet.',
    requiredColumnMissing: 'The file has no "{{header}}" column.',
  },
  hints: {
    caseNoMissing:
      'Fill in the decision number of the file (for a permit, the permit decision number), for example "东市监处罚〔2025〕12号", and import again; if this row is not a case file, delete it.',
    caseTypeMissing: 'Fill in the case type. Available types: {{types}}.',
    caseTypeUnknown:
      'If "{{value}}" files are to be evaluated too, add it as a case type under Settings → Case types, or add "{{value}}" as a synonym of an existing type, and import again; otherwise change it in the file to an existing type ({{types}}).',
    departmentMissing:
      'Fill in the full name of the department that made the decision, for example "东湖区市场监督管理局", and import again.',
    procedureUnknown:
      'Change it to "普通程序" (ordinary) or "简易程序" (simplified); 普通, 一般程序, 听证程序, 简易 and 当场处罚 are accepted too, and permit files may say 承诺制 or 即办. Leave it empty when the procedure does not apply.',
    statusUnknown:
      'Change it to "已结案" (closed) or "办理中" (in progress); 结案, 已办结, 已归档, 在办 and 未结案 are accepted too. When empty, the status follows the closing date.',
    personNameMissing: "Fill in the evaluator's name; if this row is not a person, delete it.",
    personDepartmentMissing:
      'Fill in the full name of the person\'s department, for example "东湖区市场监督管理局".',
    legalOfficerUnknown:
      'Write "是" (yes) or "否" (no); Y/N, √/× and 1/0 are accepted too. Empty means not a legal officer.',
    mapRequiredColumn:
      'This column was not found in the file. Assign a column to it under Column mapping, or add the column to the file and import again.',
    requiredColumnMissing:
      'Choose which column is "{{header}}" under Column mapping, or add that column to the header of the file and import again.',
  },
  fields: {
    case: {
      caseNo: 'Decision number',
      filingNo: 'Filing number',
      caseType: 'Case type',
      procedure: 'Procedure',
      cause: 'Cause',
      partyName: 'Party',
      partyType: 'Party type',
      partyCode: 'Credit code / ID number',
      department: 'Department',
      handlers: 'Handling officers',
      handlerCertNos: 'Enforcement certificate numbers',
      filedOn: 'Filing date',
      decidedOn: 'Decision date',
      closedOn: 'Closing date',
      penaltyKinds: 'Kinds of penalty',
      amount: 'Fines and confiscations (yuan)',
      legalBasis: 'Legal basis',
      status: 'Status',
      pageCount: 'Pages',
      caseUid: 'System case ID',
      notes: 'Notes',
    },
    person: {
      name: 'Name',
      department: 'Department',
      position: 'Position',
      legalOfficer: 'Legal officer',
      certNo: 'Enforcement certificate number',
      phone: 'Phone',
      expertise: 'Fields of expertise',
      notes: 'Notes',
    },
  },
  caseTypes: {
    penalty: 'Administrative penalty',
    permit: 'Administrative permit',
    coercion: 'Administrative coercion',
  },
  procedures: {
    normal: 'Ordinary procedure',
    simple: 'Simplified procedure',
  },
  statuses: {
    closed: 'Closed',
    open: 'In progress',
  },
  partyTypes: {
    naturalPerson: 'Natural person',
    legalPerson: 'Legal person',
    unincorporated: 'Unincorporated organisation',
    soleTrader: 'Individual business',
  },
};
