// 我的评查任务: the signed-in evaluator's campaigns and the files assigned to them (tasks.mine).
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import type { Task } from '../../../core/api/methods/scoring';
import { api } from '../../api/client';
import { flushAll } from './saver';

export type TaskCampaign = MethodOutput<'tasks.mine'>['campaigns'][number];

interface TasksState {
  campaigns: TaskCampaign[];
  loaded: boolean;
  loading: boolean;
  error: ApiError | null;
  /** Loads the list, after any pending save of a sheet has reached the server. */
  load(): Promise<void>;
}

let loadSeq = 0;

export const useTasks = create<TasksState>((set) => ({
  campaigns: [],
  loaded: false,
  loading: false,
  error: null,

  async load() {
    const seq = ++loadSeq;
    set({ loading: true });
    await flushAll();
    const r = await api.call('tasks.mine', {});
    if (seq !== loadSeq) return;
    set(
      r.ok
        ? { campaigns: r.data.campaigns, loading: false, loaded: true, error: null }
        : { loading: false, error: r.error },
    );
  },
}));

/**
 * The file `n` opens after this one: the next in the list that still needs work (wrapping
 * around), else simply the next one; null when the campaign has no other file.
 */
export function nextTask(campaign: TaskCampaign | undefined, caseId: string): Task | null {
  if (!campaign || campaign.tasks.length < 2) return null;
  const i = campaign.tasks.findIndex((t) => t.caseId === caseId);
  const after = [...campaign.tasks.slice(i + 1), ...campaign.tasks.slice(0, Math.max(i, 0))];
  return after.find((t) => t.status !== 'submitted') ?? after[0] ?? null;
}
