// Messages of offline packages (issue 8): task packages (评查任务包), result packages (评查结果包),
// the evaluator workspace and merging. `packageErrorsZhCN` is spread into `errors` (zh-CN.ts), so
// refusals are `errors.package…` / `errors.result…` keys like every other error.
export const packagesZhCN = {
  kind: {
    task: '评查任务包',
    result: '评查结果包',
  },
  mode: {
    coordinator: '组织者工作区',
    evaluator: '评查员工作区（由任务包导入）',
  },
  identity: {
    title: '工作区标识',
    workspaceId: '工作区编号',
    fingerprint: '公钥指纹',
    fingerprintHelp:
      '评查员导入任务包时会看到签发方的公钥指纹，可与此处核对，确认任务包确由本工作区签发。',
  },
  phase: {
    collect: '正在收集评查任务',
    attachments: '正在打包案卷附件',
    sign: '正在签名',
    verify: '正在校验',
    store: '正在保存案卷附件',
    commit: '正在写入',
    apply: '正在合并评查表',
    packages: '正在生成评查任务包',
  },
  sheetClass: {
    new: '新增',
    newer: '较新',
    same: '相同',
    older: '较旧',
    conflict: '冲突',
  },
  sheetClassHelp: {
    new: '本机尚无这份评查表的内容，将采用结果包中的评查表。',
    newer: '结果包中的评查表比本机新，将采用结果包。',
    same: '与本机相同，无需合并。',
    older: '本机已有更新的内容，结果包中的旧内容不会覆盖它。',
    conflict: '任务包发出后，本机和评查员双方都修改了这份评查表，请选择保留哪一方。',
  },
  resolution: {
    local: '保留本机',
    package: '采用结果包',
  },
  partial: '部分结果（尚有评查表未提交）',
  complete: '完整结果（全部评查表已提交）',
  fileName: {
    task: '评查任务包-{{campaign}}-{{name}}',
    all: '评查任务包-{{campaign}}-全部评查员',
    result: '评查结果包-{{campaign}}-{{name}}-第{{sequence}}次',
  },
} as const;

export const packageErrorsZhCN = {
  evaluatorMode: '本工作区是由评查任务包导入的评查员工作区，只能进行评查，不能执行此操作。',
  packageNotZip: '所选文件不是评查任务包或评查结果包（不是 ZIP 文件）。',
  packageTruncated: '文件不完整（可能在复制时中断）。请重新复制后再试。',
  packageCorrupt: '文件已损坏：“{{entry}}”无法读取。请重新复制后再试。',
  packageNoManifest: '文件中缺少清单（manifest.json），不是本软件生成的评查包。',
  packageManifestInvalid: '评查包的清单格式不正确，不是本软件生成的评查包，或已被修改。',
  packageFormatNewer:
    '该评查包由更新版本的软件生成（格式版本 {{version}}，本软件支持到 {{supported}}）。请升级软件后再导入。',
  packageIsResult:
    '这是评查结果包，不是评查任务包。评查结果包请交给组织者，在“合并评查结果”中导入。',
  packageIsTask: '这是评查任务包，不是评查结果包。评查任务包应在评查员的电脑上导入。',
  packageEntryMissing: '评查包中缺少清单所列的“{{entry}}”，可能被删改过。',
  packageEntryUnexpected: '评查包中有清单未列出的“{{entry}}”，可能被删改过。',
  packageEntryHash: '评查包中的“{{entry}}”与清单记录的校验值不符，内容在签发后被修改过。',
  packageSignatureMissing: '任务包缺少签名（manifest.sig），无法确认签发方。',
  packageSignatureInvalid:
    '任务包的签名无效：清单不是由其中所载的组织者工作区签发的，或签发后被修改过。',
  packageDataInvalid: '评查包中的“{{entry}}”内容不完整或格式不正确。',
  packageExpired:
    '该评查包的有效期已于 {{validUntil}} 截止，不能再使用。请联系组织者重新签发任务包。',
  packageOtherCoordinator:
    '该评查活动此前导入的任务包由另一个组织者工作区签发（公钥指纹 {{expected}}），本任务包的签发方（{{fingerprint}}）与之不符，已拒绝导入。',
  packageCoordinatorWorkspace:
    '本工作区是组织者工作区，不能导入评查任务包。请在评查员自己的电脑上（首次打开、尚未创建账户时）导入。',
  packageSignInRequired: '本工作区已有评查员账户，请先登录后再导入新的任务包。',
  packageOtherEvaluator: '该任务包是发给“{{name}}”的，与当前登录的评查员不是同一人。',
  packageOlderIssue:
    '本机已导入该评查活动较新签发的任务包（{{issuedAt}}），这份较早签发的任务包不再导入。',
  packagePasswordRequired: '请为评查员账户设置登录密码。',
  packageJointMode:
    '联合评查（共同署名）方式的评查活动需要评查员在同一台电脑上共同评查，不能生成离线任务包。',
  packageNotEvaluator: '“{{name}}”在本评查活动中没有分配案卷，无法生成任务包。',
  packageNotSigned: '评查员“{{name}}”还没有关联登录账户，无法生成任务包。',
  packageAttachmentMissing: '案卷“{{caseNo}}”的附件“{{file}}”在本机找不到或已损坏，任务包未生成。',
  packageValidUntilPast: '有效期（{{date}}）不能早于今天。',
  packagesTooLarge:
    '全部评查员的任务包合计约 {{mb}} MB，超过一次导出的上限 {{maxMb}} MB。请逐个评查员导出任务包。',
  packageNotImported: '本工作区没有导入该评查活动的任务包。',
  resultUnknownPackage:
    '该结果包对应的任务包（{{packageId}}）不是本工作区签发的，可能属于另一个组织者工作区。',
  resultHmac: '结果包的校验码不正确：内容在导出后被修改过，或不是用本工作区签发的任务包生成的。',
  resultForeignCampaign: '该结果包属于另一个评查活动（“{{campaign}}”），与其任务包不符。',
  resultWrongEvaluator: '该结果包的评查员与其任务包签发给的评查员（“{{name}}”）不符。',
  resultSheetUnknown:
    '结果包中的案卷“{{caseNo}}”不在该评查员的任务中（分配可能已变更）。请重新签发任务包。',
  resultOlder:
    '这是较早导出的结果包（第 {{sequence}} 次导出），本工作区已合并第 {{merged}} 次导出的结果，旧结果不会覆盖新结果。',
  resultSequenceReused:
    '已合并过一份同为第 {{sequence}} 次导出但内容不同的结果包，这份结果包不予合并。',
  resultConflicts:
    '有 {{count}} 份评查表在任务包发出后双方都有修改（{{caseNos}}），请逐一选择“保留本机”或“采用结果包”后再合并。',
} as const;
