// Messages of the results and the agreement between evaluators (issue 7): section names of the
// problem statistics, ranks, and the plain-language reading of each agreement figure
// (core/results/agreement.ts builds the keys and their params).
export const resultsZhCN = {
  sections: {
    filing: '立卷',
    substance: '实体',
    procedure: '程序',
    other: '其他',
  },
  untagged: '未标注问题类型',
  vetoCategory: '否决项',
  unknownGroup: '其他问题标签',
  rank: '第{{rank}}名',
  rankTied: '并列第{{rank}}名',
  pending: '未定分',
  agreement: {
    kappa: {
      poor: 'κ = {{value}}，一致程度差：比随机给出的结论还不一致（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
      slight:
        'κ = {{value}}，一致程度轻微：评查员的结论与随机给出的相差无几（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
      fair: 'κ = {{value}}，一致程度一般（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
      moderate: 'κ = {{value}}，一致程度中等（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
      substantial: 'κ = {{value}}，一致程度较高（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
      almostPerfect: 'κ = {{value}}，几乎完全一致（Landis 与 Koch 分级）。依据 {{n}} 份案卷。',
    },
    icc: {
      poor: 'ICC = {{value}}，一致性差：同一案卷不同评查员的总分差异与案卷之间的差异相当，总分更多取决于由谁评查（Koo 与 Li 分级）。依据 {{n}} 份双评案卷。',
      moderate:
        'ICC = {{value}}，一致性中等：总分能区分案卷优劣，但评查员之间仍有明显差异（Koo 与 Li 分级）。依据 {{n}} 份双评案卷。',
      good: 'ICC = {{value}}，一致性良好：不同评查员给同一案卷的总分相当接近（Koo 与 Li 分级）。依据 {{n}} 份双评案卷。',
      excellent:
        'ICC = {{value}}，一致性优秀：总分几乎不受由谁评查的影响（Koo 与 Li 分级）。依据 {{n}} 份双评案卷。',
    },
    unavailable: {
      noDoubleScored: '无法计算：没有由两名及以上评查员独立评分的案卷。',
      tooFewFiles: '无法计算：只有 {{n}} 份双评案卷，至少需要 2 份。',
      noVariance: '无法计算：所有评查员给所有案卷的总分完全相同，没有可比较的差异。',
      singleCategory:
        '无法计算：所有评定都落在同一类别（例如全部为同一等次），无法区分真正一致与偶然相同。',
    },
    smallSample: '仅依据 {{n}} 份案卷，结果波动较大，仅供参考。',
    item: '{{files}} 份双评案卷中有 {{agree}} 份意见一致（{{percent}}%）。',
    leniency: {
      lenient:
        '比同案其他评查员平均相差 {{difference}} 分（{{files}} 份案卷），超过 ±{{margin}} 分，评分偏宽松。',
      strict:
        '比同案其他评查员平均相差 {{difference}} 分（{{files}} 份案卷），超过 ±{{margin}} 分，评分偏严格。',
      inLine:
        '比同案其他评查员平均相差 {{difference}} 分（{{files}} 份案卷），在 ±{{margin}} 分以内，尺度基本一致。',
      tooFew:
        '只有 {{files}} 份双评案卷（平均相差 {{difference}} 分），少于 {{min}} 份，暂不判断宽严。',
    },
    about: {
      icc: 'ICC(1,1)（组内相关系数，单向随机效应、单个评查员；Shrout 与 Fleiss，1979）衡量同一案卷不同评查员给出的总分有多接近，并与案卷之间的差异相比较。1 表示完全一致，0 及以下表示总分差异与案卷本身无关。',
      grades:
        'Fleiss kappa（Fleiss，1971）衡量评查员对案卷等次的一致程度，并扣除了偶然相同的部分。1 表示完全一致，0 表示与随机相当。各案卷的评查员可以不同。',
      veto: 'Fleiss kappa 衡量评查员在“是否认定否决项”上的一致程度，并扣除了偶然相同的部分。',
      pairs:
        'Cohen kappa（Cohen，1960）按两两评查员计算：两人共同评查的案卷上，等次或否决项认定的一致程度。共同案卷少时仅供参考。',
      items:
        '每个评查项目上，同一案卷的评查员都扣分或都不扣分的比例。比例低的项目说明对标准的理解存在分歧，宜在培训中统一尺度。',
      leniency:
        '宽严尺度：评查员给出的总分减去同一案卷其他评查员的平均分，再对其评查的案卷取平均。正数表示偏宽松，负数表示偏严格。',
    },
  },
} as const;
