// The storage layer: all SQL lives under db/. Services get repositories from createRepos().
import { attachmentsRepo } from './repos/attachments';
import { auditRepo } from './repos/audit';
import { campaignsRepo } from './repos/campaigns';
import { caseTypesRepo } from './repos/case-types';
import { casesRepo } from './repos/cases';
import { departmentsRepo } from './repos/departments';
import { importsRepo } from './repos/imports';
import { packagesRepo } from './repos/packages';
import { peopleRepo } from './repos/people';
import { rectificationRepo } from './repos/rectification';
import { scoringRepo } from './repos/scoring';
import { sessionsRepo } from './repos/sessions';
import { standardsRepo, tagsRepo } from './repos/standards';
import { settingsRepo } from './repos/settings';
import { usersRepo } from './repos/users';
import type { Db } from './types';

export { openWorkspace, openInMemoryWorkspace, applyPragmas, WORKSPACE_FILE } from './open';
export type { OpenOptions, OpenedWorkspace } from './open';
export { migrate, latestVersion } from './migrate';
export type { Migration, MigrationResult } from './migrate';
export { migrations } from './migrations';
export type { Db } from './types';
export type { AuditEntry, AuditInput, AuditVerification } from './repos/audit';
export type { UserRecord } from './repos/users';
export type { SessionRecord } from './repos/sessions';
export type { CaseWrite } from './repos/cases';
export { CASE_CONTENT_FIELDS } from './repos/cases';
export type { PersonWrite } from './repos/people';
export type { DepartmentRecord } from './repos/departments';
export type { BatchRecord } from './repos/imports';
export type { TemplateRecord, VersionRecord } from './repos/standards';
export type { CampaignRow, PopulationRow } from './repos/campaigns';
export type { ResultRow, SheetRow, TaskRow } from './repos/scoring';
export type {
  IdentityRow,
  IssuedRow,
  IssuedSheetRow,
  ReceivedRow,
  VersionRow,
} from './repos/packages';
export type {
  ChangeRow,
  EvidenceRow,
  ExtensionRow,
  ItemRow as RectifyItemRow,
  NoticeRow as RectifyNoticeRow,
} from './repos/rectification';

export function createRepos(db: Db) {
  return {
    settings: settingsRepo(db),
    users: usersRepo(db),
    sessions: sessionsRepo(db),
    audit: auditRepo(db),
    departments: departmentsRepo(db),
    people: peopleRepo(db),
    caseTypes: caseTypesRepo(db),
    cases: casesRepo(db),
    imports: importsRepo(db),
    attachments: attachmentsRepo(db),
    standards: standardsRepo(db),
    tags: tagsRepo(db),
    campaigns: campaignsRepo(db),
    scoring: scoringRepo(db),
    packages: packagesRepo(db),
    rectification: rectificationRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
