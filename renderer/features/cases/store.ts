// The registry list (案卷库): filter, sort and page as the API takes them, the current page of
// rows and the total, the columns the user chose (kept on this device), the reference lists the
// screens need (case types, departments, years), and the Excel export. Filtering, sorting and
// paging happen in SQL; the renderer never holds more than one page.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import { CASE_COLUMNS, type CaseColumn } from '../../../core/api/methods/registry';
import type {
  CaseFile,
  CaseFilter,
  CaseSort,
  CaseType,
  Department,
} from '../../../core/registry/schemas';
import { api } from '../../api/client';
import { saveBytes, XLSX_MIME } from '../../api/download';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_SORT: CaseSort = { key: 'decidedOn', dir: 'desc' };
export const DEFAULT_COLUMNS: readonly CaseColumn[] = [
  'caseNo',
  'caseType',
  'procedure',
  'cause',
  'partyName',
  'departmentName',
  'decidedOn',
  'amountFen',
  'status',
];
const COLUMNS_KEY = 'cases.columns';
const PAGE_SIZE_KEY = 'cases.pageSize';

function storedColumns(): CaseColumn[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(raw)) {
      const columns = CASE_COLUMNS.filter((c) => raw.includes(c));
      if (columns.length) return columns;
    }
  } catch {
    // A damaged value falls back to the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

function storedPageSize(): number {
  const n = Number(localStorage.getItem(PAGE_SIZE_KEY));
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : PAGE_SIZES[0];
}

/** The filter without empty parts, so the request says only what the user chose. */
export function cleanFilter(f: CaseFilter): CaseFilter {
  const out: CaseFilter = {};
  const q = f.q?.trim();
  if (q) out.q = q.slice(0, 100);
  if (f.caseTypes?.length) out.caseTypes = f.caseTypes;
  if (f.procedures?.length) out.procedures = f.procedures;
  if (f.departmentIds?.length) out.departmentIds = f.departmentIds;
  if (f.statuses?.length) out.statuses = f.statuses;
  if (f.year !== undefined) out.year = f.year;
  if (f.dateField && (f.dateFrom || f.dateTo)) {
    out.dateField = f.dateField;
    if (f.dateFrom) out.dateFrom = f.dateFrom;
    if (f.dateTo) out.dateTo = f.dateTo;
  }
  if (f.amountMinFen !== undefined) out.amountMinFen = f.amountMinFen;
  if (f.amountMaxFen !== undefined) out.amountMaxFen = f.amountMaxFen;
  if (f.batchId) out.batchId = f.batchId;
  return out;
}

export function isFiltered(f: CaseFilter): boolean {
  return Object.keys(cleanFilter(f)).length > 0;
}

interface ExportProgress {
  done: number;
  total: number | null;
}

interface CasesState {
  filter: CaseFilter;
  sort: CaseSort;
  page: number;
  pageSize: number;
  rows: CaseFile[];
  total: number;
  /** Every case file in the registry, whatever the filter. */
  registryTotal: number;
  loading: boolean;
  error: ApiError | null;
  columns: CaseColumn[];
  caseTypes: CaseType[];
  departments: Department[];
  years: number[];
  exporting: ExportProgress | null;

  load(): Promise<void>;
  /** Case types, departments, years and the registry's size: after any change to the registry. */
  loadRefs(): Promise<void>;
  /** Changes part of the filter, goes back to page 1 and reloads. */
  setFilter(patch: Partial<CaseFilter>): void;
  resetFilter(): void;
  /** null restores the default order. */
  setSort(sort: CaseSort | null): void;
  setPage(page: number, pageSize: number): void;
  setColumns(columns: CaseColumn[]): void;
  exportXlsx(locale: Locale): Promise<Envelope<MethodOutput<'cases.export'>>>;
  cancelExport(): void;
  create(input: MethodInput<'cases.create'>): Promise<Envelope<CaseFile>>;
}

let listSeq = 0;
let exportController: AbortController | null = null;

export const useCases = create<CasesState>((set, get) => ({
  filter: {},
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: storedPageSize(),
  rows: [],
  total: 0,
  registryTotal: 0,
  loading: false,
  error: null,
  columns: storedColumns(),
  caseTypes: [],
  departments: [],
  years: [],
  exporting: null,

  async load() {
    const seq = ++listSeq;
    const { filter, sort, page, pageSize } = get();
    set({ loading: true });
    const r = await api.call('cases.list', { filter: cleanFilter(filter), sort, page, pageSize });
    // A newer request (the user kept typing or paging) has superseded this one.
    if (seq !== listSeq) return;
    if (!r.ok) {
      set({ loading: false, error: r.error });
      return;
    }
    const last = Math.max(1, Math.ceil(r.data.total / pageSize));
    if (page > last) {
      // Rows were deleted or the filter narrowed: show the last page that has rows.
      set({ page: last });
      return get().load();
    }
    set({ rows: r.data.rows, total: r.data.total, loading: false, error: null });
  },

  async loadRefs() {
    const [types, departments, facets] = await Promise.all([
      api.call('caseTypes.list', {}),
      api.call('departments.list', {}),
      api.call('cases.facets', {}),
    ]);
    set({
      ...(types.ok ? { caseTypes: types.data.caseTypes } : {}),
      ...(departments.ok ? { departments: departments.data.departments } : {}),
      ...(facets.ok ? { years: facets.data.years, registryTotal: facets.data.total } : {}),
    });
    for (const r of [types, departments, facets]) if (!r.ok) set({ error: r.error });
  },

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch }, page: 1 });
    void get().load();
  },

  resetFilter() {
    set({ filter: {}, page: 1 });
    void get().load();
  },

  setSort(sort) {
    set({ sort: sort ?? DEFAULT_SORT, page: 1 });
    void get().load();
  },

  setPage(page, pageSize) {
    const sizeChanged = pageSize !== get().pageSize;
    if (sizeChanged) localStorage.setItem(PAGE_SIZE_KEY, String(pageSize));
    set({ page: sizeChanged ? 1 : page, pageSize });
    void get().load();
  },

  setColumns(columns) {
    const ordered = CASE_COLUMNS.filter((c) => columns.includes(c));
    if (!ordered.length) return;
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(ordered));
    set({ columns: ordered });
  },

  async exportXlsx(locale) {
    const { filter, sort, columns } = get();
    exportController?.abort();
    const controller = new AbortController();
    exportController = controller;
    set({ exporting: { done: 0, total: null } });
    const r = await api.call(
      'cases.export',
      { filter: cleanFilter(filter), sort, columns, locale },
      {
        signal: controller.signal,
        onProgress: (e) => set({ exporting: { done: e.done, total: e.total } }),
      },
    );
    if (exportController === controller) exportController = null;
    set({ exporting: null });
    if (r.ok) saveBytes(r.data.fileName, r.data.bytes, XLSX_MIME);
    return r;
  },

  cancelExport() {
    exportController?.abort();
  },

  async create(input) {
    const r = await api.call('cases.create', input);
    if (r.ok) void Promise.all([get().load(), get().loadRefs()]);
    return r;
  },
}));
