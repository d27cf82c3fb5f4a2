// Numbers of the results screen: points in tenths, means in hundredths of a point and shares in
// hundredths of a percent, as core/results gives them, shown with two decimals.
import { formatPoints } from '../../../core/standards/model';

export const pts = formatPoints;

/** A mean in hundredths of a point, to two decimals ("86.25"); "—" when there is none. */
export const mean2 = (hundredths: number | null) =>
  hundredths === null ? '—' : (hundredths / 100).toFixed(2);

/** A share in hundredths of a percent, to two decimals ("33.33"). */
export const percent2 = (hundredths: number | null) =>
  hundredths === null ? '—' : (hundredths / 100).toFixed(2);

/** A fraction (0–1) as a percent with one decimal ("12.5"). */
export const fraction1 = (share: number) => (share * 100).toFixed(1);

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  png: 'image/png',
  pdf: 'application/pdf',
} as const;
