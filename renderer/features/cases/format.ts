// How registry values are shown and typed: money is integer fen in the API and 元 on screen,
// dates are plain 'YYYY-MM-DD' strings, sizes in B/KB/MB.
import { tr } from '../../i18n/errors';

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 123456789 fen → '¥1,234,567.89' (integer arithmetic, no floating-point rounding). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${grouped(String(yuan))}.${cents}`;
}

/**
 * 元 as typed (at most two decimals) → fen. Math.round absorbs the binary error of values such
 * as 0.29 × 100 = 28.999999999999996.
 */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** An InputNumber showing 元: thousands separators and two decimals, left alone while typing. */
export const yuanFormatter = (
  value: number | string | undefined,
  info: { userTyping: boolean; input: string },
): string => {
  if (info.userTyping) return info.input;
  if (value === undefined || value === '') return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const [int = '', dec = ''] = n.toFixed(2).split('.');
  return `${grouped(int)}.${dec}`;
};
export const yuanParser = (text: string | undefined): number =>
  Number((text ?? '').replace(/[,\s¥元]/g, ''));

export function formatBytes(n: number): string {
  if (n < 1024) return tr('registry.bytes.b', { n });
  if (n < 1024 * 1024) return tr('registry.bytes.kb', { n: (n / 1024).toFixed(1) });
  return tr('registry.bytes.mb', { n: (n / 1048576).toFixed(1) });
}
