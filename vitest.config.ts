import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'db/**/*.test.ts',
      'electron/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
