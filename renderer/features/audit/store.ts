// 审计日志: the filter, one page of entries (filtered and paged by the API), the accounts to pick
// an actor from, the check of the chain and the signed export.
import { create } from 'zustand';
import type { UserSummary } from '../../../core/accounts/schemas';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { AuditEntryView, AuditFilter } from '../../../core/api/methods/audit';
import { AUDIT_GROUPS, type AuditGroup } from '../../../core/audit/actions';
import { api } from '../../api/client';

/** The actor filter: anyone, the app itself (no signed-in user), or one account. */
export const SYSTEM_ACTOR = '__system__';

export interface AuditFilterState {
  /** Local calendar days, inclusive (YYYY-MM-DD). */
  days: [string, string] | null;
  actor: string | null;
  groups: AuditGroup[];
  entityId: string;
  text: string;
  /** One entry by number ("show that entry" after a failed check). */
  seq: number | null;
}

export const EMPTY_FILTER: AuditFilterState = {
  days: null,
  actor: null,
  groups: [],
  entityId: '',
  text: '',
  seq: null,
};

type Verification = MethodOutput<'audit.verify'>;
type Exported = MethodOutput<'audit.export'>;

interface AuditState {
  filter: AuditFilterState;
  page: number;
  pageSize: number;
  total: number;
  entries: AuditEntryView[];
  loading: boolean;
  error: ApiError | null;
  users: UserSummary[];
  verification: Verification | null;
  verifying: boolean;
  exported: Pick<Exported, 'count' | 'keyFingerprint'> | null;
  /** Counts whole-filter replacements (reset, "show that entry"): the text boxes start over. */
  resets: number;

  load(): Promise<void>;
  loadUsers(): Promise<void>;
  setFilter(patch: Partial<AuditFilterState>): Promise<void>;
  replaceFilter(filter: AuditFilterState): Promise<void>;
  setPage(page: number, pageSize: number): Promise<void>;
  verify(): Promise<void>;
  exportLog(filtered: boolean): Promise<Envelope<Exported>>;
}

/** The start of a local day as an ISO instant (the API filters on UTC instants). */
const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const nextLocalDay = (day: string) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
};

/** The screen's filter in the API's terms; undefined parts are left out. */
export function apiFilter(f: AuditFilterState): AuditFilter {
  const out: AuditFilter = {};
  if (f.days) {
    out.from = startOfLocalDay(f.days[0]);
    out.to = nextLocalDay(f.days[1]);
  }
  if (f.actor === SYSTEM_ACTOR) out.actorId = null;
  else if (f.actor) out.actorId = f.actor;
  if (f.groups.length) out.actions = [...new Set(f.groups.flatMap((g) => [...AUDIT_GROUPS[g]]))];
  if (f.entityId.trim()) out.entityId = f.entityId.trim();
  if (f.text.trim()) out.text = f.text.trim();
  if (f.seq !== null) {
    out.fromSeq = f.seq;
    out.toSeq = f.seq;
  }
  return out;
}

export function isFiltered(f: AuditFilterState): boolean {
  return Object.keys(apiFilter(f)).length > 0;
}

export const useAudit = create<AuditState>((set, get) => ({
  filter: EMPTY_FILTER,
  page: 1,
  pageSize: 50,
  total: 0,
  entries: [],
  loading: false,
  error: null,
  users: [],
  verification: null,
  verifying: false,
  exported: null,
  resets: 0,

  async load() {
    const { filter, page, pageSize } = get();
    set({ loading: true });
    const r = await api.call('audit.list', { ...apiFilter(filter), page, pageSize });
    // A late answer for a filter or page no longer shown is dropped.
    if (get().filter !== filter || get().page !== page || get().pageSize !== pageSize) return;
    set(
      r.ok
        ? { entries: r.data.entries, total: r.data.total, loading: false, error: null }
        : { loading: false, error: r.error },
    );
  },

  async loadUsers() {
    const r = await api.call('users.list', {});
    if (r.ok) set({ users: r.data.users });
  },

  async setFilter(patch) {
    set({ filter: { ...get().filter, ...patch }, page: 1 });
    await get().load();
  },

  async replaceFilter(filter) {
    set({ filter, page: 1, resets: get().resets + 1 });
    await get().load();
  },

  async setPage(page, pageSize) {
    set({ page, pageSize });
    await get().load();
  },

  async verify() {
    set({ verifying: true });
    const r = await api.call('audit.verify', {});
    set(
      r.ok
        ? { verification: r.data, verifying: false, error: null }
        : { verifying: false, error: r.error },
    );
  },

  async exportLog(filtered) {
    const filter = filtered ? apiFilter(get().filter) : undefined;
    const r = await api.call('audit.export', filter ? { filter } : {});
    if (r.ok) {
      set({ exported: { count: r.data.count, keyFingerprint: r.data.keyFingerprint } });
      // The export is itself recorded: show it.
      await get().load();
    }
    return r;
  },
}));
