// Layout shared by the tabs of the people page.
import type { CSSProperties } from 'react';

/** Filters on the left, actions on the right, wrapping on narrow windows. */
export const toolbarStyle: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'center',
  gap: 12,
  flexWrap: 'wrap',
};
