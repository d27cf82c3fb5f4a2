// Offline packages (issue 8) in the renderer: checking and importing a task package (first run
// or an evaluator workspace), the evaluator's packages and result export, and the coordinator's
// packages per campaign with the merge of result packages. The API does every check; these
// stores hold what the screens show and the last error.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { ProgressEvent } from '../../../core/api/transport';
import { api } from '../../api/client';
import { saveBytes } from '../../api/download';

export type Inspection = MethodOutput<'packages.inspect'>;
export type Imported = MethodOutput<'packages.importTask'>;
export type Received = MethodOutput<'packages.received'>['packages'][number];
export type Issued = MethodOutput<'packages.list'>;
export type ResultPreview = MethodOutput<'packages.inspectResult'>;
export type Merged = MethodOutput<'packages.mergeResult'>;
export type Identity = MethodOutput<'workspace.identity'>;

export const ZIP_MIME = 'application/zip';

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

// ---- a task package to import -----------------------------------------------------------------

interface TaskImportState {
  fileName: string | null;
  bytes: Uint8Array | null;
  inspection: Inspection | null;
  checking: boolean;
  importing: boolean;
  progress: ProgressEvent | null;
  error: ApiError | null;
  choose(file: File): Promise<void>;
  /** Imports the chosen package; `account` on a fresh workspace (the new evaluator's password). */
  importChosen(account?: {
    password: string;
    username?: string;
    locale?: 'zh-CN' | 'en-US';
  }): Promise<Envelope<Imported> | null>;
  reset(): void;
}

export const useTaskImport = create<TaskImportState>((set, get) => ({
  fileName: null,
  bytes: null,
  inspection: null,
  checking: false,
  importing: false,
  progress: null,
  error: null,

  async choose(file) {
    set({ fileName: file.name, bytes: null, inspection: null, checking: true, error: null });
    const bytes = await bytesOf(file);
    const r = await api.call('packages.inspect', { bytes });
    set(
      r.ok ? { bytes, inspection: r.data, checking: false } : { checking: false, error: r.error },
    );
  },

  async importChosen(account) {
    const bytes = get().bytes;
    if (!bytes) return null;
    set({ importing: true, progress: null, error: null });
    const r = await api.call(
      'packages.importTask',
      { bytes, ...(account ?? {}) },
      { onProgress: (e) => set({ progress: e }) },
    );
    set({ importing: false, progress: null, error: r.ok ? null : r.error });
    return r;
  },

  reset() {
    set({
      fileName: null,
      bytes: null,
      inspection: null,
      checking: false,
      importing: false,
      progress: null,
      error: null,
    });
  },
}));

// ---- the evaluator's packages -----------------------------------------------------------------

interface ReceivedState {
  packages: Received[];
  loading: boolean;
  exporting: string | null;
  error: ApiError | null;
  load(): Promise<void>;
  exportResult(campaignId: string): Promise<Envelope<MethodOutput<'packages.exportResult'>>>;
}

export const useReceived = create<ReceivedState>((set, get) => ({
  packages: [],
  loading: false,
  exporting: null,
  error: null,

  async load() {
    set({ loading: true });
    const r = await api.call('packages.received', {});
    set(
      r.ok
        ? { packages: r.data.packages, loading: false, error: null }
        : { loading: false, error: r.error },
    );
  },

  async exportResult(campaignId) {
    set({ exporting: campaignId, error: null });
    const r = await api.call('packages.exportResult', { campaignId });
    set({ exporting: null, error: r.ok ? null : r.error });
    if (r.ok) {
      saveBytes(r.data.fileName, r.data.bytes, ZIP_MIME);
      await get().load();
    }
    return r;
  },
}));

// ---- the coordinator's side -------------------------------------------------------------------

interface IssueState {
  campaignId: string | null;
  issued: Issued | null;
  identity: Identity | null;
  loading: boolean;
  /** personId being exported, or 'all'. */
  exporting: string | null;
  progress: ProgressEvent | null;
  error: ApiError | null;
  /** The result package being merged: its bytes and the preview. */
  result: { fileName: string; bytes: Uint8Array; preview: ResultPreview | null } | null;
  /** The coordinator's choice per conflicting sheet of that result package. */
  choices: Record<string, 'local' | 'package'>;
  checkingResult: boolean;
  merging: boolean;
  resultError: ApiError | null;

  load(campaignId: string): Promise<void>;
  exportOne(personId: string, validUntil: string | undefined): Promise<Envelope<unknown>>;
  exportAll(validUntil: string | undefined): Promise<Envelope<unknown>>;
  chooseResult(file: File): Promise<void>;
  resolve(sheetId: string, keep: 'local' | 'package'): void;
  merge(
    resolutions: { sheetId: string; keep: 'local' | 'package' }[],
  ): Promise<Envelope<Merged> | null>;
  closeResult(): void;
}

export const useIssue = create<IssueState>((set, get) => ({
  campaignId: null,
  issued: null,
  identity: null,
  loading: false,
  exporting: null,
  progress: null,
  error: null,
  result: null,
  choices: {},
  checkingResult: false,
  merging: false,
  resultError: null,

  async load(campaignId) {
    set({ campaignId, loading: true });
    const [list, identity] = await Promise.all([
      api.call('packages.list', { campaignId }),
      get().identity ? null : api.call('workspace.identity', {}),
    ]);
    if (get().campaignId !== campaignId) return;
    set({
      loading: false,
      issued: list.ok ? list.data : null,
      error: list.ok ? null : list.error,
      ...(identity?.ok ? { identity: identity.data } : {}),
    });
  },

  async exportOne(personId, validUntil) {
    const campaignId = get().campaignId!;
    set({ exporting: personId, progress: null, error: null });
    const r = await api.call(
      'packages.exportTasks',
      { campaignId, personId, ...(validUntil ? { validUntil } : {}) },
      { onProgress: (e) => set({ progress: e }) },
    );
    set({ exporting: null, progress: null, error: r.ok ? null : r.error });
    if (r.ok) {
      saveBytes(r.data.fileName, r.data.bytes, ZIP_MIME);
      await get().load(campaignId);
    }
    return r;
  },

  async exportAll(validUntil) {
    const campaignId = get().campaignId!;
    set({ exporting: 'all', progress: null, error: null });
    const r = await api.call(
      'packages.exportAllTasks',
      { campaignId, ...(validUntil ? { validUntil } : {}) },
      { onProgress: (e) => set({ progress: e }) },
    );
    set({ exporting: null, progress: null, error: r.ok ? null : r.error });
    if (r.ok) {
      saveBytes(r.data.fileName, r.data.bytes, ZIP_MIME);
      await get().load(campaignId);
    }
    return r;
  },

  async chooseResult(file) {
    const bytes = await bytesOf(file);
    set({
      result: { fileName: file.name, bytes, preview: null },
      choices: {},
      checkingResult: true,
      resultError: null,
    });
    const r = await api.call('packages.inspectResult', { bytes });
    if (get().result?.bytes !== bytes) return;
    set({
      checkingResult: false,
      result: { fileName: file.name, bytes, preview: r.ok ? r.data : null },
      resultError: r.ok ? null : r.error,
    });
  },

  resolve(sheetId, keep) {
    set({ choices: { ...get().choices, [sheetId]: keep } });
  },

  async merge(resolutions) {
    const result = get().result;
    if (!result) return null;
    set({ merging: true, resultError: null });
    const r = await api.call('packages.mergeResult', { bytes: result.bytes, resolutions });
    set({ merging: false, resultError: r.ok ? null : r.error });
    if (r.ok && get().campaignId) await get().load(get().campaignId!);
    return r;
  },

  closeResult() {
    set({ result: null, checkingResult: false, merging: false, resultError: null });
  },
}));
