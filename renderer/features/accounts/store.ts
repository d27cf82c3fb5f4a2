// Account management for coordinators: list, create, update, reset password.
import { create } from 'zustand';
import type { UserSummary } from '../../../core/accounts/schemas';
import type { MethodInput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import { api } from '../../api/client';

interface AccountsState {
  users: UserSummary[];
  loading: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  create(input: MethodInput<'users.create'>): Promise<Envelope<UserSummary>>;
  update(input: MethodInput<'users.update'>): Promise<Envelope<UserSummary>>;
  resetPassword(id: string, password: string): Promise<Envelope<unknown>>;
}

export const useAccounts = create<AccountsState>((set, get) => ({
  users: [],
  loading: false,
  error: null,
  async load() {
    set({ loading: true, error: null });
    const r = await api.call('users.list', {});
    set(r.ok ? { users: r.data.users, loading: false } : { error: r.error, loading: false });
  },
  async create(input) {
    const r = await api.call('users.create', input);
    if (r.ok) await get().load();
    return r;
  },
  async update(input) {
    const r = await api.call('users.update', input);
    if (r.ok) await get().load();
    return r;
  },
  async resetPassword(id, password) {
    const r = await api.call('users.resetPassword', { id, password });
    if (r.ok) await get().load();
    return r;
  },
}));
