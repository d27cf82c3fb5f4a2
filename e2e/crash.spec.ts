// The crash test (issue 6): evaluators' rapid edits stream through the HTTP API, the server is
// killed with SIGKILL in the middle of the stream, restarted on the same data folder, and every
// save it acknowledged is found in the database, with exactly the content that was sent.
import { expect, test } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { scoringCampaign } from '../electron/services/scoring/fixture';
import { startServer, type AppServer } from './support/server';

test.setTimeout(180_000);

interface Ack {
  sheetId: string;
  revision: number;
  content: { findings: unknown[]; comments: string; highlights: string };
}

test('every acknowledged save survives a SIGKILL of the server mid-stream', async () => {
  let server: AppServer | null = await startServer();
  const dataDir = server.dataDir;
  try {
    const first = server;
    const ok = async <T>(method: string, input: unknown = {}, session?: string): Promise<T> => {
      const { body } = await first.rpc(method, input, { session });
      if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
      return body.data as T;
    };
    await ok('demo.load', { campaign: false });
    const { token } = await ok<{ token: string }>('auth.login', {
      username: 'zuzhi',
      password: DEMO_PASSWORD,
    });
    const campaign = await scoringCampaign(ok, token);

    // Each evaluator edits the first of their sheets: one writer per sheet, as in the app.
    const writers: { session: string; sheetId: string }[] = [];
    for (const e of campaign.evaluators.values()) {
      const { campaigns } = await ok<{ campaigns: { tasks: { sheetId: string }[] }[] }>(
        'tasks.mine',
        {},
        e.session,
      );
      const task = campaigns[0]?.tasks[0];
      if (task) writers.push({ session: e.session, sheetId: task.sheetId });
    }
    expect(writers.length).toBeGreaterThanOrEqual(3);

    const acks: Ack[] = [];
    let killed = false;
    const KILL_AFTER = 150;
    const stream = async (w: { session: string; sheetId: string }) => {
      for (let revision = 1; !killed; revision++) {
        const content = {
          findings: [],
          comments: `第${revision}次修改：${'询问笔录'.repeat(revision % 7)}`,
          highlights: '',
        };
        try {
          const r = await first.rpc(
            'sheets.save',
            { sheetId: w.sheetId, revision, content },
            { session: w.session },
          );
          if (r.body.ok) acks.push({ sheetId: w.sheetId, revision, content });
        } catch {
          return; // the connection died with the server
        }
        if (acks.length >= KILL_AFTER && !killed) {
          killed = true;
          await first.kill('SIGKILL');
        }
      }
    };
    await Promise.all(writers.map(stream));
    expect(killed).toBe(true);
    expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restart on the same workspace.
    server = await startServer({ dataDir });
    const again = server;
    const relogin = async (username: string) =>
      (
        (await again.call('auth.login', { username, password: DEMO_PASSWORD })) as {
          token: string;
        }
      ).token;
    const coordinator = await relogin('zuzhi');
    const missing: string[] = [];
    const bySheet = new Map<string, Ack[]>();
    for (const a of acks) bySheet.set(a.sheetId, [...(bySheet.get(a.sheetId) ?? []), a]);
    for (const [sheetId, list] of bySheet) {
      const { versions } = (await again.call('sheets.versions', { sheetId }, coordinator)) as {
        versions: { revision: number; content: Ack['content'] }[];
      };
      const stored = new Map(versions.map((v) => [v.revision, v.content]));
      for (const a of list) {
        const c = stored.get(a.revision);
        if (!c || c.comments !== a.content.comments) missing.push(`${sheetId}@${a.revision}`);
      }
      // Nothing acknowledged is newer than what the workspace holds after the restart.
      const newest = Math.max(...list.map((a) => a.revision));
      const versionsMax = Math.max(...versions.map((v) => v.revision));
      expect(versionsMax).toBeGreaterThanOrEqual(newest);
    }
    expect(missing).toEqual([]);
    test.info().annotations.push({
      type: 'figures',
      description: `${acks.length} acknowledged saves over ${writers.length} sheets before SIGKILL; all found after restart`,
    });
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
});
