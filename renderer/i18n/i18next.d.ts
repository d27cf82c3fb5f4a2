// Typed translation keys: t('no.such.key') is a type error.
import 'i18next';
import type { zhCN } from '../../core/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
