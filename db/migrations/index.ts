// Every migration, in order. Once released, a migration is never edited: add a new one.
// Columns are added, never dropped or renamed (design §4; guarded by the schema snapshot test).
import type { Migration } from '../migrate';
import { m0001 } from './0001-foundation';
import { m0002 } from './0002-registry';
import { m0003 } from './0003-standards';
import { m0004 } from './0004-campaigns';
import { m0005 } from './0005-scoring';
import { m0006 } from './0006-rectification';
import { m0007 } from './0007-packages';
import { m0008 } from './0008-rectification-extensions';

export const migrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
];
