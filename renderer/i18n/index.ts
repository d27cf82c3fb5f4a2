// i18next over the dictionaries in core/i18n (zh-CN is the source), plus the matching antd and
// dayjs locales.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../core/accounts/schemas';
import { enUS, zhCN } from '../../core/i18n';

const STORAGE_KEY = 'app.locale';

export const antdLocales: Record<Locale, AntdLocale> = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd };
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

export function storedLocale(): Locale | null {
  const v = localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(v ?? '') ? (v as Locale) : null;
}

export function applyLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  localStorage.setItem(STORAGE_KEY, locale);
}

export function initI18n(): Locale {
  const locale = storedLocale() ?? DEFAULT_LOCALE;
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  return locale;
}

export { i18next };
