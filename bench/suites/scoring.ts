// Issue 6 figures: the latency of one autosave (an item change) through the dispatcher, beside a
// bare single-row upsert in the same workspace file; and loading the scoring screen's data
// (tasks.open) for a 60-item template, beside reading the same two rows with bare SQL.
import { DEMO_PASSWORD } from '../../core/demo/generate';
import { DEFAULT_PENALTY } from '../../core/standards/defaults';
import type { TemplateContent } from '../../core/standards/model';
import { tempDir } from '../../db/testing';
import { createApp } from '../../electron/services/app';
import { createLogger } from '../../electron/services/logger';
import { scoringCampaign } from '../../electron/services/scoring/fixture';
import { figure, measureInterleaved, type Figure } from '../harness';

/** 6 categories × 10 per-occurrence items = 60 items, 100 points in all. */
function sixtyItems(): TemplateContent {
  const categories = ['A', 'B', 'C', 'D', 'E', 'F'].map((code, ci) => {
    const max = ci < 4 ? 15 : 20;
    return {
      code,
      name: `类别${code}`,
      max: max * 10,
      items: Array.from({ length: 10 }, (_, i) => ({
        code: `${code}${i + 1}`,
        text: `评查项目${code}${i + 1}：文书齐全、内容规范、送达合法`,
        max,
        mode: 'per_occurrence' as const,
        unit: 5,
        overflow: 'cap' as const,
        naFullMarks: false,
        tags: [],
        guidance: '',
      })),
    };
  });
  return { ...DEFAULT_PENALTY, name: '六十项评查标准', categories };
}

export async function scoringSuite(): Promise<Figure[]> {
  const tmp = tempDir('anjuan-bench-');
  const app = await createApp({
    dataDir: tmp.dir,
    appVersion: 'bench',
    log: createLogger({ stderr: false, level: 'error' }),
  });
  const ok = async <T>(method: string, input: unknown = {}, session?: string): Promise<T> => {
    const r = await app.dispatch({ method, input, session });
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  await ok('demo.load', { campaign: false });
  const { token } = await ok<{ token: string }>('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const draft = await ok<{ id: string; contentSha256: string }>(
    'standards.create',
    { name: '六十项评查标准', preset: 'penalty' },
    token,
  );
  await ok(
    'standards.saveDraft',
    { versionId: draft.id, content: sixtyItems(), expectedSha256: draft.contentSha256 },
    token,
  );
  const published = await ok<{ id: string }>('standards.publish', { versionId: draft.id }, token);
  const c = await scoringCampaign(ok, token, {
    files: { penalty: 6 },
    templates: { penalty: published.id },
  });
  const [, evaluator] = [...c.evaluators.entries()][0]!;
  const { campaigns } = await ok<{ campaigns: { tasks: { caseId: string; sheetId: string }[] }[] }>(
    'tasks.mine',
    {},
    evaluator.session,
  );
  const task = campaigns[0]!.tasks[0]!;

  // One item change: the sheet as the screen sends it, with a dozen findings already recorded.
  const findings = Array.from({ length: 12 }, (_, i) => ({
    kind: 'item' as const,
    code: `${'ABCDEF'[Math.floor(i / 2)]}${(i % 2) + 1}`,
    count: 1,
    reason: '送达回证缺少受送达人签名，见卷宗第12页',
    pages: '12',
    tags: [],
  }));
  let revision = 0;
  const save = () => {
    revision++;
    findings[0]!.count = 1 + (revision % 3);
    return ok(
      'sheets.save',
      {
        sheetId: task.sheetId,
        revision,
        content: { findings, comments: '', highlights: '' },
      },
      evaluator.session,
    );
  };
  const db = app.context.db;
  db.exec(
    'CREATE TABLE bench_upsert (id TEXT PRIMARY KEY, n INTEGER NOT NULL, body TEXT NOT NULL) STRICT',
  );
  const upsert = db.prepare(
    'INSERT INTO bench_upsert (id, n, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET n = excluded.n, body = excluded.body',
  );
  const body = JSON.stringify({ findings, comments: '', highlights: '' });
  let n = 0;
  const bareUpsert = () => upsert.run('sheet', ++n, body);
  const saves = await measureInterleaved(
    { save, bareUpsert },
    { rounds: 5, perRound: 400, warmup: 100 },
  );

  const open = () => ok('tasks.open', { campaignId: c.id, caseId: task.caseId }, evaluator.session);
  const sheetRow = db.prepare('SELECT * FROM sheets WHERE id = ?');
  const versionRow = db.prepare('SELECT content FROM template_versions WHERE id = ?');
  const bareRead = () => {
    const s = sheetRow.get(task.sheetId) as { content: string; template_version_id: string };
    const v = versionRow.get(s.template_version_id) as { content: string };
    return [JSON.parse(s.content), JSON.parse(v.content)];
  };
  const reads = await measureInterleaved(
    { open, bareRead },
    { rounds: 5, perRound: 100, warmup: 20 },
  );
  app.close();
  tmp.cleanup();

  const us = (s: { p50Us: number; p99Us: number }) => ({ p50_us: s.p50Us, p99_us: s.p99Us });
  return [
    figure(
      'Scoring: autosave of one item change (sheets.save, in-process)',
      'p50 through the dispatcher',
      saves.save.p50Us / 1000,
      'ms',
      'bare single-row upsert, p50',
      saves.bareUpsert.p50Us / 1000,
    ),
    figure(
      'Scoring: autosave of one item change (sheets.save, in-process)',
      'p99 through the dispatcher (target ≤ 5 ms)',
      saves.save.p99Us / 1000,
      'ms',
      'bare single-row upsert, p99',
      saves.bareUpsert.p99Us / 1000,
      { ...us(saves.save), saves: saves.save.iterations },
    ),
    figure(
      'Scoring: the scoring screen’s data (tasks.open), 60-item template',
      'mean through the dispatcher (target ≤ 20 ms)',
      reads.open.meanUs / 1000,
      'ms',
      'bare SQL read of the sheet and template rows',
      reads.bareRead.meanUs / 1000,
      us(reads.open),
    ),
  ];
}
