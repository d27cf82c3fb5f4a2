// English messages of the results and the agreement between evaluators (keys as in
// results.zh-CN.ts).
import type { Messages } from './keys';
import type { resultsZhCN } from './results.zh-CN';

export const resultsEnUS: Messages<typeof resultsZhCN> = {
  sections: {
    filing: 'Filing',
    substance: 'Substance',
    procedure: 'Procedure',
    other: 'Other',
  },
  untagged: 'No problem type given',
  vetoCategory: 'Veto items',
  unknownGroup: 'Other problem tags',
  rank: 'No. {{rank}}',
  rankTied: 'No. {{rank}} (tied)',
  pending: 'Not final',
  agreement: {
    kappa: {
      poor: 'κ = {{value}}: poor agreement, less than chance would give (Landis & Koch). Based on {{n}} files.',
      slight:
        'κ = {{value}}: slight agreement, little better than chance (Landis & Koch). Based on {{n}} files.',
      fair: 'κ = {{value}}: fair agreement (Landis & Koch). Based on {{n}} files.',
      moderate: 'κ = {{value}}: moderate agreement (Landis & Koch). Based on {{n}} files.',
      substantial: 'κ = {{value}}: substantial agreement (Landis & Koch). Based on {{n}} files.',
      almostPerfect:
        'κ = {{value}}: almost perfect agreement (Landis & Koch). Based on {{n}} files.',
    },
    icc: {
      poor: 'ICC = {{value}}: poor reliability. Evaluators of the same file differ about as much as files differ from each other, so a total says more about who scored it (Koo & Li). Based on {{n}} double-scored files.',
      moderate:
        'ICC = {{value}}: moderate reliability. Totals tell files apart, but evaluators still differ noticeably (Koo & Li). Based on {{n}} double-scored files.',
      good: 'ICC = {{value}}: good reliability. Different evaluators give the same file close totals (Koo & Li). Based on {{n}} double-scored files.',
      excellent:
        'ICC = {{value}}: excellent reliability. Totals hardly depend on who scored the file (Koo & Li). Based on {{n}} double-scored files.',
    },
    unavailable: {
      noDoubleScored: 'Not available: no file was scored independently by two or more evaluators.',
      tooFewFiles: 'Not available: only {{n}} double-scored file; at least 2 are needed.',
      noVariance:
        'Not available: every evaluator gave every file the same total, so there is no difference to compare.',
      singleCategory:
        'Not available: every rating falls in one category (e.g. all the same grade), so agreement cannot be told from coincidence.',
    },
    smallSample: 'Based on only {{n}} files: the figure can swing widely; read it with care.',
    item: 'Agreed on {{agree}} of {{files}} double-scored files ({{percent}}%).',
    leniency: {
      lenient:
        'Differs from co-evaluators of the same files by {{difference}} points on average ({{files}} files), beyond ±{{margin}}: scores leniently.',
      strict:
        'Differs from co-evaluators of the same files by {{difference}} points on average ({{files}} files), beyond ±{{margin}}: scores strictly.',
      inLine:
        'Differs from co-evaluators of the same files by {{difference}} points on average ({{files}} files), within ±{{margin}}: in line with colleagues.',
      tooFew:
        'Only {{files}} double-scored files (mean difference {{difference}} points), fewer than {{min}}: not judged yet.',
    },
    about: {
      icc: 'ICC(1,1) (intraclass correlation, one-way random effects, single rater; Shrout & Fleiss 1979) measures how close the totals that different evaluators give the same file are, compared with how much files differ. 1 is perfect agreement; 0 or less means the differences have nothing to do with the files.',
      grades:
        "Fleiss' kappa (Fleiss 1971) measures agreement on the files' grades, corrected for agreement by chance. 1 is perfect agreement, 0 is chance. Each file may have different evaluators.",
      veto: "Fleiss' kappa on whether a veto item was hit, corrected for agreement by chance.",
      pairs:
        "Cohen's kappa (Cohen 1960) for each pair of evaluators: agreement on grade or veto over the files both scored. With few shared files, read it with care.",
      items:
        'For each item: the share of double-scored files on which all evaluators deducted, or none did. Items with a low share are read differently by different evaluators; training should align them.',
      leniency:
        "Leniency: an evaluator's total minus the mean of the co-evaluators' totals on the same file, averaged over the evaluator's files. Positive is lenient, negative strict.",
    },
  },
};
