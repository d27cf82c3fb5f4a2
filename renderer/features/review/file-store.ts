// 复核 of one file: the file, its template and every sheet with the comparison (review.file), and
// the arbiter's decision being prepared — keep one sheet, write a reconciled sheet from a kept
// one (with a reason for each change), or score as a third evaluator — then sent
// (review.decide). Also returning a submitted sheet (sheets.return) and a sheet's versions.
import { create } from 'zustand';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { FileResult, Sheet } from '../../../core/api/methods/scoring';
import type { CaseType } from '../../../core/registry/schemas';
import type { Finding } from '../../../core/standards/model';
import { api } from '../../api/client';
import { changedKeys } from './draft';

export type ReviewData = MethodOutput<'review.file'>;
export type Versions = MethodOutput<'sheets.versions'>['versions'];
export type Mode = 'view' | 'keep' | 'reconciled' | 'arbiter';

/** The sheets that count for the file: its evaluators' sheets, or its joint sheet. */
export const countingSheets = (sheets: readonly Sheet[]) =>
  sheets.filter((s) => s.kind === 'evaluator' || s.kind === 'joint');

interface FileReviewState {
  campaignId: string | null;
  caseId: string | null;
  campaign: Campaign | null;
  data: ReviewData | null;
  caseTypes: CaseType[];
  loading: boolean;
  error: ApiError | null;

  mode: Mode;
  keepSheetId: string | null;
  baseSheetId: string | null;
  findings: Finding[];
  changeReasons: Record<string, string>;
  reason: string;

  load(campaignId: string, caseId: string): Promise<void>;
  setMode(mode: Mode): void;
  setKeep(sheetId: string): void;
  setBase(sheetId: string): void;
  setFindings(next: (findings: Finding[]) => Finding[]): void;
  setChangeReason(key: string, reason: string): void;
  setReason(reason: string): void;
  /** The kept sheet's findings (reconciled), or none. */
  baseFindings(): Finding[];
  /** Keys changed against the kept sheet (reconciled only). */
  changed(): string[];
  decide(): Promise<Envelope<FileResult>>;
  returnSheet(sheetId: string, reason: string): Promise<Envelope<Sheet>>;
  versions(sheetId: string): Promise<Envelope<{ versions: Versions }>>;
}

const EMPTY_DRAFT = {
  mode: 'view' as Mode,
  keepSheetId: null,
  baseSheetId: null,
  findings: [],
  changeReasons: {},
  reason: '',
};

export const useFileReview = create<FileReviewState>((set, get) => ({
  campaignId: null,
  caseId: null,
  campaign: null,
  data: null,
  caseTypes: [],
  loading: false,
  error: null,
  ...EMPTY_DRAFT,

  async load(campaignId, caseId) {
    const same = get().campaignId === campaignId && get().caseId === caseId;
    if (!same) set({ campaignId, caseId, data: null, campaign: null, ...EMPTY_DRAFT });
    set({ loading: true });
    const [file, campaign, types] = await Promise.all([
      api.call('review.file', { campaignId, caseId }),
      api.call('campaigns.get', { id: campaignId }),
      get().caseTypes.length ? Promise.resolve(null) : api.call('caseTypes.list', {}),
    ]);
    if (get().campaignId !== campaignId || get().caseId !== caseId) return;
    const failed = [file, campaign, types].find((r) => r && !r.ok);
    set({
      loading: false,
      error: failed && !failed.ok ? failed.error : null,
      ...(file.ok ? { data: file.data } : {}),
      ...(campaign.ok ? { campaign: campaign.data } : {}),
      ...(types?.ok ? { caseTypes: types.data.caseTypes } : {}),
    });
  },

  setMode(mode) {
    const sheets = countingSheets(get().data?.sheets ?? []);
    const first = sheets[0]?.id ?? null;
    set({ ...EMPTY_DRAFT, mode, reason: get().reason });
    if (mode === 'keep') set({ keepSheetId: first });
    if (mode === 'reconciled' && first) get().setBase(first);
  },

  setKeep(sheetId) {
    set({ keepSheetId: sheetId });
  },

  setBase(sheetId) {
    const base = get().data?.sheets.find((s) => s.id === sheetId);
    set({
      baseSheetId: sheetId,
      findings: (base?.content.findings ?? []).map((f) => ({ ...f, tags: [...f.tags] })),
      changeReasons: {},
    });
  },

  setFindings(next) {
    set({ findings: next(get().findings) });
  },

  setChangeReason(key, reason) {
    set({ changeReasons: { ...get().changeReasons, [key]: reason } });
  },

  setReason(reason) {
    set({ reason });
  },

  baseFindings() {
    const { mode, baseSheetId, data } = get();
    if (mode !== 'reconciled') return [];
    return data?.sheets.find((s) => s.id === baseSheetId)?.content.findings ?? [];
  },

  changed() {
    const { mode, data, findings } = get();
    if (mode !== 'reconciled' || !data) return [];
    return changedKeys(data.template.content, get().baseFindings(), findings);
  },

  async decide() {
    const { campaignId, caseId, mode, keepSheetId, baseSheetId, findings, reason, data } = get();
    if (!campaignId || !caseId || !data) throw new Error('no file loaded');
    const base = data.sheets.find((s) => s.id === baseSheetId);
    let input: MethodInput<'review.decide'>;
    if (mode === 'keep') {
      input = { decision: 'keep', campaignId, caseId, sheetId: keepSheetId ?? '', reason };
    } else if (mode === 'reconciled') {
      const reasons = get().changeReasons;
      input = {
        decision: 'reconciled',
        campaignId,
        caseId,
        baseSheetId: baseSheetId ?? '',
        content: {
          findings,
          comments: base?.content.comments ?? '',
          highlights: base?.content.highlights ?? '',
        },
        changes: get()
          .changed()
          .map((key) => {
            const [kind, ...code] = key.split(':');
            return {
              kind: kind as 'item' | 'veto' | 'bonus',
              code: code.join(':'),
              reason: (reasons[key] ?? '').trim(),
            };
          }),
        reason,
      };
    } else if (mode === 'arbiter') {
      input = {
        decision: 'arbiter',
        campaignId,
        caseId,
        content: { findings, comments: '', highlights: '' },
        reason,
      };
    } else {
      throw new Error('nothing to decide in view mode');
    }
    const r = await api.call('review.decide', input);
    if (r.ok) {
      set({ ...EMPTY_DRAFT });
      await get().load(campaignId, caseId);
    }
    return r;
  },

  async returnSheet(sheetId, reason) {
    const r = await api.call('sheets.return', { sheetId, reason });
    const { campaignId, caseId } = get();
    if (r.ok && campaignId && caseId) {
      set({ ...EMPTY_DRAFT });
      await get().load(campaignId, caseId);
    }
    return r;
  },

  async versions(sheetId) {
    return api.call('sheets.versions', { sheetId });
  },
}));
