// The import wizard's state: the chosen file, the server's preview, the user's corrections
// (column mapping, what to do with unknown departments), progress, and the result.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import type { ApiError } from '../../../core/api/errors';
import {
  MAX_IMPORT_BYTES,
  type DepartmentDecision,
  type ImportKind,
  type ImportPreview,
} from '../../../core/api/methods/imports';
import type { MethodOutput } from '../../../core/api/contract';
import type { ProgressEvent } from '../../../core/api/transport';
import { api } from '../../api/client';
import { saveBytes, XLSX_MIME } from '../../api/download';

export type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'big5';
type CommitResult = MethodOutput<'imports.commit'>;

export interface Decision {
  action: 'create' | 'map';
  departmentId?: string;
}

interface ImportState {
  kind: ImportKind;
  phase: 'choose' | 'working' | 'preview' | 'done';
  fileName: string | null;
  encoding: Encoding;
  preview: ImportPreview | null;
  decisions: Record<string, Decision>;
  progress: ProgressEvent | null;
  error: ApiError | null;
  result: CommitResult | null;
  controller: AbortController | null;
  reset(kind: ImportKind): void;
  setEncoding(encoding: Encoding): void;
  choose(file: File): Promise<void>;
  remap(mapping: Record<string, number | null>): Promise<void>;
  decide(name: string, decision: Decision): void;
  cancel(): void;
  commit(): Promise<void>;
  downloadProblems(locale: Locale): Promise<void>;
  discard(): Promise<void>;
}

const initialDecisions = (p: ImportPreview): Record<string, Decision> =>
  Object.fromEntries(
    p.unknownDepartments.map((u) => [
      u.name,
      u.suggestion ? { action: 'map', departmentId: u.suggestion.id } : { action: 'create' },
    ]),
  );

export function undecided(p: ImportPreview | null, decisions: Record<string, Decision>): string[] {
  if (!p) return [];
  return p.unknownDepartments
    .map((u) => u.name)
    .filter((n) => {
      const d = decisions[n];
      return !d || (d.action === 'map' && !d.departmentId);
    });
}

export const useImport = create<ImportState>((set, get) => {
  const run = async <T>(
    work: (opts: {
      signal: AbortSignal;
      onProgress: (e: ProgressEvent) => void;
    }) => Promise<{ ok: true; data: T } | { ok: false; error: ApiError }>,
  ): Promise<T | null> => {
    const controller = new AbortController();
    set({ phase: 'working', controller, progress: null, error: null });
    const r = await work({ signal: controller.signal, onProgress: (e) => set({ progress: e }) });
    set({ controller: null });
    if (!r.ok) {
      set({ error: r.error });
      return null;
    }
    return r.data;
  };

  return {
    kind: 'cases',
    phase: 'choose',
    fileName: null,
    encoding: 'auto',
    preview: null,
    decisions: {},
    progress: null,
    error: null,
    result: null,
    controller: null,

    reset(kind) {
      get().controller?.abort();
      set({
        kind,
        phase: 'choose',
        fileName: null,
        encoding: 'auto',
        preview: null,
        decisions: {},
        progress: null,
        error: null,
        result: null,
        controller: null,
      });
    },

    setEncoding(encoding) {
      set({ encoding });
    },

    async choose(file) {
      set({ fileName: file.name, preview: null, result: null });
      if (file.size > MAX_IMPORT_BYTES) {
        set({
          phase: 'choose',
          error: {
            code: 'BAD_INPUT',
            key: 'importer.errors.tooLarge',
            message: 'file too large',
            params: {
              file: file.name,
              sizeMb: Math.round(file.size / 1048576),
              maxMb: MAX_IMPORT_BYTES / 1048576,
            },
          },
        });
        return;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { kind, encoding } = get();
      const preview = await run((opts) =>
        api.call('imports.preview', { kind, file: { fileName: file.name, bytes }, encoding }, opts),
      );
      if (preview) set({ phase: 'preview', preview, decisions: initialDecisions(preview) });
      else set({ phase: 'choose' });
    },

    async remap(mapping) {
      const current = get().preview;
      if (!current) return;
      const preview = await run((opts) =>
        api.call('imports.remap', { previewId: current.previewId, mapping }, opts),
      );
      set({
        phase: 'preview',
        ...(preview
          ? { preview, decisions: { ...initialDecisions(preview), ...get().decisions } }
          : {}),
      });
    },

    decide(name, decision) {
      set({ decisions: { ...get().decisions, [name]: decision } });
    },

    cancel() {
      get().controller?.abort();
    },

    async commit() {
      const { preview, decisions } = get();
      if (!preview) return;
      const departments: DepartmentDecision[] = preview.unknownDepartments.map((u) => {
        const d = decisions[u.name] ?? { action: 'create' };
        return d.action === 'map' && d.departmentId
          ? { name: u.name, action: 'map', departmentId: d.departmentId }
          : { name: u.name, action: 'create' };
      });
      const result = await run((opts) =>
        api.call('imports.commit', { previewId: preview.previewId, departments }, opts),
      );
      set(result ? { phase: 'done', result } : { phase: 'preview' });
    },

    async downloadProblems(locale) {
      const preview = get().preview;
      if (!preview) return;
      const r = await api.call('imports.problemsReport', { previewId: preview.previewId, locale });
      if (r.ok) saveBytes(r.data.fileName, r.data.bytes, XLSX_MIME);
      else set({ error: r.error });
    },

    async discard() {
      const preview = get().preview;
      if (preview) await api.call('imports.discard', { previewId: preview.previewId });
      get().reset(get().kind);
    },
  };
});
