// 评查标准 list: the templates with their latest version and draft, the case types their scope
// names, and the changes made from the list (create, import, retire). The list is small (a few
// dozen templates at most), so it is loaded whole.
import { create } from 'zustand';
import type { MethodInput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { TemplateSummary, TemplateVersion } from '../../../core/api/methods/standards';
import type { CaseType } from '../../../core/registry/schemas';
import { api } from '../../api/client';

export type Preset = MethodInput<'standards.create'>['preset'];

interface StandardsState {
  templates: TemplateSummary[];
  caseTypes: CaseType[];
  loading: boolean;
  error: ApiError | null;
  showRetired: boolean;

  load(): Promise<void>;
  setShowRetired(show: boolean): void;
  create(name: string, preset: Preset): Promise<Envelope<TemplateVersion>>;
  importFile(file: File): Promise<Envelope<TemplateVersion>>;
  retire(templateId: string, retired: boolean): Promise<Envelope<{ ok: true }>>;
  newDraft(versionId: string): Promise<Envelope<TemplateVersion>>;
}

export const useStandards = create<StandardsState>((set, get) => ({
  templates: [],
  caseTypes: [],
  loading: false,
  error: null,
  showRetired: false,

  async load() {
    set({ loading: true });
    const [list, types] = await Promise.all([
      api.call('standards.list', {}),
      api.call('caseTypes.list', {}),
    ]);
    set({
      loading: false,
      error: !list.ok ? list.error : !types.ok ? types.error : null,
      ...(list.ok ? { templates: list.data.templates } : {}),
      ...(types.ok ? { caseTypes: types.data.caseTypes } : {}),
    });
  },

  setShowRetired(show) {
    set({ showRetired: show });
  },

  async create(name, preset) {
    const r = await api.call('standards.create', { name, preset });
    if (r.ok) void get().load();
    return r;
  },

  async importFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const r = await api.call('standards.import', { file: { fileName: file.name, bytes } });
    if (r.ok) void get().load();
    return r;
  },

  async retire(templateId, retired) {
    const r = await api.call('standards.retire', { templateId, retired });
    if (r.ok) await get().load();
    return r;
  },

  async newDraft(versionId) {
    const r = await api.call('standards.newDraft', { versionId });
    if (r.ok) void get().load();
    return r;
  },
}));
