// One campaign (评查活动) and everything its wizard shows: the population of its scope, the drawn
// files and evaluators, declared conflicts, the proposed and the confirmed assignment, the draw
// record, and the reference lists the forms need (case types, departments, the pool, published
// standards). Every change goes through the API and reloads what it moved.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type {
  Campaign,
  DrawnFile,
  DrawnPerson,
  DrawRecord,
} from '../../../core/api/methods/campaigns';
import type { CampaignStatus, EvaluatorPlan } from '../../../core/campaigns/schemas';
import type { CaseFile, CaseType, Department, Person } from '../../../core/registry/schemas';
import { api } from '../../api/client';
import { saveBytes } from '../../api/download';

export type Population = MethodOutput<'campaigns.population'>;
export type Proposal = MethodOutput<'campaigns.proposeAssignment'>;
export type Conflict = MethodOutput<'campaigns.conflicts'>['conflicts'][number];
export type CampaignEdit = Omit<MethodInput<'campaigns.update'>, 'id'>;
export type DrawFilesInput = Omit<MethodInput<'campaigns.drawFiles'>, 'id'>;
export type EnlargeInput = Omit<MethodInput<'campaigns.enlarge'>, 'id'>;
export type ConflictInput = Omit<MethodInput<'campaigns.addConflict'>, 'id'>;
export type ReassignInput = Omit<MethodInput<'campaigns.reassign'>, 'id'>;
export type ExportFormat = MethodInput<'campaigns.exportDraw'>['format'];
export interface AssignmentRow {
  caseId: string;
  personIds: string[];
}

/** A published version of a standard, as offered for a case type. */
export interface TemplateOption {
  versionId: string;
  templateId: string;
  templateName: string;
  version: number;
  caseTypes: string[];
  retired: boolean;
}

interface Refs {
  caseTypes: CaseType[];
  departments: Department[];
  people: Person[];
  templates: TemplateOption[];
}

interface CampaignState {
  id: string | null;
  campaign: Campaign | null;
  /** Set when the campaign itself could not be loaded. */
  notFound: boolean;
  population: Population | null;
  files: DrawnFile[];
  evaluators: DrawnPerson[];
  conflicts: Conflict[];
  /** Confirmed assignment: one row per drawn file (empty before confirmation). */
  assignment: AssignmentRow[];
  proposal: Proposal | null;
  record: DrawRecord | null;
  refs: Refs;
  loading: boolean;
  error: ApiError | null;

  open(id: string): Promise<void>;
  reload(): Promise<void>;
  loadPopulation(): Promise<void>;
  update(edit: CampaignEdit): Promise<Envelope<Campaign>>;
  drawFiles(input: DrawFilesInput): Promise<Envelope<Campaign>>;
  enlarge(input: EnlargeInput): Promise<Envelope<Campaign>>;
  drawEvaluators(plan: EvaluatorPlan): Promise<Envelope<Campaign>>;
  addConflict(input: ConflictInput): Promise<Envelope<{ ok: true }>>;
  removeConflict(conflictId: string): Promise<Envelope<{ ok: true }>>;
  propose(): Promise<Envelope<Proposal>>;
  confirm(rows: AssignmentRow[]): Promise<Envelope<Campaign>>;
  reassign(input: ReassignInput): Promise<Envelope<{ rows: AssignmentRow[] }>>;
  setStatus(status: CampaignStatus): Promise<Envelope<Campaign>>;
  exportDraw(format: ExportFormat, locale: Locale): Promise<Envelope<unknown>>;
  /** Registry files matching a text (case number, party, cause), for the must-include list. */
  searchCases(q: string): Promise<CaseFile[]>;
}

const EMPTY_REFS: Refs = { caseTypes: [], departments: [], people: [], templates: [] };

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  populations: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function loadTemplates(): Promise<Envelope<TemplateOption[]>> {
  const list = await api.call('standards.list', {});
  if (!list.ok) return list;
  const answers = await Promise.all(
    list.data.templates.map((t) => api.call('standards.versions', { templateId: t.id })),
  );
  const out: TemplateOption[] = [];
  for (const [i, r] of answers.entries()) {
    const t = list.data.templates[i]!;
    if (!r.ok) return r;
    for (const v of r.data.versions) {
      if (v.status !== 'published' || v.version === null) continue;
      out.push({
        versionId: v.id,
        templateId: t.id,
        templateName: t.name,
        version: v.version,
        caseTypes: t.caseTypes,
        retired: t.retired,
      });
    }
  }
  out.sort(
    (a, b) => a.templateName.localeCompare(b.templateName, 'zh-CN') || b.version - a.version,
  );
  return { ok: true, data: out };
}

export const useCampaign = create<CampaignState>((set, get) => {
  /** Applies an answer only while the same campaign is open. */
  const apply = <T>(id: string, r: Envelope<T>, patch: (data: T) => Partial<CampaignState>) => {
    if (get().id !== id) return;
    set(r.ok ? patch(r.data) : { error: r.error });
  };

  const loadCampaign = async (id: string) => {
    const r = await api.call('campaigns.get', { id });
    if (get().id !== id) return;
    if (r.ok) set({ campaign: r.data, notFound: false });
    else if (r.error.code === 'NOT_FOUND') set({ notFound: true, campaign: null });
    else set({ error: r.error });
  };

  const loadDrawn = async (id: string) => {
    const [drawn, conflicts, assignment, record] = await Promise.all([
      api.call('campaigns.drawn', { id }),
      api.call('campaigns.conflicts', { id }),
      api.call('campaigns.assignment', { id }),
      api.call('campaigns.drawRecord', { id }),
    ]);
    apply(id, drawn, (d) => ({ files: d.files, evaluators: d.evaluators }));
    apply(id, conflicts, (d) => ({ conflicts: d.conflicts }));
    apply(id, assignment, (d) => ({
      assignment: d.rows.some((r) => r.personIds.length) ? d.rows : [],
    }));
    apply(id, record, (d) => ({ record: d.record }));
  };

  const loadRefs = async (id: string) => {
    const [caseTypes, departments, people, templates] = await Promise.all([
      api.call('caseTypes.list', {}),
      api.call('departments.list', {}),
      api.call('people.list', {}),
      loadTemplates(),
    ]);
    if (get().id !== id) return;
    set({
      refs: {
        caseTypes: caseTypes.ok ? caseTypes.data.caseTypes : [],
        departments: departments.ok ? departments.data.departments : [],
        people: people.ok ? people.data.people : [],
        templates: templates.ok ? templates.data : [],
      },
    });
    for (const r of [caseTypes, departments, people, templates]) if (!r.ok) set({ error: r.error });
  };

  /** After a change that moved the campaign: the campaign and what hangs off it. */
  const refresh = async (id: string) => {
    await Promise.all([loadCampaign(id), loadDrawn(id), get().loadPopulation()]);
  };

  return {
    id: null,
    campaign: null,
    notFound: false,
    population: null,
    files: [],
    evaluators: [],
    conflicts: [],
    assignment: [],
    proposal: null,
    record: null,
    refs: EMPTY_REFS,
    loading: false,
    error: null,

    async open(id) {
      if (get().id !== id) {
        set({
          id,
          campaign: null,
          notFound: false,
          population: null,
          files: [],
          evaluators: [],
          conflicts: [],
          assignment: [],
          proposal: null,
          record: null,
          error: null,
        });
      }
      set({ loading: true });
      await Promise.all([loadCampaign(id), loadDrawn(id), get().loadPopulation(), loadRefs(id)]);
      if (get().id === id) set({ loading: false });
    },

    async reload() {
      const id = get().id;
      if (id) await refresh(id);
    },

    async loadPopulation() {
      const id = get().id;
      if (!id) return;
      const r = await api.call('campaigns.population', { id });
      apply(id, r, (d) => ({ population: d }));
    },

    async update(edit) {
      const id = get().id!;
      const r = await api.call('campaigns.update', { id, ...edit });
      if (r.ok) {
        set({ campaign: r.data });
        await get().loadPopulation();
      }
      return r;
    },

    async drawFiles(input) {
      const id = get().id!;
      const r = await api.call('campaigns.drawFiles', { id, ...input });
      if (r.ok) await refresh(id);
      return r;
    },

    async enlarge(input) {
      const id = get().id!;
      const r = await api.call('campaigns.enlarge', { id, ...input });
      if (r.ok) await refresh(id);
      return r;
    },

    async drawEvaluators(plan) {
      const id = get().id!;
      const r = await api.call('campaigns.drawEvaluators', { id, plan });
      if (r.ok) {
        set({ proposal: null });
        await refresh(id);
      }
      return r;
    },

    async addConflict(input) {
      const id = get().id!;
      const r = await api.call('campaigns.addConflict', { id, ...input });
      if (r.ok) {
        set({ proposal: null });
        await loadDrawn(id);
      }
      return r;
    },

    async removeConflict(conflictId) {
      const id = get().id!;
      const r = await api.call('campaigns.removeConflict', { conflictId });
      if (r.ok) {
        set({ proposal: null });
        await loadDrawn(id);
      }
      return r;
    },

    async propose() {
      const id = get().id!;
      set({ proposal: null });
      const r = await api.call('campaigns.proposeAssignment', { id });
      apply(id, r, (d) => ({ proposal: d, error: null }));
      return r;
    },

    async confirm(rows) {
      const id = get().id!;
      const r = await api.call('campaigns.confirmAssignment', { id, rows });
      if (r.ok) {
        set({ proposal: null });
        await refresh(id);
      }
      return r;
    },

    async reassign(input) {
      const id = get().id!;
      const r = await api.call('campaigns.reassign', { id, ...input });
      if (r.ok) set({ assignment: r.data.rows });
      return r;
    },

    async setStatus(status) {
      const id = get().id!;
      const r = await api.call('campaigns.setStatus', { id, status });
      if (r.ok) {
        set({ proposal: null });
        await refresh(id);
      }
      return r;
    },

    async exportDraw(format, locale) {
      const id = get().id!;
      const r = await api.call('campaigns.exportDraw', { id, format, locale });
      if (r.ok) saveBytes(r.data.fileName, r.data.bytes, MIME[format]);
      return r;
    },

    async searchCases(q) {
      const text = q.trim().slice(0, 100);
      if (!text) return [];
      const r = await api.call('cases.list', {
        filter: { q: text },
        sort: { key: 'caseNo', dir: 'asc' },
        page: 1,
        pageSize: 20,
      });
      return r.ok ? r.data.rows : [];
    },
  };
});
