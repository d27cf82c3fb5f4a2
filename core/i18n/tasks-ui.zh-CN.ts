// Strings of the tasks screens (zh-CN).
export const tasksUiZhCN = {
  title: '我的评查任务',
} as const;
