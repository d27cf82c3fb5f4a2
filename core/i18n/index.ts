import type { Locale } from '../accounts/schemas';
import { enUS } from './en-US';
import type { Messages } from './keys';
import { zhCN } from './zh-CN';

export type { MessageKey, Messages } from './keys';
export { zhCN, enUS };

export const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

/**
 * Minimal translator for code outside React (server-side messages, exports): looks the key up
 * and fills {{param}} placeholders. The renderer uses i18next with the same dictionaries.
 */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, unknown> = {},
): string {
  let node: unknown = dictionaries[locale];
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) =>
    name in params ? String(params[name]) : `{{${name}}}`,
  );
}
