// 评查进度: the campaigns the dashboard follows (评查中, 复核中, 已完成), and for one campaign its
// progress (counts, grades, evaluators, departments, overdue tasks), its files with each sheet's
// status and the file's result, the campaign's moves (评查中 → 复核中 → 已完成) and the reminder
// list (催办名单) of every task not yet submitted.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { CampaignStatus } from '../../../core/campaigns/schemas';
import type { CaseType } from '../../../core/registry/schemas';
import type { TaskStatus } from '../../../core/scoring/schemas';
import { api } from '../../api/client';
import { DASHBOARD_STATES } from './format';

export type Progress = MethodOutput<'review.progress'>;
export type ReviewFile = MethodOutput<'review.list'>['files'][number];

export interface ReminderRow {
  personId: string;
  name: string;
  departmentName: string;
  phone: string | null;
  caseNo: string;
  status: TaskStatus;
}

interface ReviewState {
  /** The campaigns the dashboard follows, newest first. */
  campaigns: Campaign[];
  campaignsLoaded: boolean;
  campaign: Campaign | null;
  progress: Progress | null;
  files: ReviewFile[];
  caseTypes: CaseType[];
  loading: boolean;
  error: ApiError | null;
  reminders: ReminderRow[] | null;

  loadCampaigns(): Promise<void>;
  load(campaignId: string): Promise<void>;
  setStatus(status: CampaignStatus): Promise<Envelope<Campaign>>;
  loadReminders(campaignId: string): Promise<void>;
}

/** Newest first: by year, then by creation. */
const newestFirst = (a: Campaign, b: Campaign) =>
  b.year - a.year || b.createdAt.localeCompare(a.createdAt);

/** The first refusal among answers that came back together. */
function firstError(answers: readonly (Envelope<unknown> | null)[]): ApiError | null {
  for (const a of answers) if (a && !a.ok) return a.error;
  return null;
}

const STATUS_ORDER: Record<TaskStatus, number> = {
  returned: 0,
  not_started: 1,
  in_progress: 2,
  submitted: 3,
};

export const useReview = create<ReviewState>((set, get) => ({
  campaigns: [],
  campaignsLoaded: false,
  campaign: null,
  progress: null,
  files: [],
  caseTypes: [],
  loading: false,
  error: null,
  reminders: null,

  async loadCampaigns() {
    const r = await api.call('campaigns.list', {});
    set(
      r.ok
        ? {
            campaigns: r.data.campaigns
              .filter((c) => DASHBOARD_STATES.includes(c.status))
              .sort(newestFirst),
            campaignsLoaded: true,
            error: null,
          }
        : { error: r.error, campaignsLoaded: true },
    );
  },

  async load(campaignId) {
    if (get().campaign?.id !== campaignId) {
      set({ campaign: null, progress: null, files: [], reminders: null });
    }
    set({ loading: true });
    const [campaign, progress, list, types] = await Promise.all([
      api.call('campaigns.get', { id: campaignId }),
      api.call('review.progress', { campaignId }),
      api.call('review.list', { campaignId }),
      get().caseTypes.length ? Promise.resolve(null) : api.call('caseTypes.list', {}),
    ]);
    set({
      loading: false,
      error: firstError([campaign, progress, list, types]),
      ...(campaign.ok ? { campaign: campaign.data } : {}),
      ...(progress.ok ? { progress: progress.data } : {}),
      ...(list.ok ? { files: list.data.files } : {}),
      ...(types?.ok ? { caseTypes: types.data.caseTypes } : {}),
    });
  },

  async setStatus(status) {
    const id = get().campaign?.id;
    if (!id) throw new Error('no campaign loaded');
    const r = await api.call('campaigns.setStatus', { id, status });
    if (r.ok) {
      set({ campaign: r.data });
      await Promise.all([get().load(id), get().loadCampaigns()]);
    }
    return r;
  },

  /**
   * Every task not yet submitted, with the evaluator's phone: the files' sheets (review.list) name
   * the evaluator of each sheet, the assignment gives the people of each file, the pool their
   * phone numbers. A joint sheet not yet submitted waits for every evaluator of its file.
   */
  async loadReminders(campaignId) {
    set({ reminders: null });
    const [progress, list, assignment, people] = await Promise.all([
      api.call('review.progress', { campaignId }),
      api.call('review.list', { campaignId }),
      api.call('campaigns.assignment', { id: campaignId }),
      api.call('people.list', {}),
    ]);
    if (!progress.ok || !list.ok || !assignment.ok || !people.ok) {
      set({ error: firstError([progress, list, assignment, people]), reminders: [] });
      return;
    }
    const evaluators = new Map(progress.data.evaluators.map((e) => [e.personId, e]));
    const phones = new Map(people.data.people.map((p) => [p.id, p.phone]));
    const personsOf = new Map(assignment.data.rows.map((r) => [r.caseId, r.personIds]));
    const rows: ReminderRow[] = [];
    for (const f of list.data.files) {
      const persons = (personsOf.get(f.caseId) ?? []).map((id) => ({
        id,
        name: evaluators.get(id)?.name ?? '',
        departmentName: evaluators.get(id)?.departmentName ?? '',
      }));
      for (const s of f.sheets) {
        if (s.status === 'submitted') continue;
        const who =
          s.evaluatorName === null ? persons : persons.filter((p) => p.name === s.evaluatorName);
        for (const p of who) {
          rows.push({
            personId: p.id,
            name: p.name,
            departmentName: p.departmentName,
            phone: phones.get(p.id) ?? null,
            caseNo: f.caseNo,
            status: s.status,
          });
        }
      }
    }
    rows.sort(
      (a, b) =>
        a.departmentName.localeCompare(b.departmentName, 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        a.caseNo.localeCompare(b.caseNo, 'zh-CN'),
    );
    set({ reminders: rows });
  },
}));
