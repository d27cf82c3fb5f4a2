// 统计与通报: the campaigns with results to show (评查中, 复核中, 已完成; newest first), the chosen
// campaign's results model and agreement report (results.get), and the three exports.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { NoticeFormInput, ResultTableName } from '../../../core/api/methods/results';
import { api } from '../../api/client';
import { DASHBOARD_STATES } from '../review/format';

export type Results = MethodOutput<'results.get'>;
export type NoticeDefaults = MethodOutput<'results.noticeDefaults'>;
export type NoticeContentOut = MethodOutput<'results.noticeContent'>;
export type ScoreSheets = MethodOutput<'results.scoreSheetContent'>;
type Exported = MethodOutput<'results.workbook'>;

interface ReportsState {
  campaigns: Campaign[];
  campaignsLoaded: boolean;
  campaignId: string | null;
  results: Results | null;
  loading: boolean;
  error: ApiError | null;

  loadCampaigns(): Promise<void>;
  load(campaignId: string): Promise<void>;
  noticeDefaults(): Promise<Envelope<NoticeDefaults>>;
  noticeDocx(notice: NoticeFormInput): Promise<Envelope<Exported>>;
  workbook(): Promise<Envelope<Exported>>;
  scoreSheetsZip(): Promise<Envelope<Exported>>;
  /** The notice's content for the live preview and the PDF. */
  noticeContent(notice: NoticeFormInput): Promise<Envelope<NoticeContentOut>>;
  /** One table of the screen as XLSX. */
  tableXlsx(table: ResultTableName): Promise<Envelope<Exported>>;
  /** A file's score sheets: as DOCX, or their content for the PDF. */
  scoreSheetDocx(caseId: string): Promise<Envelope<Exported>>;
  scoreSheetContent(caseId: string): Promise<Envelope<ScoreSheets>>;
}

/** Newest first: by year, then by creation. */
const newestFirst = (a: Campaign, b: Campaign) =>
  b.year - a.year || b.createdAt.localeCompare(a.createdAt);

export const useReports = create<ReportsState>((set, get) => {
  const current = () => {
    const id = get().campaignId;
    if (!id) throw new Error('no campaign chosen');
    return id;
  };
  return {
    campaigns: [],
    campaignsLoaded: false,
    campaignId: null,
    results: null,
    loading: false,
    error: null,

    async loadCampaigns() {
      const r = await api.call('campaigns.list', {});
      if (!r.ok) {
        set({ error: r.error, campaignsLoaded: true });
        return;
      }
      const campaigns = r.data.campaigns
        .filter((c) => DASHBOARD_STATES.includes(c.status))
        .sort(newestFirst);
      const kept = campaigns.find((c) => c.id === get().campaignId);
      set({ campaigns, campaignsLoaded: true, error: null });
      const first = kept ?? campaigns[0];
      if (first) await get().load(first.id);
    },

    async load(campaignId) {
      if (get().campaignId !== campaignId) set({ results: null });
      set({ campaignId, loading: true });
      const r = await api.call('results.get', { campaignId });
      // A late answer for a campaign no longer chosen is dropped.
      if (get().campaignId !== campaignId) return;
      set(
        r.ok
          ? { results: r.data, loading: false, error: null }
          : { loading: false, error: r.error },
      );
    },

    noticeDefaults: () => api.call('results.noticeDefaults', { campaignId: current() }),
    noticeDocx: (notice) => api.call('results.noticeDocx', { campaignId: current(), notice }),
    workbook: () => api.call('results.workbook', { campaignId: current() }),
    scoreSheetsZip: () => api.call('results.scoreSheetsZip', { campaignId: current() }),
    noticeContent: (notice) => api.call('results.noticeContent', { campaignId: current(), notice }),
    tableXlsx: (table) => api.call('results.tableXlsx', { campaignId: current(), table }),
    scoreSheetDocx: (caseId) =>
      api.call('results.scoreSheetDocx', { campaignId: current(), caseId }),
    scoreSheetContent: (caseId) =>
      api.call('results.scoreSheetContent', { campaignId: current(), caseId }),
  };
});
