// English messages of scoring (keys as in scoring.zh-CN.ts).
import type { Messages } from './keys';
import type { scoringZhCN } from './scoring.zh-CN';

export const scoringEnUS: Messages<typeof scoringZhCN> = {
  submit: {
    reasonRequired: 'Item {{code}} has a deduction: write the reason for it.',
    vetoReasonRequired: 'Veto item {{code}} is marked: write the reason.',
    bonusReasonRequired: 'Bonus item {{code}} is marked: write the reason.',
  },
  taskStatus: {
    not_started: 'Not started',
    in_progress: 'In progress',
    submitted: 'Submitted',
    returned: 'Returned',
  },
  flags: {
    veto: 'Veto items disputed ({{withVeto}} found a veto, {{without}} did not)',
    band: 'Different grades ({{grades}})',
    threshold: 'Totals differ by {{difference}} points, more than {{threshold}}',
  },
  resultState: {
    waiting: 'Waiting for sheets',
    review: 'Waiting for review',
    final: 'Final',
  },
  decisions: {
    mean: 'Mean of the sheets',
    joint: 'Jointly signed',
    keep: 'One sheet kept',
    reconciled: 'Reconciled by the arbiter',
    arbiter: 'Scored by the arbiter',
  },
  kinds: {
    evaluator: 'Evaluation sheet',
    joint: 'Joint sheet',
    reconciled: 'Reconciled sheet',
    arbiter: 'Arbiter’s sheet',
  },
};
