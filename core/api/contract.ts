// The API contract: every method the renderer can call, with its input and output schemas and
// the roles allowed. Both transports (Electron IPC and browser-mode HTTP) and the dispatcher are
// typed from this one object.
import type { z } from 'zod';
import { accountMethods } from './methods/accounts';
import { auditMethods } from './methods/audit';
import { backupMethods } from './methods/backup';
import { campaignMethods } from './methods/campaigns';
import { demoMethods } from './methods/demo';
import { importMethods } from './methods/imports';
import { packagesMethods } from './methods/packages';
import { rectifyMethods } from './methods/rectification';
import { registryMethods } from './methods/registry';
import { resultsMethods } from './methods/results';
import { scoringMethods } from './methods/scoring';
import { standardsMethods } from './methods/standards';

export const contract = {
  ...accountMethods,
  ...registryMethods,
  ...importMethods,
  ...demoMethods,
  ...standardsMethods,
  ...campaignMethods,
  ...scoringMethods,
  ...resultsMethods,
  ...packagesMethods,
  ...auditMethods,
  ...backupMethods,
  ...rectifyMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** The input as a handler sees it, after parsing (defaults applied, strings trimmed). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
