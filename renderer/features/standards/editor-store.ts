// The editor of one template version: the version as the server has it, the working copy the
// screens change, and the autosave that sends the working copy about a second after the last
// change (`standards.saveDraft` with the hash of the content it was based on, so that a save
// made elsewhere meanwhile is a conflict, never silently overwritten). A published version opens
// read-only; publishing, new drafts, copies and exports go through here too.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { TemplateVersion } from '../../../core/api/methods/standards';
import type { CaseType } from '../../../core/registry/schemas';
import { TemplateContentSchema, type TemplateContent } from '../../../core/standards/model';
import { api } from '../../api/client';
import { saveBytes, XLSX_MIME } from '../../api/download';
import { nodeExists, nodeKey, parseKey, SETTINGS_KEY, type NodeRef } from './content-ops';
import type { ProblemTag, TagGroup } from './tags-store';

export type VersionSummary = MethodOutput<'standards.versions'>['versions'][number];
export type SaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'error';
export type ExportKind = 'json' | 'xlsx' | 'docx';

export const AUTOSAVE_MS = 1000;

const MIME: Record<ExportKind, string> = {
  json: 'application/json',
  xlsx: XLSX_MIME,
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

interface EditorState {
  versionId: string | null;
  /** The version as the server last returned it. */
  version: TemplateVersion | null;
  versions: VersionSummary[];
  /** The working copy the screens show and change. */
  content: TemplateContent | null;
  /** contentSha256 of the server's content the working copy is based on. */
  baseSha: string;
  saveState: SaveState;
  saveError: ApiError | null;
  loadError: ApiError | null;
  loading: boolean;
  selected: string;
  caseTypes: CaseType[];
  tagGroups: TagGroup[];
  tags: ProblemTag[];

  open(versionId: string): Promise<void>;
  /** Leaving the editor: saves what is pending. */
  close(): Promise<void>;
  select(key: string): void;
  /** Replaces the working copy (drafts only) and schedules the autosave. */
  edit(next: TemplateContent, select?: NodeRef): void;
  /** Saves now; true when the server has the working copy. */
  flush(): Promise<boolean>;
  /** Drops local changes and loads the version again (after a conflict). */
  reload(): Promise<void>;
  publish(): Promise<Envelope<TemplateVersion> | null>;
  newDraft(): Promise<Envelope<TemplateVersion>>;
  copy(name: string): Promise<Envelope<TemplateVersion> | null>;
  discard(): Promise<Envelope<{ ok: true }>>;
  exportFile(
    kind: ExportKind,
    locale: Locale,
  ): Promise<Envelope<{ fileName: string; bytes: Uint8Array }> | null>;
}

function keepsSelection(
  before: TemplateVersion | null,
  after: TemplateVersion,
  selected: string,
): boolean {
  const ref = parseKey(selected);
  return (
    !!before && before.templateId === after.templateId && !!ref && nodeExists(after.content, ref)
  );
}

let timer: ReturnType<typeof setTimeout> | null = null;
let inflight: Promise<void> | null = null;
let openSeq = 0;

function clearTimer() {
  if (timer) clearTimeout(timer);
  timer = null;
}

export const useEditor = create<EditorState>((set, get) => {
  const schedule = () => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      void get().flush();
    }, AUTOSAVE_MS);
  };

  /** One saveDraft of the working copy as it is now. */
  const saveOnce = async (): Promise<void> => {
    const s = get();
    if (!s.version || !s.content) return;
    const parsed = TemplateContentSchema.safeParse(s.content);
    if (!parsed.success) {
      set({ saveState: 'invalid' });
      return;
    }
    const snapshot = s.content;
    const versionId = s.version.id;
    set({ saveState: 'saving' });
    const r = await api.call('standards.saveDraft', {
      versionId,
      content: parsed.data,
      expectedSha256: s.baseSha,
    });
    if (get().version?.id !== versionId) return;
    if (!r.ok) {
      set({ saveState: 'error', saveError: r.error });
      return;
    }
    const changed = get().content !== snapshot;
    set({
      version: r.data,
      baseSha: r.data.contentSha256,
      saveState: changed ? 'dirty' : 'saved',
      saveError: null,
    });
  };

  const loadVersions = async (templateId: string) => {
    const r = await api.call('standards.versions', { templateId });
    if (r.ok) set({ versions: r.data.versions });
  };

  return {
    versionId: null,
    version: null,
    versions: [],
    content: null,
    baseSha: '',
    saveState: 'saved',
    saveError: null,
    loadError: null,
    loading: false,
    selected: SETTINGS_KEY,
    caseTypes: [],
    tagGroups: [],
    tags: [],

    async open(versionId) {
      const seq = ++openSeq;
      if (get().versionId && get().versionId !== versionId) await get().close();
      clearTimer();
      const before = get().version;
      set({ versionId, loading: true, loadError: null });
      const [v, tags, types] = await Promise.all([
        api.call('standards.get', { versionId }),
        api.call('tags.list', {}),
        api.call('caseTypes.list', {}),
      ]);
      if (seq !== openSeq) return;
      if (!v.ok) {
        set({ loading: false, loadError: v.error, version: null, content: null });
        return;
      }
      set({
        loading: false,
        version: v.data,
        content: v.data.content,
        baseSha: v.data.contentSha256,
        saveState: 'saved',
        saveError: null,
        // Between versions of one template the same node stays selected, when it still exists.
        selected: keepsSelection(before, v.data, get().selected) ? get().selected : SETTINGS_KEY,
        ...(tags.ok ? { tagGroups: tags.data.groups, tags: tags.data.tags } : {}),
        ...(types.ok ? { caseTypes: types.data.caseTypes } : {}),
      });
      await loadVersions(v.data.templateId);
    },

    async close() {
      const s = get();
      if (s.version?.status === 'draft' && (timer || inflight)) await get().flush();
      clearTimer();
    },

    select(key) {
      set({ selected: key });
    },

    edit(next, select) {
      const s = get();
      if (s.version?.status !== 'draft') return;
      set({
        content: next,
        ...(select ? { selected: nodeKey(select) } : {}),
        ...(s.saveState === 'error' ? {} : { saveState: 'dirty' as const }),
      });
      if (get().saveState !== 'error') schedule();
    },

    async flush() {
      clearTimer();
      // Saves run one at a time; changes made during a save are saved right after it.
      for (let round = 0; round < 5; round++) {
        if (inflight) await inflight;
        const s = get();
        if (!s.version || s.version.status !== 'draft') return true;
        if (s.saveState === 'saved') return true;
        if (s.saveState === 'error') return false;
        inflight = saveOnce();
        try {
          await inflight;
        } finally {
          inflight = null;
        }
        if (get().saveState === 'invalid' || get().saveState === 'error') return false;
      }
      return get().saveState === 'saved';
    },

    async reload() {
      clearTimer();
      const id = get().versionId;
      set({ saveState: 'saved', saveError: null });
      if (id) await get().open(id);
    },

    async publish() {
      if (!(await get().flush())) return null;
      const v = get().version!;
      const r = await api.call('standards.publish', { versionId: v.id });
      if (r.ok) {
        set({
          version: r.data,
          content: r.data.content,
          baseSha: r.data.contentSha256,
          saveState: 'saved',
        });
        await loadVersions(r.data.templateId);
      }
      return r;
    },

    async newDraft() {
      return api.call('standards.newDraft', { versionId: get().version!.id });
    },

    async copy(name) {
      if (get().version?.status === 'draft' && !(await get().flush())) return null;
      return api.call('standards.copy', { versionId: get().version!.id, name });
    },

    async discard() {
      clearTimer();
      const r = await api.call('standards.discardDraft', { versionId: get().version!.id });
      if (r.ok) set({ saveState: 'saved' });
      return r;
    },

    async exportFile(kind, locale) {
      const v = get().version!;
      if (v.status === 'draft' && !(await get().flush())) return null;
      const r =
        kind === 'json'
          ? await api.call('standards.exportJson', { versionId: v.id })
          : kind === 'xlsx'
            ? await api.call('standards.exportXlsx', { versionId: v.id, locale })
            : await api.call('standards.exportDocx', { versionId: v.id, locale });
      if (r.ok) saveBytes(r.data.fileName, r.data.bytes, MIME[kind]);
      return r;
    },
  };
});
