// UI preferences: the language. Kept on this device and, when signed in, on the account.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import { api } from '../../api/client';
import { applyLocale, initI18n } from '../../i18n';

interface PreferencesState {
  locale: Locale;
  /** Switches the UI language now; remembers it on the account when signed in. */
  setLocale(locale: Locale, opts?: { persistToAccount?: boolean }): Promise<void>;
}

export const usePreferences = create<PreferencesState>((set) => ({
  locale: initI18n(),
  async setLocale(locale, opts = { persistToAccount: true }) {
    applyLocale(locale);
    set({ locale });
    if (opts.persistToAccount && api.hasSession()) {
      await api.call('account.setLocale', { locale });
    }
  },
}));
