import type { Messages } from './keys';
import type { importZhCN } from './import.zh-CN';

export const importEnUS: Messages<typeof importZhCN> = {
  placeholder: '(to be written)',
};
