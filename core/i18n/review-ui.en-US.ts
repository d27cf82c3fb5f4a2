// Strings of the review screens (en-US; keys as in review-ui.zh-CN.ts).
import type { Messages } from './keys';
import type { reviewUiZhCN } from './review-ui.zh-CN';

export const reviewUiEnUS: Messages<typeof reviewUiZhCN> = {
  title: 'Progress & review',
};
