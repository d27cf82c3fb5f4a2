// The handler map: one handler per contract method. The type makes a missing handler a compile
// error, so the allowlist (the contract) and the implementation cannot drift apart.
import type { AppContext } from '../context';
import type { Handlers } from '../handler';
import { accountHandlers } from './accounts';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { campaignHandlers } from './campaigns';
import { demoHandlers } from './demo';
import { importHandlers } from './imports';
import { packagesHandlers } from './packages';
import { rectificationHandlers } from './rectification';
import { registryHandlers } from './registry';
import { resultsHandlers } from './results';
import { scoringHandlers } from './scoring';
import { standardsHandlers } from './standards';

export function createHandlers(app: AppContext): Handlers {
  return {
    ...accountHandlers(app),
    ...registryHandlers(app),
    ...importHandlers(app),
    ...demoHandlers(app),
    ...standardsHandlers(app),
    ...campaignHandlers(app),
    ...scoringHandlers(app),
    ...resultsHandlers(app),
    ...packagesHandlers(app),
    ...auditHandlers(app),
    ...backupHandlers(app),
    ...rectificationHandlers(app),
  };
}
