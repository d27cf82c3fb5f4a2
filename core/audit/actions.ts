// Groups of audit actions for the audit screen's filter. A pattern is an exact action or a
// prefix ending in '.'; every action the handlers write belongs to at least one group (a test
// checks the actions written in the test suite against these patterns).
export const AUDIT_GROUPS = {
  accounts: ['auth.', 'setup.', 'user.', 'account.'],
  registry: ['department.', 'person.', 'case.', 'caseTypes.', 'attachment.'],
  imports: ['import.'],
  standards: ['standard.', 'tags.'],
  campaigns: ['campaign.'],
  draws: ['campaign.filesDrawn', 'campaign.evaluatorsDrawn', 'campaign.sampleEnlarged'],
  assignments: [
    'campaign.assigned',
    'campaign.reassigned',
    'campaign.conflictDeclared',
    'campaign.conflictRemoved',
  ],
  scoring: ['sheet.'],
  review: ['review.'],
  rectification: ['rectify.'],
  exports: [
    'cases.exported',
    'campaign.drawExported',
    'standard.exported',
    'results.exported',
    'audit.exported',
    'backup.created',
    'package.resultExported',
  ],
  packages: ['package.', 'packages.'],
  backup: ['backup.'],
  system: ['demo.', 'audit.', 'workspace.'],
} as const satisfies Record<string, readonly string[]>;

export type AuditGroup = keyof typeof AUDIT_GROUPS;
export const AUDIT_GROUP_KEYS = Object.keys(AUDIT_GROUPS) as AuditGroup[];

/** An action pattern as the API accepts it: `sheet.saved` or a prefix such as `sheet.`. */
export const ACTION_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*\.?$/;

export function matchesPattern(action: string, pattern: string): boolean {
  return pattern.endsWith('.') ? action.startsWith(pattern) : action === pattern;
}

export function groupsOf(action: string): AuditGroup[] {
  return AUDIT_GROUP_KEYS.filter((g) =>
    AUDIT_GROUPS[g].some((p: string) => matchesPattern(action, p)),
  );
}
