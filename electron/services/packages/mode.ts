// The workspace's mode (issue 8): a coordinator's workspace, or an evaluator's workspace made by
// importing a task package (scoring only). The dispatcher refuses every other method in
// evaluator mode, so the restriction does not rest on the screens.
import { contract, type MethodName } from '../../../core/api/contract';
import type { Repos } from '../../../db';

export const SETTING_WORKSPACE_MODE = 'workspace.mode';
export type WorkspaceMode = 'coordinator' | 'evaluator';

export function isEvaluatorWorkspace(repos: Pick<Repos, 'settings'>): boolean {
  return repos.settings.get(SETTING_WORKSPACE_MODE) === 'evaluator';
}

/** null: a fresh workspace (no account yet, no package imported). */
export function workspaceMode(repos: Pick<Repos, 'settings' | 'users'>): WorkspaceMode | null {
  if (isEvaluatorWorkspace(repos)) return 'evaluator';
  return repos.users.count() > 0 ? 'coordinator' : null;
}

/** Public methods that make or fill a coordinator's workspace. */
const COORDINATOR_PUBLIC: ReadonlySet<string> = new Set(['setup.createCoordinator', 'demo.load']);

/** In evaluator mode: public methods (but setup and the demo) and what an evaluator may call. */
export function allowedInEvaluatorMode(name: MethodName): boolean {
  const access = contract[name].access;
  if (access === 'public') return !COORDINATOR_PUBLIC.has(name);
  return (access as readonly string[]).includes('evaluator');
}
