// Rectification (整改, issue 7 item 7): the problem states, the refusals of the rectify.* methods,
// the rectification notice (整改通知书) and the summary paragraph for the next notice.
export const rectifyZhCN = {
  statuses: {
    open: '未整改',
    in_progress: '整改中',
    rectified: '已整改',
    verified: '已复核',
  },
  errors: {
    campaignNotDone:
      '评查活动当前为“{{status}}”状态。整改通知要在评查活动结束（已完成）、全部案卷定分后下发。',
    departmentNotInCampaign: '所选单位在本次评查活动中没有被抽查的案卷。',
    noProblems: '“{{name}}”被抽查的案卷没有发现问题，不需要下发整改通知。',
    notIssued: '还没有向“{{name}}”下发整改通知。',
    deadlineBeforeDate: '整改期限（{{deadline}}）不能早于发文日期（{{date}}）。',
    extendNotLater: '延期后的整改期限（{{deadline}}）应晚于现在的期限（{{current}}）。',
    deadlineChanged:
      '“{{name}}”的整改期限已被他人改为 {{current}}，未作更改。请刷新后按新的期限再办理延期。',
    verifiedFinal: '这个问题已复核，整改记录不能再修改。',
    transition: '问题不能从“{{from}}”改为“{{to}}”。',
    verifyBeforeRectified: '问题要先标记为“已整改”，才能复核（当前为“{{from}}”）。',
    replyRequired: '标记为“{{to}}”前，请填写单位的整改答复（采取了哪些整改措施）。',
    noteRequired: '退回“整改中”时，请填写退回原因（复核未通过的理由）。',
    stale: '这个问题已被他人改为“{{status}}”，请刷新后再操作。',
    evidenceType:
      '“{{file}}”不是可接受的佐证材料。请上传 PDF、图片（JPG、PNG 等）或 Word（.docx）文件。',
    evidenceLocked: '这个问题已复核，佐证材料不能再增删。',
  },
  notice: {
    // Two lines (a trapezoid): the title is one character longer than a line of 2号.
    title: '关于{{year}}年度行政执法案卷\n评查问题整改的通知',
    fileName: '整改通知书-{{department}}',
    opening:
      '{{issuer}}组织开展了{{campaign}}工作。经评查，你单位被抽查的{{files}}件案卷平均得分{{mean}}分，其中{{grades}}。',
    openingGrade: '{{grade}}{{count}}件',
    openingVeto: '{{count}}件案卷触及否决项。',
    openingProblems:
      '评查发现你单位案卷存在问题{{problems}}个，涉及案卷{{files}}件。现将问题清单通知如下，请认真组织整改。',
    h1Problems: '一、存在的问题',
    problemsIntro: '问题按案卷列出，扣分理由摘自评查表，页码为案卷页码：',
    h1Requirements: '二、整改要求',
    requirement1:
      '（一）你单位应对照问题清单，逐案逐项分析原因，落实整改措施；能够补正的予以补正，不能补正的说明理由，并举一反三，对同类问题一并整改。',
    requirement2:
      '（二）请于{{deadline}}前将书面整改报告（逐项说明整改措施和结果，并附整改佐证材料）报送{{issuer}}。',
    requirement3:
      '（三）逾期未整改或整改不到位的，将在下一次评查情况通报中予以说明，整改情况纳入法治政府建设考核。',
    table: {
      index: '序号',
      caseNo: '案号',
      score: '得分 {{score}}（{{grade}}）',
      problem: '存在问题',
      reason: '扣分理由',
      pages: '页码',
      veto: '否决项',
    },
  },
  summary: {
    none: '截至{{date}}，尚未向任何单位下发整改通知。',
    intro: '截至{{date}}，已向{{departments}}个单位下发整改通知，涉及问题{{total}}个。',
    status:
      '其中已整改{{resolved}}个（已复核{{verified}}个），整改中{{inProgress}}个，未整改{{open}}个，整改率{{rate}}%。',
    allResolved: '各单位已全部完成整改，待复核确认。',
    allVerified: '各单位已全部完成整改，并经复核确认。',
    extended: '{{count}}个单位经批准延长了整改期限。',
    overdue: '{{departments}}个单位的{{count}}个问题逾期未整改（{{list}}{{more}}）。',
    overdueItem: '{{name}}{{count}}个',
    overdueMore: '等{{count}}个单位',
    separator: '、',
    closing: '请相关单位抓紧整改，按期报送整改情况。',
  },
} as const;
