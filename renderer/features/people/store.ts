// 部门与人员: departments, the evaluator pool, the login accounts a person can be linked to, and
// the recent import batches. The pool is small (a district has under a few hundred people), so it
// is loaded whole and filtered here; every change goes through the API and reloads what it moved.
import { create } from 'zustand';
import type { UserSummary } from '../../../core/accounts/schemas';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { Department, Person } from '../../../core/registry/schemas';
import { api } from '../../api/client';

export type ImportBatch = MethodOutput<'imports.batches'>['batches'][number];
export type DepartmentInput = MethodInput<'departments.create'>;
export type PersonInput = MethodInput<'people.create'>;
export type MergeResult = MethodOutput<'departments.merge'>;

export interface PeopleFilter {
  departmentId: string | null;
  legalOnly: boolean;
  activeOnly: boolean;
  text: string;
}

export const NO_FILTER: PeopleFilter = {
  departmentId: null,
  legalOnly: false,
  activeOnly: false,
  text: '',
};

interface PeopleState {
  departments: Department[];
  people: Person[];
  users: UserSummary[];
  batches: ImportBatch[];
  loadingDepartments: boolean;
  loadingPeople: boolean;
  loadingBatches: boolean;
  /** The last failed load (changes report their own errors to the form that made them). */
  error: ApiError | null;
  filter: PeopleFilter;

  setFilter(patch: Partial<PeopleFilter>): void;
  loadDepartments(): Promise<void>;
  loadPeople(): Promise<void>;
  loadUsers(): Promise<void>;
  loadBatches(): Promise<void>;
  /** Everything on the page; after an import or a merge. */
  reload(): Promise<void>;

  saveDepartment(input: DepartmentInput, id: string | null): Promise<Envelope<Department>>;
  setDepartmentActive(d: Department, active: boolean): Promise<Envelope<Department>>;
  addAlias(departmentId: string, alias: string): Promise<Envelope<Department>>;
  removeAlias(alias: string): Promise<Envelope<unknown>>;
  merge(sourceId: string, targetId: string): Promise<Envelope<MergeResult>>;

  savePerson(input: PersonInput, id: string | null): Promise<Envelope<Person>>;
  deletePerson(id: string): Promise<Envelope<unknown>>;
}

export const usePeople = create<PeopleState>((set, get) => ({
  departments: [],
  people: [],
  users: [],
  batches: [],
  loadingDepartments: false,
  loadingPeople: false,
  loadingBatches: false,
  error: null,
  filter: NO_FILTER,

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },

  async loadDepartments() {
    set({ loadingDepartments: true });
    const r = await api.call('departments.list', {});
    set(
      r.ok
        ? { departments: r.data.departments, loadingDepartments: false }
        : { error: r.error, loadingDepartments: false },
    );
  },

  async loadPeople() {
    set({ loadingPeople: true });
    const r = await api.call('people.list', {});
    set(
      r.ok
        ? { people: r.data.people, loadingPeople: false }
        : { error: r.error, loadingPeople: false },
    );
  },

  async loadUsers() {
    const r = await api.call('users.list', {});
    set(r.ok ? { users: r.data.users } : { error: r.error });
  },

  async loadBatches() {
    set({ loadingBatches: true });
    const r = await api.call('imports.batches', {});
    set(
      r.ok
        ? { batches: r.data.batches, loadingBatches: false }
        : { error: r.error, loadingBatches: false },
    );
  },

  async reload() {
    set({ error: null });
    const s = get();
    await Promise.all([s.loadDepartments(), s.loadPeople(), s.loadUsers(), s.loadBatches()]);
  },

  async saveDepartment(input, id) {
    const r = id
      ? await api.call('departments.update', { ...input, id })
      : await api.call('departments.create', input);
    if (r.ok) await get().loadDepartments();
    return r;
  },

  async setDepartmentActive(d, active) {
    const r = await api.call('departments.update', { id: d.id, name: d.name, active });
    if (r.ok) await get().loadDepartments();
    return r;
  },

  async addAlias(departmentId, alias) {
    const r = await api.call('departments.addAlias', { departmentId, alias });
    if (r.ok) await get().loadDepartments();
    return r;
  },

  async removeAlias(alias) {
    const r = await api.call('departments.removeAlias', { alias });
    if (r.ok) await get().loadDepartments();
    return r;
  },

  async merge(sourceId, targetId) {
    const r = await api.call('departments.merge', { sourceId, targetId });
    if (r.ok) {
      // People moved department; a filter on the removed department would show nobody.
      if (get().filter.departmentId === sourceId) get().setFilter({ departmentId: null });
      await Promise.all([get().loadDepartments(), get().loadPeople()]);
    }
    return r;
  },

  async savePerson(input, id) {
    const r = id
      ? await api.call('people.update', { ...input, id })
      : await api.call('people.create', input);
    if (r.ok) await Promise.all([get().loadPeople(), get().loadDepartments()]);
    return r;
  },

  async deletePerson(id) {
    const r = await api.call('people.delete', { id });
    if (r.ok) await Promise.all([get().loadPeople(), get().loadDepartments()]);
    return r;
  },
}));

/** The pool as the filters show it. */
export function filterPeople(people: readonly Person[], f: PeopleFilter): Person[] {
  const text = f.text.trim().toLowerCase();
  return people.filter(
    (p) =>
      (!f.departmentId || p.departmentId === f.departmentId) &&
      (!f.legalOnly || p.legalOfficer) &&
      (!f.activeOnly || p.active) &&
      (!text ||
        p.name.toLowerCase().includes(text) ||
        (p.certNo ?? '').toLowerCase().includes(text) ||
        (p.phone ?? '').includes(text)),
  );
}
