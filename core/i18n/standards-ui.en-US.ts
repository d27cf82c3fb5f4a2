import type { Messages } from './keys';
import type { standardsUiZhCN } from './standards-ui.zh-CN';

export const standardsUiEnUS: Messages<typeof standardsUiZhCN> = {
  title: 'Standards',
};
