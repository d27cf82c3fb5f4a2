// Messages of the import screen and the file checks done before rows are read (zh-CN source).
// Merged into zh-CN under `importer`.
export const importerZhCN = {
  errors: {
    emptyFile: '文件“{{file}}”是空的（0 字节），没有可导入的内容。请确认选择了导出的目录文件。',
    tooLarge:
      '文件“{{file}}”有 {{sizeMb}} MB，超过 {{maxMb}} MB 的上限。请按部门或年度拆分成几个文件分批导入。',
    tooManyRows:
      '文件“{{file}}”有 {{rows}} 行，超过每次 {{max}} 行的上限。请按部门或年度拆分成几个文件分批导入。',
    notXlsx:
      '“{{file}}”是压缩文件，但不是 Excel 工作簿（.xlsx）。请选择案卷目录的 .xlsx 或 .csv 文件。',
    noSheet: '工作簿“{{file}}”中没有工作表。请在 Excel 中打开确认后重新保存。',
    xlsxCorrupt:
      '工作簿“{{file}}”已损坏或不完整，无法读取。请在 Excel 中打开并另存为新的 .xlsx 文件后重新导入。',
    oldXls:
      '“{{file}}”是旧版 Excel 97–2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后重新导入。',
    notSpreadsheet:
      '“{{file}}”不是表格文件（看起来是图片、文档或其他二进制文件）。请选择办案系统导出的 .xlsx 或 .csv 目录文件。',
    encodingUnknown:
      '无法判断“{{file}}”的文字编码（既不是 UTF-8，也不是 GB18030/GBK）。请在“文件编码”中手动选择编码，或在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新导入。',
    encodingMismatch:
      '“{{file}}”不是有效的 {{encoding}} 编码文本。请选择其他编码，或选“自动识别”。',
    previewExpired: '导入预览已过期或已被放弃（预览保留 1 小时）。请重新选择文件。',
    requiredUnmapped: '还有必填列没有对应（{{fields}}）。请在“列对应”中指定后再确认导入。',
    mapTargetMissing: '“{{name}}”要对应的执法部门已不存在。请重新选择。',
    departmentsUndecided:
      '以下执法部门在部门库中找不到：{{names}}。请为每一个选择“新建部门”或“对应到已有部门”后再确认导入。',
  },
  problems: {
    duplicateCaseInFile:
      '决定书文号和执法部门与第 {{row}} 行相同：同一案卷在文件中出现了两次，且内容不一致或有错误。',
    duplicatePersonInFile:
      '与第 {{row}} 行是同一人（执法证号相同，或姓名与单位相同），且内容不一致或有错误。',
  },
  hints: {
    duplicateInFile:
      '同一案卷在文件中只能出现一次。请核对第 {{row}} 行和本行，删除重复的一行或改正文号后重新导入；本次只导入第 {{row}} 行。',
    duplicateOfInvalid:
      '同一案卷在文件中只能出现一次。第 {{row}} 行本身也有错误，两行都不会导入：请改正第 {{row}} 行并删除本行后重新导入。',
  },
  phase: {
    reading: '正在读取文件',
    checking: '正在逐行检查',
    writing: '正在写入',
    exporting: '正在生成文件',
  },
  severity: {
    error: '错误',
    warning: '提醒',
  },
  ui: {
    titleCases: '导入案卷目录',
    titlePeople: '导入评查人员库',
    dropCases: '点击或拖入办案系统导出的案卷目录（.xlsx 或 .csv）',
    dropPeople: '点击或拖入评查人员库表格（.xlsx 或 .csv）',
    dropHint:
      '不需要先修改文件：标题行、合计行、空行会自动跳过；列名、日期和金额的各种写法会自动识别。导入前会先显示预览，确认后才写入。',
    encoding: '文件编码（CSV）',
    encodingHelp: '一般选“自动识别”；预览中文字乱码时再手动选择。',
    encodings: {
      auto: '自动识别',
      'utf-8': 'UTF-8',
      gb18030: 'GB18030 / GBK',
      'utf-16le': 'UTF-16（Unicode 文本）',
      big5: 'Big5（繁体）',
    },
    rowsRead: '已读取 {{rows}} 行',
    sheet: '工作表“{{name}}”',
    skipped: '已跳过空行 {{blank}} 行、合计行 {{total}} 行',
    counts: {
      new: '新增',
      update: '更新已有案卷',
      duplicate: '完全重复（跳过）',
      error: '有错误（跳过）',
      warningRows: '有提醒的行',
    },
    status: {
      new: '新增',
      update: '更新',
      duplicate: '重复',
      error: '错误',
    },
    tabs: {
      problems: '问题',
      departments: '未知执法部门',
      mapping: '列对应',
      sample: '数据预览',
    },
    allProblems: '全部',
    problemsTruncated: '此处显示前 {{shown}} 条，共 {{total}} 条；完整清单请下载。',
    downloadProblems: '下载问题清单（Excel）',
    field: '字段',
    column: '文件中的列',
    notMapped: '（不导入）',
    emptyHeader: '（无列名）',
    applyMapping: '按此对应重新检查',
    headerRow: '表头在第 {{row}} 行。',
    mappingSource: {
      detected: '列对应根据列名自动识别。',
      remembered: '已按上次对同一来源文件的调整自动对应。',
      manual: '列对应已按您的调整。',
    },
    unknownDepartmentsHelp:
      '以下执法部门在部门库中找不到。可以新建部门，也可以对应到已有部门（例如简称“东湖区市场监管局”对应“东湖区市场监督管理局”，之后导入会自动识别）。',
    nameInFile: '文件中的名称',
    rows: '行数',
    decision: '处理',
    createDepartment: '新建部门',
    mapDepartment: '对应到已有部门',
    chooseDepartment: '选择部门',
    discard: '放弃本次导入',
    commit: '确认导入 {{count}} 行（新增 {{new}}，更新 {{update}}）',
    errorsSkipped: '有错误的 {{count}} 行不会导入；改正文件后可再次导入，已导入的行不会重复。',
    doneTitle: '导入完成',
    doneBody:
      '新增 {{new}} 行，更新 {{update}} 行，重复跳过 {{duplicate}} 行，错误跳过 {{error}} 行；新建执法部门 {{departments}} 个。',
    another: '继续导入其他文件',
  },
  report: {
    sheet: '导入问题',
    title: '“{{file}}”导入检查发现的问题',
    row: '行号',
    column: '列',
    header: '列名',
    severity: '类别',
    value: '单元格内容',
    problem: '问题',
    hint: '处理办法',
    suffix: '导入问题',
  },
} as const;
