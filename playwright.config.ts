// Playwright: the real UI in browser mode, in system Chromium (design §8). Every test starts its
// own server on its own temporary data folder (e2e/fixtures.ts), so tests never share state.
// `npm run build` must have run first. e2e/electron/ holds checks that need the Electron runtime.
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    {
      name: 'browser',
      testMatch: '**/*.spec.ts',
      testIgnore: /[\\/]e2e[\\/]electron[\\/]/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: './e2e/electron',
      testMatch: '**/*.spec.ts',
    },
  ],
});
