// One case file (案卷详情): its fields, its attachments, which attachment is being viewed and that
// attachment's bytes; editing, deleting, adding and removing attachments.
import { create } from 'zustand';
import type { MethodInput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Attachment, CaseFile } from '../../../core/registry/schemas';
import { api } from '../../api/client';

/** Same limit as the service (MAX_ATTACHMENT_BYTES), checked here before reading the file. */
export const MAX_ATTACHMENT_MB = 200;

export interface AttachmentContent {
  id: string;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

interface DetailState {
  id: string | null;
  caseFile: CaseFile | null;
  attachments: Attachment[];
  loading: boolean;
  error: ApiError | null;
  selectedId: string | null;
  content: AttachmentContent | null;
  contentLoading: boolean;
  contentError: ApiError | null;

  open(id: string): Promise<void>;
  select(attachmentId: string | null): Promise<void>;
  update(input: MethodInput<'cases.update'>): Promise<Envelope<CaseFile>>;
  remove(): Promise<Envelope<{ ok: true }>>;
  addAttachment(file: File): Promise<Envelope<Attachment>>;
  removeAttachment(id: string): Promise<Envelope<{ ok: true }>>;
}

let openSeq = 0;
let contentSeq = 0;

export const useCaseDetail = create<DetailState>((set, get) => {
  const refresh = async (id: string) => {
    const r = await api.call('cases.get', { id });
    if (get().id !== id) return null;
    if (r.ok) set({ caseFile: r.data.case, attachments: r.data.attachments, error: null });
    else set({ error: r.error });
    return r.ok ? r.data : null;
  };

  return {
    id: null,
    caseFile: null,
    attachments: [],
    loading: false,
    error: null,
    selectedId: null,
    content: null,
    contentLoading: false,
    contentError: null,

    async open(id) {
      const seq = ++openSeq;
      set({
        id,
        caseFile: null,
        attachments: [],
        loading: true,
        error: null,
        selectedId: null,
        content: null,
        contentError: null,
      });
      const data = await refresh(id);
      if (seq !== openSeq) return;
      set({ loading: false });
      const first = data?.attachments[0];
      if (first) await get().select(first.id);
    },

    async select(attachmentId) {
      const seq = ++contentSeq;
      if (!attachmentId) {
        set({ selectedId: null, content: null, contentLoading: false, contentError: null });
        return;
      }
      if (get().content?.id === attachmentId) {
        set({ selectedId: attachmentId });
        return;
      }
      set({ selectedId: attachmentId, contentLoading: true, contentError: null });
      const r = await api.call('attachments.content', { id: attachmentId });
      if (seq !== contentSeq) return;
      set(
        r.ok
          ? {
              content: { id: attachmentId, ...r.data },
              contentLoading: false,
            }
          : { content: null, contentLoading: false, contentError: r.error },
      );
    },

    async update(input) {
      const r = await api.call('cases.update', input);
      if (r.ok && get().id === input.id) set({ caseFile: r.data });
      return r;
    },

    async remove() {
      const id = get().id;
      if (!id) return { ok: true, data: { ok: true } };
      const r = await api.call('cases.delete', { id });
      if (r.ok) set({ caseFile: null, attachments: [], content: null, selectedId: null });
      return r;
    },

    async addAttachment(file) {
      const id = get().id!;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const r = await api.call('attachments.add', {
        caseId: id,
        file: { fileName: file.name, bytes },
      });
      if (r.ok) {
        await refresh(id);
        // Show what was just added: that is what the user wants to check.
        await get().select(r.data.id);
      }
      return r;
    },

    async removeAttachment(attachmentId) {
      const id = get().id!;
      const r = await api.call('attachments.remove', { id: attachmentId });
      if (r.ok) {
        const wasSelected = get().selectedId === attachmentId;
        if (get().content?.id === attachmentId) set({ content: null });
        const data = await refresh(id);
        if (wasSelected) await get().select(data?.attachments[0]?.id ?? null);
      }
      return r;
    },
  };
});
