// The test fixtures every browser-mode spec uses: a fresh server (own process, own data folder)
// per test, and optionally a coordinator account created through the API.
import { test as base, expect } from '@playwright/test';
import { startServer, type AppServer } from './server';

export interface Account {
  orgName: string;
  displayName: string;
  username: string;
  password: string;
}

export interface Coordinator extends Account {
  /** Session token returned by setup.createCoordinator. */
  session: string;
}

export const COORDINATOR: Account = {
  orgName: '东湖区司法局',
  displayName: '王明',
  username: 'wangming',
  password: 'Secret-2024',
};

interface Fixtures {
  server: AppServer;
  coordinator: Coordinator;
}

export const test = base.extend<Fixtures>({
  // Any uncaught exception in the page fails the test, whatever the test itself checks.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  // Test-scoped on purpose: no two tests ever share a server or a workspace.
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the object pattern here
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server-output.txt', {
          body: server.output(),
          contentType: 'text/plain',
        });
      }
      await server.stop();
    }
  },
  coordinator: async ({ server }, use) => {
    const session = await server.call('setup.createCoordinator', {
      ...COORDINATOR,
      locale: 'zh-CN',
    });
    await use({ ...COORDINATOR, session: session.token });
  },
});

export { expect };
