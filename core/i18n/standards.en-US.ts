import type { Messages } from './keys';
import type { standardsZhCN } from './standards.zh-CN';

export const standardsEnUS: Messages<typeof standardsZhCN> = {
  modes: {
    fixed: 'Fixed deduction',
    per_occurrence: 'Per occurrence',
    range: 'Within a range',
  },
  effects: {
    zero: 'Scores 0 and fails',
    fail: 'Fails (score kept)',
    block_excellent: 'Cannot be rated excellent',
  },
  overflow: {
    cap: 'Stop at zero',
    refuse: 'Refuse occurrences beyond the maximum',
  },
  rules: {
    fixed: '{{deduct}} off when missing',
    partial: '{{unit}} off per defect when done badly',
    perOccurrence: '{{unit}} off per occurrence',
    cap: 'down to zero at most',
    refuse: 'no occurrences beyond the maximum',
    range: '{{min}}–{{max}} off, as the evaluator judges',
    na: 'full marks when not applicable',
    separator: '; ',
  },
  import: {
    sheetMissing: 'The sheet "{{sheet}}" is missing.',
    columnMissing: '{{where}}: the column "{{header}}" is missing.',
    required: '{{where}}: "{{header}}" must not be empty.',
    notPoints:
      '{{where}}: "{{value}}" is not a number of points (digits with at most one decimal, e.g. 2 or 0.5).',
    badMode:
      '{{where}}: the rule "{{value}}" is not known; use fixed deduction, per occurrence or within a range.',
    badOverflow:
      '{{where}}: "{{value}}" is not known; use stop at zero or refuse occurrences beyond the maximum.',
    badYesNo: '{{where}}: "{{value}}" must be yes or no.',
    badEffect:
      '{{where}}: the veto effect "{{value}}" is not known; use scores 0 and fails, fails (score kept) or cannot be rated excellent.',
    unknownCaseType: '{{where}}: the case type "{{value}}" is not in the case-type list.',
    badProcedure: '{{where}}: the procedure "{{value}}" must be ordinary or summary.',
    noItems: '{{where}}: there are no items.',
  },
  doc: {
    version: 'Version {{version}}',
    draft: 'Draft (not published)',
    appliesTo: 'For: {{scope}}',
    appliesToAll: 'For: all case files',
    total: '{{total}} points in all',
    numbers: { '0': '1. ', '1': '2. ', '2': '3. ', '3': '4. ', '4': '5. ' },
    vetoTitle: 'Veto items (basic standard)',
    vetoIntro:
      'A file with any of the following is treated as stated, without scoring item by item.',
    code: 'Code',
    vetoCase: 'Veto item',
    effect: 'Effect',
    scoringTitle: 'Scoring items',
    category: 'Category',
    content: 'What is checked',
    points: 'Points',
    rule: 'Deduction rule',
    pointsOf: '{{points}} points',
    sum: 'Total',
    bonusTitle: 'Bonus items',
    bonusIntro:
      'The following may add points, {{cap}} points at most in all; the total never exceeds the maximum.',
    plus: '+{{points}}',
    bandsTitle: 'Grades',
    bandTop: '{{band}}: {{min}} points or more.',
    bandBetween: '{{band}}: {{min}} points or more, below {{max}}.',
    bandBottom: '{{band}}: below {{max}} points.',
    vetoRule: {
      zero: 'A file with a veto item whose effect is "scores 0 and fails" scores 0 and is graded {{band}}.',
      fail: 'A file with a veto item whose effect is "fails" keeps its score and is graded {{band}}.',
      block_excellent:
        'A file with a veto item whose effect is "cannot be rated excellent" cannot be graded {{top}}.',
    },
    floor: 'Deductions on an item stop at its points: an item never scores below zero.',
  },
  scoring: {
    unknownItem: 'The standard has no item numbered "{{code}}".',
    unknownVeto: 'The standard has no veto item numbered "{{code}}".',
    unknownBonus: 'The standard has no bonus item numbered "{{code}}".',
    bonusDisabled: 'Bonus items are not enabled in this standard ("{{code}}").',
    duplicateFinding: 'Item "{{code}}" is recorded more than once.',
    naNotAllowed: 'Item "{{code}}" cannot be marked not applicable.',
    naWithDeduction: 'Item "{{code}}" is marked not applicable and cannot also carry a deduction.',
    amountNotAllowed: 'Item "{{code}}" has a fixed deduction; no amount can be entered.',
    missingAndDefects: 'Item "{{code}}" cannot be both missing and done badly.',
    defectsNotAllowed: 'Item "{{code}}" is deducted only as a whole when missing, not per defect.',
    onlyOccurrences: 'Item "{{code}}" is deducted per occurrence: enter the number of occurrences.',
    onlyAmount: 'Item "{{code}}" is deducted within a range: enter the amount.',
    tooManyOccurrences:
      'Item "{{code}}" takes at most {{most}} occurrences (this standard refuses more than its maximum); {{count}} were entered.',
    rangeOutOfBounds:
      'The deduction on item "{{code}}" must lie between {{min}} and {{max}} in steps of {{step}} (tenths of a point); it is {{amount}}.',
  },
  problems: {
    categoriesSum:
      'The categories add up to {{sum}} points; they must equal the total of {{total}}.',
    itemsSum:
      'The items of "{{category}}" add up to {{sum}} points; they must equal the category maximum of {{max}}.',
    categoryEmpty: 'Category "{{category}}" has no items yet.',
    codeTwice: 'The code "{{code}}" is used twice (already by {{first}}); codes must be unique.',
    unknownTag: 'The problem tag "{{tag}}" is not in the tag list.',
    itemMaxZero: 'The maximum of item "{{code}}" must be above 0.',
    itemAboveCategory:
      'Item "{{code}}" has a maximum of {{max}}, more than its category "{{category}}" ({{categoryMax}}).',
    deductMissing: 'Item "{{code}}" has a fixed deduction: enter it.',
    deductAboveMax:
      'The deduction of item "{{code}}" ({{deduct}}) is more than its maximum ({{max}}).',
    partialUnitBad:
      'The per-defect deduction of item "{{code}}" ({{unit}}) must be above 0 and at most its maximum ({{max}}).',
    unitMissing: 'Item "{{code}}" is deducted per occurrence: enter the deduction per occurrence.',
    unitAboveMax:
      'Item "{{code}}" deducts {{unit}} per occurrence, more than its maximum ({{max}}).',
    rangeMissing: 'Item "{{code}}" is deducted within a range: enter the range.',
    rangeBad:
      'The range {{min}}–{{rangeMax}} of item "{{code}}" is invalid: the lower end must be above 0 and not above the upper end, and the upper end at most the maximum ({{max}}).',
    stepBad: 'The step {{step}} of item "{{code}}" does not divide its range {{min}}–{{rangeMax}}.',
    bandsOrder: 'The threshold of "{{band}}" ({{min}}) must be below that of "{{above}}".',
    bandAboveTotal: 'The threshold of "{{band}}" ({{min}}) is above the total ({{total}}).',
    bandTwice: 'The band name "{{band}}" is used twice.',
    lowestBandNotZero: 'The lowest band "{{band}}" must start at 0.',
    bonusPointsZero: 'Bonus item "{{code}}" must be worth more than 0.',
    bonusEmpty: 'Bonus items are enabled but there are none yet.',
  },
};
