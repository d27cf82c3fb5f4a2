// Messages of scoring (issue 6): what a sheet lacks before it can be submitted, task and sheet
// states, discrepancy flags and 复核 decisions, as the services and every screen name them.
export const scoringZhCN = {
  submit: {
    reasonRequired: '评查项目 {{code}} 有扣分，请填写扣分理由。',
    vetoReasonRequired: '否决项 {{code}} 已勾选，请填写理由。',
    bonusReasonRequired: '加分项 {{code}} 已勾选，请填写理由。',
  },
  taskStatus: {
    not_started: '未开始',
    in_progress: '评查中',
    submitted: '已提交',
    returned: '退回',
  },
  flags: {
    veto: '否决项意见不一致（{{withVeto}} 人认定否决，{{without}} 人未认定）',
    band: '评查等次不一致（{{grades}}）',
    threshold: '总分相差 {{difference}} 分，超过 {{threshold}} 分',
  },
  resultState: {
    waiting: '等待评查表',
    review: '待复核',
    final: '已定分',
  },
  decisions: {
    mean: '取平均分',
    joint: '联合署名',
    keep: '采用一份评查表',
    reconciled: '复核修订',
    arbiter: '复核人独立评分',
  },
  kinds: {
    evaluator: '评查表',
    joint: '联合评查表',
    reconciled: '复核修订表',
    arbiter: '复核人评查表',
  },
} as const;
