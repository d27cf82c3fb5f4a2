// The scoring screen of one task: the file, the pinned template and the evaluator's sheet as
// tasks.open returns them; the working copy of the sheet's content with its autosave (saver.ts);
// the attachment being read; submit (or sign, in joint mode) with the same list of problems the
// service checks (core submitProblems).
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import type { Sheet } from '../../../core/api/methods/scoring';
import type { SheetContent } from '../../../core/scoring/schemas';
import { submitProblems } from '../../../core/scoring/submit';
import type { ScoringProblem } from '../../../core/standards/score';
import { api } from '../../api/client';
import type { PageRequest } from '../../components/FileViewer';
import { discardDraft, pendingSaver, Saver, unsavedDraft, type SaveStatus } from './saver';
import { useTasks } from './store';

export type Opened = MethodOutput<'tasks.open'>;

export interface AttachmentContent {
  id: string;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** Campaign states in which sheets can be written (as the service allows). */
const SCORING_STATES = ['scoring', 'review'];

export type SubmitOutcome =
  | { kind: 'problems'; problems: ScoringProblem[] }
  | { kind: 'error'; error: ApiError }
  | { kind: 'done'; sheet: Sheet };

interface SheetState {
  /** `campaignId/caseId` of the task on screen. */
  key: string | null;
  opened: Opened | null;
  loading: boolean;
  loadError: ApiError | null;
  /** The working copy of the sheet's content. */
  content: SheetContent | null;
  save: SaveStatus;
  /** Content left unsaved by an earlier session was put back (and is being saved). */
  restored: boolean;
  /** The row (`kind:code`) the keyboard acts on. */
  focus: string | null;
  /** What the last submit attempt found missing; null before any attempt. */
  problems: ScoringProblem[] | null;
  submitting: boolean;
  submitError: ApiError | null;
  attachmentId: string | null;
  attachment: AttachmentContent | null;
  attachmentLoading: boolean;
  attachmentError: ApiError | null;
  /** The page of the scan a finding's 第X页 asked to see (FileViewer's goTo). */
  pageRequest: PageRequest | null;

  /** Shows a page of the scan beside the sheet (the first PDF attachment's, or the open one). */
  showPage(page: number): void;
  open(campaignId: string, caseId: string): Promise<void>;
  /** Leaving the screen: pending changes are still saved. */
  close(): void;
  edit(change: (c: SheetContent) => SheetContent): void;
  setFocus(key: string | null): void;
  /** Saves what is pending now; true when the server has it. */
  flush(): Promise<boolean>;
  retrySave(): Promise<boolean>;
  submit(): Promise<SubmitOutcome>;
  selectAttachment(id: string | null): Promise<void>;
  dismissRestored(): void;
}

export function editable(o: Opened | null): boolean {
  return !!o && o.sheet.status !== 'submitted' && SCORING_STATES.includes(o.campaign.status);
}

const EMPTY_SAVE: SaveStatus = { state: 'saved', error: null, revision: 0, savedAt: null };

let saver: Saver | null = null;
let openSeq = 0;
let attachmentSeq = 0;

export const useSheet = create<SheetState>((set, get) => ({
  key: null,
  opened: null,
  loading: false,
  loadError: null,
  content: null,
  save: EMPTY_SAVE,
  restored: false,
  focus: null,
  problems: null,
  submitting: false,
  submitError: null,
  attachmentId: null,
  attachment: null,
  attachmentLoading: false,
  attachmentError: null,
  pageRequest: null,

  async open(campaignId, caseId) {
    const key = `${campaignId}/${caseId}`;
    const seq = ++openSeq;
    if (saver) {
      saver.detach();
      void saver.flush();
      saver = null;
    }
    set({
      key,
      opened: null,
      loading: true,
      loadError: null,
      content: null,
      save: EMPTY_SAVE,
      restored: false,
      focus: null,
      problems: null,
      submitting: false,
      submitError: null,
      attachmentId: null,
      attachment: null,
      attachmentLoading: false,
      attachmentError: null,
    });
    const r = await api.call('tasks.open', { campaignId, caseId });
    if (seq !== openSeq) return;
    if (!r.ok) {
      set({ loading: false, loadError: r.error });
      return;
    }
    const { sheet } = r.data;
    const report = (status: SaveStatus) => set({ save: status });
    // Changes made a moment ago may still be on their way: the same saver carries on with them.
    const pending = editable(r.data) ? pendingSaver(sheet.id) : null;
    const s = pending ?? new Saver(sheet.id, sheet.revision, sheet.savedAt, sheet.content, report);
    if (pending) pending.attach(report);
    saver = s;
    // A pending saver's content is newer than the server's; otherwise an earlier session may
    // have left unsaved content behind (the window closed mid-save), which is put back.
    let content = pending ? pending.content : sheet.content;
    let restored = false;
    if (!editable(r.data)) discardDraft(sheet.id);
    else if (!pending) {
      const draft = unsavedDraft(sheet.id, sheet.revision, sheet.content);
      if (draft) {
        content = draft;
        restored = true;
        s.update(draft);
      }
    }
    set({ opened: r.data, content, save: s.status, restored, loading: false });
    const first = r.data.attachments[0];
    if (first) await get().selectAttachment(first.id);
  },

  close() {
    openSeq++;
    if (saver) {
      saver.detach();
      void saver.flush();
      saver = null;
    }
    set({ key: null, opened: null, content: null, attachment: null, attachmentId: null });
  },

  edit(change) {
    const s = get();
    if (!s.content || !saver || s.submitting || !editable(s.opened)) return;
    const next = change(s.content);
    if (next === s.content) return;
    set({ content: next });
    saver.update(next);
  },

  setFocus(key) {
    if (get().focus !== key) set({ focus: key });
  },

  flush() {
    return saver ? saver.flush() : Promise.resolve(true);
  },

  retrySave() {
    return saver ? saver.retry() : Promise.resolve(true);
  },

  async submit() {
    const s = get();
    const o = s.opened;
    if (!o || !s.content || !saver) {
      return { kind: 'problems', problems: [] };
    }
    const problems = submitProblems(o.template.content, s.content.findings);
    if (problems.length) {
      set({ problems, submitError: null });
      return { kind: 'problems', problems };
    }
    const current = saver;
    set({ submitting: true, problems: [], submitError: null });
    try {
      if (!(await current.flush())) {
        const error = current.status.error ?? {
          code: 'INTERNAL',
          key: 'errors.INTERNAL',
          message: 'save failed',
        };
        set({ submitError: error });
        return { kind: 'error', error };
      }
      const r = await api.call('sheets.submit', {
        sheetId: o.sheet.id,
        revision: current.status.revision,
      });
      if (saver !== current) return { kind: 'problems', problems: [] };
      if (!r.ok) {
        // The service checks the same list; whatever it finds is shown the same way.
        const found: ScoringProblem[] = (r.error.fieldErrors ?? []).map((f) => ({
          key: f.key,
          params: Object.fromEntries(
            Object.entries(f.params ?? {}).map(([k, v]) => [
              k,
              typeof v === 'number' ? v : String(v),
            ]),
          ),
        }));
        if (found.length) {
          set({ problems: found });
          return { kind: 'problems', problems: found };
        }
        set({ submitError: r.error });
        return { kind: 'error', error: r.error };
      }
      set({ opened: { ...o, sheet: r.data.sheet }, problems: null });
      void useTasks.getState().load();
      return { kind: 'done', sheet: r.data.sheet };
    } finally {
      if (saver === current) set({ submitting: false });
    }
  },

  showPage(page) {
    const { opened, attachment, attachmentId } = get();
    const pdf = opened?.attachments.find((a) => a.mime === 'application/pdf');
    const showing = attachment?.id === attachmentId ? attachment : null;
    if (pdf && showing?.mime !== 'application/pdf' && attachmentId !== pdf.id) {
      void get().selectAttachment(pdf.id);
    }
    set({ pageRequest: { page, seq: (get().pageRequest?.seq ?? 0) + 1 } });
  },

  async selectAttachment(id) {
    const seq = ++attachmentSeq;
    // Another document: an earlier 第X页 request was for the one before.
    set({ pageRequest: null });
    const o = get().opened;
    if (!id || !o) {
      set({ attachmentId: null, attachment: null, attachmentError: null });
      return;
    }
    if (get().attachment?.id === id) {
      set({ attachmentId: id });
      return;
    }
    set({ attachmentId: id, attachmentLoading: true, attachmentError: null });
    const r = await api.call('tasks.attachment', {
      campaignId: o.campaign.campaignId,
      attachmentId: id,
    });
    if (seq !== attachmentSeq) return;
    set(
      r.ok
        ? { attachment: { id, ...r.data }, attachmentLoading: false }
        : { attachment: null, attachmentLoading: false, attachmentError: r.error },
    );
  },

  dismissRestored() {
    set({ restored: false });
  },
}));

/** Sends what is pending right away (the window is closing or hidden). */
export function flushNow(): void {
  void saver?.flush();
}
