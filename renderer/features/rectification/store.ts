// 整改跟踪: the finished campaigns (newest first), the chosen campaign's overview per department,
// the problem list (filtered and paged by the service), the overdue list and the summary; and the
// actions on them (issue a notice, download it, move a problem, add or remove evidence).
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { RectifyStatus } from '../../../core/rectify/status';
import { api } from '../../api/client';

export type Overview = MethodOutput<'rectify.overview'>;
export type ItemPage = MethodOutput<'rectify.list'>;
export type Item = ItemPage['items'][number];
export type Overdue = MethodOutput<'rectify.overdue'>;
export type Summary = MethodOutput<'rectify.summary'>;
export type ItemDetail = MethodOutput<'rectify.item'>;
type FileOut = { fileName: string; bytes: Uint8Array };

export interface ProblemFilter {
  departmentId: string | null;
  statuses: RectifyStatus[];
  page: number;
  pageSize: number;
}

export type Tab = 'departments' | 'problems' | 'overdue' | 'summary';

interface RectifyState {
  campaigns: Campaign[];
  campaignsLoaded: boolean;
  campaignId: string | null;
  tab: Tab;
  overview: Overview | null;
  problems: ItemPage | null;
  filter: ProblemFilter;
  overdue: Overdue | null;
  summary: Summary | null;
  loading: boolean;
  error: ApiError | null;

  loadCampaigns(): Promise<void>;
  choose(campaignId: string): Promise<void>;
  setTab(tab: Tab): void;
  /** Opens the problem list filtered to one department. */
  viewDepartment(departmentId: string): void;
  /** Reloads what the screen shows: the overview and the open tab's list. */
  refresh(): Promise<void>;
  setFilter(filter: Partial<ProblemFilter>): Promise<void>;
  loadProblems(): Promise<void>;
  loadOverdue(page?: number): Promise<void>;
  loadSummary(): Promise<void>;
  issue(
    input: Omit<MethodInput<'rectify.issue'>, 'campaignId'>,
  ): Promise<Envelope<MethodOutput<'rectify.issue'>>>;
  noticeDocx(departmentId: string): Promise<Envelope<FileOut>>;
  extend(
    input: Omit<MethodInput<'rectify.extend'>, 'campaignId'>,
  ): Promise<Envelope<MethodOutput<'rectify.extend'>>>;
  item(itemId: string): Promise<Envelope<ItemDetail>>;
  update(input: MethodInput<'rectify.update'>): Promise<Envelope<Item>>;
  attach(itemId: string, file: File): Promise<Envelope<MethodOutput<'rectify.attach'>>>;
  detach(evidenceId: string): Promise<Envelope<{ ok: true }>>;
  evidence(evidenceId: string): Promise<Envelope<MethodOutput<'rectify.evidence'>>>;
}

/** Newest first: by year, then by creation. */
const newestFirst = (a: Campaign, b: Campaign) =>
  b.year - a.year || b.createdAt.localeCompare(a.createdAt);

const FIRST_PAGE: ProblemFilter = { departmentId: null, statuses: [], page: 1, pageSize: 20 };

export const useRectify = create<RectifyState>((set, get) => {
  const current = () => {
    const id = get().campaignId;
    if (!id) throw new Error('no campaign chosen');
    return id;
  };
  /** Keeps an answer only while its campaign is still the chosen one. */
  const still = (campaignId: string) => get().campaignId === campaignId;

  const loadOverview = async (campaignId: string) => {
    const r = await api.call('rectify.overview', { campaignId });
    if (!still(campaignId)) return;
    set(r.ok ? { overview: r.data, error: null } : { error: r.error });
  };

  return {
    campaigns: [],
    campaignsLoaded: false,
    campaignId: null,
    tab: 'departments',
    overview: null,
    problems: null,
    filter: FIRST_PAGE,
    overdue: null,
    summary: null,
    loading: false,
    error: null,

    async loadCampaigns() {
      const r = await api.call('campaigns.list', {});
      if (!r.ok) {
        set({ error: r.error, campaignsLoaded: true });
        return;
      }
      // Rectification follows the published results: finished campaigns only.
      const campaigns = r.data.campaigns.filter((c) => c.status === 'done').sort(newestFirst);
      set({ campaigns, campaignsLoaded: true, error: null });
      const kept = campaigns.find((c) => c.id === get().campaignId);
      const first = kept ?? campaigns[0];
      if (first) await get().choose(first.id);
    },

    async choose(campaignId) {
      if (get().campaignId !== campaignId) {
        set({
          campaignId,
          overview: null,
          problems: null,
          overdue: null,
          summary: null,
          filter: FIRST_PAGE,
        });
      }
      await get().refresh();
    },

    setTab(tab) {
      set({ tab });
      void get().refresh();
    },

    viewDepartment(departmentId) {
      set({ tab: 'problems', filter: { ...FIRST_PAGE, departmentId } });
      void get().refresh();
    },

    async refresh() {
      const campaignId = get().campaignId;
      if (!campaignId) return;
      set({ loading: true });
      const tab = get().tab;
      await Promise.all([
        loadOverview(campaignId),
        tab === 'problems'
          ? get().loadProblems()
          : tab === 'overdue'
            ? get().loadOverdue()
            : tab === 'summary'
              ? get().loadSummary()
              : Promise.resolve(),
      ]);
      if (still(campaignId)) set({ loading: false });
    },

    async setFilter(filter) {
      set({ filter: { ...get().filter, page: 1, ...filter } });
      await get().loadProblems();
    },

    async loadProblems() {
      const campaignId = current();
      const f = get().filter;
      const r = await api.call('rectify.list', {
        campaignId,
        departmentId: f.departmentId,
        statuses: f.statuses,
        page: f.page,
        pageSize: f.pageSize,
      });
      if (!still(campaignId)) return;
      set(r.ok ? { problems: r.data, error: null } : { error: r.error });
    },

    async loadOverdue(page = 1) {
      const campaignId = current();
      const r = await api.call('rectify.overdue', { campaignId, page, pageSize: 20 });
      if (!still(campaignId)) return;
      set(r.ok ? { overdue: r.data, error: null } : { error: r.error });
    },

    async loadSummary() {
      const campaignId = current();
      const r = await api.call('rectify.summary', { campaignId });
      if (!still(campaignId)) return;
      set(r.ok ? { summary: r.data, error: null } : { error: r.error });
    },

    issue: (input) => api.call('rectify.issue', { ...input, campaignId: current() }),
    extend: (input) => api.call('rectify.extend', { ...input, campaignId: current() }),
    noticeDocx: (departmentId) =>
      api.call('rectify.noticeDocx', { campaignId: current(), departmentId }),
    item: (itemId) => api.call('rectify.item', { itemId }),
    update: (input) => api.call('rectify.update', input),
    attach: async (itemId, file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return api.call('rectify.attach', { itemId, file: { fileName: file.name, bytes } });
    },
    detach: (evidenceId) => api.call('rectify.detach', { evidenceId }),
    evidence: (evidenceId) => api.call('rectify.evidence', { evidenceId }),
  };
});
