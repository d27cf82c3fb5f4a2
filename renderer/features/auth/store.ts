// Who is using the app: workspace status (first run or not), the session user, login/logout.
// The pattern every feature store follows: state + async actions that call the API and keep
// the last error as an ApiError for the UI to render.
import { create } from 'zustand';
import type { SessionUser } from '../../../core/accounts/schemas';
import type { MethodInput, MethodOutput } from '../../../core/api/contract';
import type { ApiError, Envelope } from '../../../core/api/errors';
import type { MessageKey } from '../../../core/i18n';
import { api } from '../../api/client';
import { usePreferences } from '../preferences/store';

type AppStatus = MethodOutput<'app.status'>;

export type AuthPhase = 'loading' | 'setup' | 'login' | 'ready' | 'unavailable';

interface AuthState {
  phase: AuthPhase;
  status: AppStatus | null;
  user: SessionUser | null;
  /** A message to show on the login page (e.g. the session expired). */
  notice: MessageKey | null;
  loadError: ApiError | null;
  init(): Promise<void>;
  setup(input: MethodInput<'setup.createCoordinator'>): Promise<Envelope<unknown>>;
  login(username: string, password: string): Promise<Envelope<unknown>>;
  /** Signs in with a session another call created (importing a task package makes the account). */
  adopt(session: MethodOutput<'auth.login'>): Promise<void>;
  logout(): Promise<void>;
}

export const useAuth = create<AuthState>((set, get) => ({
  phase: 'loading',
  status: null,
  user: null,
  notice: null,
  loadError: null,

  async init() {
    set({ phase: 'loading', loadError: null });
    const status = await api.call('app.status', {});
    if (!status.ok) {
      set({ phase: 'unavailable', loadError: status.error });
      return;
    }
    if (status.data.setupRequired) {
      api.setSession(null);
      set({ phase: 'setup', status: status.data, user: null });
      return;
    }
    if (api.hasSession()) {
      const me = await api.call('auth.me', {});
      if (me.ok) {
        void usePreferences.getState().reconcileOnResume(me.data.locale);
        set({ phase: 'ready', status: status.data, user: me.data });
        return;
      }
    }
    set({ phase: 'login', status: status.data, user: null });
  },

  async setup(input) {
    const r = await api.call('setup.createCoordinator', input);
    if (r.ok) {
      api.setSession(r.data.token);
      usePreferences.setState({ pickedSignedOut: false }); // setup saved this language on the account
      const status = await api.call('app.status', {});
      set({
        phase: 'ready',
        user: r.data.user,
        status: status.ok ? status.data : get().status,
        notice: null,
      });
    }
    return r;
  },

  async login(username, password) {
    const r = await api.call('auth.login', { username, password });
    if (r.ok) {
      api.setSession(r.data.token);
      await usePreferences.getState().reconcileAtLogin(r.data.user.locale);
      set({ phase: 'ready', user: r.data.user, notice: null });
    }
    return r;
  },

  async adopt(session) {
    api.setSession(session.token);
    usePreferences.setState({ pickedSignedOut: false });
    const status = await api.call('app.status', {});
    set({
      phase: 'ready',
      user: session.user,
      status: status.ok ? status.data : get().status,
      notice: null,
    });
  },

  async logout() {
    await api.call('auth.logout', {});
    api.setSession(null);
    window.location.hash = '#/';
    set({ phase: 'login', user: null, notice: null });
  },
}));

api.onSessionLost(() => {
  if (useAuth.getState().phase === 'ready') {
    useAuth.setState({ phase: 'login', user: null, notice: 'shell.sessionExpired' });
  }
});
