// The demo workspace (载入示例数据): offered on the first-run page of an empty workspace. Once
// loaded, the app starts over (app.status) and shows the login page with the demo accounts.
import { create } from 'zustand';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { api } from '../../api/client';
import { useAuth } from '../auth/store';

type DemoResult = MethodOutput<'demo.load'>;

interface DemoState {
  loading: boolean;
  error: ApiError | null;
  /** Loads the demo workspace and, when it worked, goes on to the login page. */
  load(): Promise<DemoResult | null>;
}

export const useDemo = create<DemoState>((set) => ({
  loading: false,
  error: null,
  async load() {
    set({ loading: true, error: null });
    const r = await api.call('demo.load', {});
    set({ loading: false, error: r.ok ? null : r.error });
    if (!r.ok) return null;
    await useAuth.getState().init();
    return r.data;
  },
}));
