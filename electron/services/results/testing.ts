// Test helpers for the results documents: the demo workspace with its campaign in progress, the
// two files flagged for 复核 settled through the API (keep the stricter sheet), so that most files
// are final, some are still open, and the model has excellent files, problems and a ranking.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { ZipReader } from '../import/zip';
import type { TestApp } from '../testing';

export interface ResultsWorkspace {
  session: string;
  campaignId: string;
}

export async function resultsWorkspace(t: TestApp): Promise<ResultsWorkspace> {
  await t.ok('demo.load', { campaign: true });
  const { token: session } = await t.ok<{ token: string }>('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const { campaigns } = await t.ok<{ campaigns: { id: string; status: string }[] }>(
    'campaigns.list',
    {},
    session,
  );
  const campaignId = campaigns.find((c) => c.status === 'scoring')!.id;
  const { files } = await t.ok<{ files: { caseId: string; result: { state: string } }[] }>(
    'review.list',
    { campaignId },
    session,
  );
  for (const f of files.filter((x) => x.result.state === 'review')) {
    const r = await t.ok<{ sheets: { id: string; kind: string; score: { total: number } }[] }>(
      'review.file',
      { campaignId, caseId: f.caseId },
      session,
    );
    await t.ok(
      'review.decide',
      {
        decision: 'keep',
        campaignId,
        caseId: f.caseId,
        // The stricter sheet (lower total): a choice that does not depend on generated ids.
        sheetId: r.sheets
          .filter((s) => s.kind === 'evaluator')
          .sort((a, b) => a.score.total - b.score.total)[0]!.id,
        reason: '经复核，采纳第一位评查人员的评分',
      },
      session,
    );
  }
  return { session, campaignId };
}

export const unzipText = (bytes: Uint8Array, name: string) => new ZipReader(bytes).readText(name);

/** The first binary of `names` on PATH, or null. */
export function which(...names: string[]): string | null {
  for (const n of names) {
    for (const dir of (process.env.PATH ?? '').split(':')) {
      if (dir && existsSync(`${dir}/${n}`)) return `${dir}/${n}`;
    }
  }
  return null;
}

/** Converts a DOCX to PDF with LibreOffice (headless) in `dir`; returns the PDF's path. */
export function toPdf(soffice: string, docx: string, dir: string): string {
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return docx.replace(/\.docx$/, '.pdf').replace(/^.*\//, `${dir}/`);
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}
