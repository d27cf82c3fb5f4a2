// Messages of the catalogue/pool import (zh-CN source). Merged into zh-CN under `import`.
export const importZhCN = {
  placeholder: '（待补充）',
} as const;
