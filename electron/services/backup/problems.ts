// A file problem (db/backup.ts) as the API shows it: a reason with its message's parameters, or
// the error that refuses a restore. Messages: backup.problems.* in core/i18n/backup.*.ts.
import { AppError } from '../../../core/api/errors';
import type { MessageKey } from '../../../core/i18n';
import type { FileProblem } from '../../../db/backup';
import type { MethodOutput } from '../../../core/api/contract';

type ProblemView = NonNullable<MethodOutput<'backup.status'>['problem']>;

export function problemView(p: FileProblem): ProblemView {
  switch (p.reason) {
    case 'empty':
    case 'notWorkspace':
      return { reason: p.reason, params: {} };
    case 'notDatabase':
    case 'integrity':
      return { reason: p.reason, params: { detail: p.detail.split('\n')[0]!.slice(0, 300) } };
    case 'tooNew':
      return {
        reason: p.reason,
        params: { fileVersion: p.fileVersion, appVersion: p.appVersion },
      };
    case 'auditBroken':
      return { reason: p.reason, params: { seq: p.seq, at: p.at ?? '', action: p.action ?? '' } };
  }
}

/** The refusal of a restore whose candidate failed a check; nothing has been replaced. */
export function problemError(p: FileProblem): AppError {
  const view = problemView(p);
  return new AppError('BAD_INPUT', `restore refused: ${p.reason}`, {
    key: `backup.refused.${view.reason}` as MessageKey,
    params: view.params,
  });
}
