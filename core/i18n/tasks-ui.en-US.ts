// Strings of the tasks screens (en-US; keys as in tasks-ui.zh-CN.ts).
import type { Messages } from './keys';
import type { tasksUiZhCN } from './tasks-ui.zh-CN';

export const tasksUiEnUS: Messages<typeof tasksUiZhCN> = {
  title: 'My tasks',
};
