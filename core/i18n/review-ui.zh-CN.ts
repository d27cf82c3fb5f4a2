// Strings of the review screens (zh-CN).
export const reviewUiZhCN = {
  title: '评查进度与复核',
} as const;
