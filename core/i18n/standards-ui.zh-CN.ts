// Messages of the standards screens (zh-CN source). Merged into zh-CN under `standardsUi`.
export const standardsUiZhCN = {
  title: '评查标准',
} as const;
