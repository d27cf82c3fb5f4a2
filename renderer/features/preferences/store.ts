// UI preferences: the language. Kept on this device and, when signed in, on the account.
// Whose choice wins: a language picked on the login page is the user's latest word and is saved
// to the account at login; otherwise the account's language applies at login (several people
// may share one machine). On a reload within a session, this device's choice stands.
import { create } from 'zustand';
import type { Locale } from '../../../core/accounts/schemas';
import { api } from '../../api/client';
import { applyLocale, initI18n } from '../../i18n';

interface PreferencesState {
  locale: Locale;
  /** True when the language was picked while signed out, so it must win at the next login. */
  pickedSignedOut: boolean;
  /** Switches the UI language now; remembers it on the account when signed in. */
  setLocale(locale: Locale): Promise<void>;
  /** Applies the account's language at login, or saves the one picked on the login page. */
  reconcileAtLogin(accountLocale: Locale | null): Promise<void>;
  /** On a reload within a session: keep this device's language, and tell the account. */
  reconcileOnResume(accountLocale: Locale | null): Promise<void>;
}

export const usePreferences = create<PreferencesState>((set, get) => ({
  locale: initI18n(),
  pickedSignedOut: false,
  async setLocale(locale) {
    applyLocale(locale);
    const signedIn = api.hasSession();
    set({ locale, pickedSignedOut: !signedIn });
    if (signedIn) await api.call('account.setLocale', { locale });
  },
  async reconcileAtLogin(accountLocale) {
    const { locale, pickedSignedOut } = get();
    set({ pickedSignedOut: false });
    if (pickedSignedOut || !accountLocale) {
      if (accountLocale !== locale) await api.call('account.setLocale', { locale });
      return;
    }
    if (accountLocale !== locale) {
      applyLocale(accountLocale);
      set({ locale: accountLocale });
    }
  },
  async reconcileOnResume(accountLocale) {
    const { locale } = get();
    if (accountLocale !== locale) await api.call('account.setLocale', { locale });
  },
}));
