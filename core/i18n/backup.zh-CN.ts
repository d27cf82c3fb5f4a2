// Backup and restore (备份与恢复, issue 8 item 7): the settings card, the start page shown when the
// workspace file is damaged, what is wrong with a file, and why a restore is refused.
export const backupZhCN = {
  title: '备份与恢复',
  intro:
    '软件运行时每天自动备份一次工作区，保留最近 {{keep}} 份；升级软件（数据结构变更）前和恢复备份前也会各自自动备份，各保留最近 {{keep}} 份。备份文件夹：{{dir}}',
  create: '立即备份',
  createHelp: '生成当前工作区的完整副本并下载，请保存到U盘或其他安全位置。',
  created: '备份文件已生成：{{file}}',
  fileName: '案卷评查-工作区备份-{{stamp}}',
  list: '自动备份',
  none: '还没有自动备份。',
  columns: { time: '时间', kind: '类型', size: '大小' },
  kinds: {
    daily: '每日自动备份',
    migration: '升级前备份（结构版本 {{version}}）',
    restore: '恢复前备份',
  },
  restore: '恢复',
  restoreFile: '从备份文件恢复…',
  confirmTitle: '用备份替换当前工作区？',
  confirmBody:
    '恢复会用“{{name}}”替换当前工作区的全部数据。恢复前会先检查备份（完整性、数据结构版本、审计链），检查不通过则不作任何更改；当前工作区会先另存为“恢复前备份”。',
  confirmOk: '检查并恢复',
  otherTitle: '这份备份来自另一个工作区',
  otherBackupKey: '备份的工作区密钥指纹',
  otherThisKey: '本工作区的密钥指纹',
  otherBody: '恢复后本机将使用备份中的签名密钥和任务包密钥。',
  otherPackages:
    '本工作区已发出、尚未完成的 {{openPackages}} 个评查任务包，其结果包将无法合并，需要重新发放。',
  otherNoPackages: '本工作区目前没有已发出、尚未完成的评查任务包。',
  otherKept: '当前工作区仍会先另存为“恢复前备份”。确定要恢复吗？',
  otherOk: '仍然恢复',
  restoring: '正在检查并恢复…',
  restored:
    '已从“{{from}}”恢复：数据结构版本 {{version}}，审计日志 {{entries}} 条。原工作区已另存为“{{safety}}”。',
  signedOut: '恢复的工作区中没有您当前的登录，请重新登录。',
  problems: {
    empty: '文件是空的（0 字节）。',
    notDatabase: '文件不是 SQLite 数据库，或文件头已损坏（{{detail}}）。',
    integrity: '文件未通过 SQLite 完整性检查，数据页已损坏（{{detail}}）。',
    notWorkspace: '文件是 SQLite 数据库，但不是本软件的工作区。',
    tooNew:
      '文件由更新版本的软件创建（数据结构版本 {{fileVersion}}，本软件支持到 {{appVersion}}）。请先升级软件。',
    auditBroken:
      '文件的审计链在第 {{seq}} 条记录处断开（{{at}}，{{action}}），说明其数据在软件之外被修改过。',
  },
  refused: {
    empty: '不能恢复：文件是空的（0 字节），不是工作区备份。当前工作区未作任何更改。',
    notDatabase:
      '不能恢复：文件不是 SQLite 数据库，或文件头已损坏（{{detail}}）。当前工作区未作任何更改。',
    integrity:
      '不能恢复：备份未通过完整性检查（PRAGMA integrity_check），数据页已损坏（{{detail}}）。当前工作区未作任何更改。',
    notWorkspace:
      '不能恢复：文件是 SQLite 数据库，但不是本软件的工作区备份。当前工作区未作任何更改。',
    tooNew:
      '不能恢复：备份由更新版本的软件创建（数据结构版本 {{fileVersion}}，本软件支持到 {{appVersion}}）。请先升级软件。当前工作区未作任何更改。',
    auditBroken:
      '不能恢复：备份的审计链在第 {{seq}} 条记录处断开（{{at}}，{{action}}），其数据在软件之外被修改过。当前工作区未作任何更改。',
  },
  errors: {
    damaged: '工作区文件已损坏，软件没有打开它。请从备份恢复。',
    notDamaged: '工作区完好，不需要在启动页恢复。如需恢复备份，请登录后在“设置”中操作。',
    notFound: '找不到备份“{{name}}”（可能已按保留规则删除）。请刷新列表。',
    otherWorkspace:
      '这份备份来自另一个工作区（密钥指纹 {{backupWorkspace}}，本工作区为 {{thisWorkspace}}），未作任何更改。恢复它会替换本机的签名密钥，已发出的 {{openPackages}} 个评查任务包的结果将无法合并。如确需恢复，请在确认后再次恢复。',
  },
  recovery: {
    title: '工作区文件已损坏',
    body: '启动时检查工作区文件未通过。为免损坏扩大，软件没有打开它。损坏的文件会移到数据目录的 damaged 文件夹中保存，不会删除。',
    problem: '检查结果：',
    latestGood: '最近一份完好的备份：{{time}}（{{kind}}）',
    restoreLatest: '从备份恢复',
    noGood: '备份文件夹中没有通过检查的备份。如有手动保存的备份文件，请选择该文件恢复。',
    others: '其他备份',
    restoreFile: '选择备份文件恢复…',
    done: '已从“{{from}}”恢复工作区，请登录。',
    toLogin: '前往登录',
  },
} as const;
