// Messages of the catalogue/pool import (zh-CN source). Merged into zh-CN under `import`, so the
// key problems.dateImpossible here is 'import.problems.dateImpossible' in code.
export const importZhCN = {
  problems: {
    dateUnrecognised:
      '无法识别日期“{{value}}”。可用的写法：{{forms}}，或 Excel 的日期单元格。请改为其中一种后重新导入。',
    dateImpossible:
      '日期“{{value}}”不存在：{{year}}年{{month}}月只有 {{days}} 天，没有 {{day}} 日。请对照原始文书改正后重新导入。',
    dateMonthImpossible:
      '日期“{{value}}”不存在：月份 {{month}} 不在 1–12 之间。请对照原始文书改正后重新导入。',
    dateYearOutOfRange:
      '日期“{{value}}”的年份 {{year}} 不在 {{min}}–{{max}} 之间，应是录入错误。请对照原始文书改正后重新导入。',
    dateSerialInvalid:
      '单元格的值“{{value}}”在 Excel 中对应 1900年2月29日，这一天并不存在。请在单元格中填写正确的日期后重新导入。',
    amountInWords:
      '金额“{{value}}”是用汉字书写的，无法导入。请改用阿拉伯数字填写，单位为元，例如 5000 或 5000.00。',
    amountNegative: '金额“{{value}}”是负数。罚没金额不能为负，请改正后重新导入；没有金额时请留空。',
    amountTooManyDecimals:
      '金额“{{value}}”换算为元后超过 2 位小数（精确到了分以下）。请保留到分（最多 2 位小数）后重新导入。',
    amountNotANumber:
      '无法识别金额“{{value}}”。请填写数字，例如 5000、5,000.00、5000元 或 0.5万元；没有金额时请留空。',
    amountTooLarge:
      '金额“{{value}}”超过 {{max}} 元，明显有误（可能是单位或小数点写错）。请核对后改正再导入。',
    csvUnterminatedQuote:
      '第 {{line}} 行开始的带引号字段没有结束的引号，文件可能被截断或已损坏。请在 Excel 中打开并重新另存为 CSV，或改用 XLSX 文件导入。',
    caseNoMissing: '决定书文号为空。',
    caseTypeMissing: '案件类型为空。',
    caseTypeUnknown: '案件类型“{{value}}”不在案件类型列表中。',
    departmentMissing: '执法部门为空。',
    procedureUnknown: '程序类型“{{value}}”无法识别。',
    procedureOther:
      '程序类型“{{value}}”不是行政处罚的普通程序或简易程序。该处罚案卷将不区分程序导入，按“普通程序”抽取案卷时不会包含它；请核对。',
    statusUnknown: '案件状态“{{value}}”无法识别。',
    openButClosedOn:
      '案件状态为“{{value}}”，但填写了结案日期 {{closedOn}}。将按“{{value}}”导入，办理中的案卷不会被抽取；请核对。',
    decidedBeforeFiled: '决定日期 {{decidedOn}} 早于立案日期 {{filedOn}}，请核对（不影响导入）。',
    closedBeforeDecided: '结案日期 {{closedOn}} 早于决定日期 {{decidedOn}}，请核对（不影响导入）。',
    pageCountInvalid:
      '卷宗页数“{{value}}”不是非负整数。请填写页数，例如 30 或 30页；不清楚时请留空。',
    numberPrecisionLost:
      '证件号码“{{value}}”在 Excel 中是数字格式，超过 15 位的数字末几位已被 Excel 改成 0。请将该列设为“文本”格式、重新填写号码后再导入。',
    personNameMissing: '姓名为空。',
    personDepartmentMissing: '所在单位为空。',
    legalOfficerUnknown: '“是否法制员”的值“{{value}}”无法识别。',
    phoneUnusual:
      '联系电话“{{value}}”有 {{digits}} 位数字，不像电话号码（应为 7–13 位）。已照原样导入，请核对。',
    headerNotFound:
      '在文件前 30 行中没有找到表头行（至少要有 3 个能识别的列名，例如 {{headers}}）。请确认选择了案卷目录文件和正确的工作表。',
    requiredColumnMissing: '文件中没有“{{header}}”列。',
  },
  hints: {
    caseNoMissing:
      '请填写该案卷的决定书文号（许可案卷填写许可决定文号），例如“东市监处罚〔2025〕12号”，然后重新导入；如果这一行不是案卷，请删除该行。',
    caseTypeMissing: '请填写案件类型，可用的类型：{{types}}。',
    caseTypeUnknown:
      '如果“{{value}}”案卷也要纳入评查，请在“设置 → 案件类型”中新增该类型，或把“{{value}}”添加为已有类型的同义词，然后重新导入；否则请在文件中改为已有类型（{{types}}）。',
    departmentMissing: '请填写作出决定的执法部门全称，例如“东湖区市场监督管理局”，然后重新导入。',
    procedureUnknown:
      '请改为“普通程序”或“简易程序”（也可写 普通、一般程序、听证程序、简易、当场处罚），许可案卷也可写“承诺制”“即办”；不区分程序时请留空。',
    statusUnknown:
      '请改为“已结案”或“办理中”（也可写 结案、已办结、已归档、在办、未结案）；留空时按有无结案日期自动判断。',
    personNameMissing: '请填写评查人员的姓名；如果这一行不是人员，请删除该行。',
    personDepartmentMissing: '请填写该人员所在的执法部门全称，例如“东湖区市场监督管理局”。',
    legalOfficerUnknown: '请填写“是”或“否”（也可写 Y/N、√/×、1/0）；留空表示不是法制员。',
    mapRequiredColumn:
      '文件中没有找到这一列。请在“列对应”中为它指定一列，或在文件中补上该列后重新导入。',
    requiredColumnMissing:
      '请在“列对应”中指定哪一列是“{{header}}”，或在文件的表头中补上该列后重新导入。',
  },
  fields: {
    case: {
      caseNo: '决定书文号',
      filingNo: '立案号',
      caseType: '案件类型',
      procedure: '程序类型',
      cause: '案由',
      partyName: '当事人',
      partyType: '当事人类型',
      partyCode: '统一社会信用代码/证件号码',
      department: '执法部门',
      handlers: '承办人',
      handlerCertNos: '执法证号',
      filedOn: '立案日期',
      decidedOn: '决定日期',
      closedOn: '结案日期',
      penaltyKinds: '处罚种类',
      amount: '罚没金额（元）',
      legalBasis: '法律依据',
      status: '案件状态',
      pageCount: '卷宗页数',
      caseUid: '案件编号',
      notes: '备注',
    },
    person: {
      name: '姓名',
      department: '所在单位',
      position: '职务',
      legalOfficer: '是否法制员',
      certNo: '执法证号',
      phone: '联系电话',
      expertise: '专业领域',
      notes: '备注',
    },
  },
  caseTypes: {
    penalty: '行政处罚',
    permit: '行政许可',
    coercion: '行政强制',
  },
  procedures: {
    normal: '普通程序',
    simple: '简易程序',
  },
  statuses: {
    closed: '已结案',
    open: '办理中',
  },
  partyTypes: {
    naturalPerson: '自然人',
    legalPerson: '法人',
    unincorporated: '非法人组织',
    soleTrader: '个体工商户',
  },
} as const;
