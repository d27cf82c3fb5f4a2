// Issue 7 figures: the evaluation notice (DOCX) and the score workbook (XLSX) for a campaign of
// 1,000 files and 200 evaluators, each through the dispatcher (read the campaign, build the
// results model, write the document), beside a baseline measured in the same run: building the
// results model alone (for the notice) and writing the same rows with a bare exceljs workbook
// (for the workbook).
//
// The population is made quickly: registry rows, the campaign's files, evaluators and
// assignments, two submitted sheets per file (scored with core score()) and each file's result
// (core compareSheets(), as the services settle it) are written straight through the
// repositories — going through sheets.save / sheets.submit 2,000 times would measure scoring,
// not the results.
import ExcelJS from 'exceljs';
import { SettingsSchema } from '../../core/campaigns/schemas';
import { generateCases, generatePeople } from '../../core/demo/generate';
import { typicalFinding } from '../../core/demo/findings';
import { buildResults } from '../../core/results/results';
import { compareSheets } from '../../core/scoring/discrepancy';
import type { FindingInput, TemplateContent } from '../../core/standards/model';
import { FindingSchema } from '../../core/standards/model';
import { score } from '../../core/standards/score';
import { caseWriteOf } from '../../electron/services/import/importer';
import { loadCampaignResults } from '../../electron/services/results/load';
import { parseContent } from '../../electron/services/standards/content';
import { benchApp } from '../app';
import { figure, measureInterleaved, type Figure } from '../harness';

const FILES = 1000;
const EVALUATORS = 200;

export async function resultsSuite(): Promise<Figure[]> {
  const w = await benchApp();
  const ctx = w.app.context;
  const { repos } = ctx;
  const ok = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await w.app.dispatch({ method, input, session: w.session });
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };

  // More than FILES: only the types with a default template (penalty, permit) are drawn.
  const cases = generateCases(Math.round(FILES * 1.3), { seed: 7 });
  // 30 departments × 8 people: 240 in the pool, 200 in the campaign.
  const people = generatePeople(2025, 8);
  const now = new Date().toISOString();
  const deptIds = new Map<string, string>();
  const personIds: string[] = [];
  const caseRows: { id: string; caseType: string }[] = [];
  ctx.tx(() => {
    for (const name of new Set([
      ...cases.map((c) => c.departmentName),
      ...people.map((p) => p.departmentName),
    ])) {
      const id = ctx.newId();
      deptIds.set(name, id);
      repos.departments.create({
        id,
        name,
        shortName: null,
        kind: 'government',
        active: true,
        now,
      });
    }
    for (const p of people) {
      const id = ctx.newId();
      personIds.push(id);
      repos.people.insert(
        {
          id,
          name: p.name,
          departmentId: deptIds.get(p.departmentName)!,
          position: p.position,
          legalOfficer: p.legalOfficer,
          certNo: p.certNo,
          phone: p.phone,
          expertise: [],
          active: true,
          userId: null,
          notes: null,
          batchId: null,
        },
        now,
      );
    }
    for (const c of cases) {
      const id = ctx.newId();
      caseRows.push({ id, caseType: c.caseType });
      repos.cases.insert(caseWriteOf(c, deptIds.get(c.departmentName)!, id, null, null), now);
    }
  });

  const c = await ok<{ id: string; settings: unknown }>('campaigns.create', {
    name: '2026年度行政执法案卷评查（基准）',
    year: 2026,
  });
  const settings = SettingsSchema.parse(c.settings);
  const templates = new Map<string, { versionId: string; content: TemplateContent }>();
  for (const [type, versionId] of Object.entries(settings.templates)) {
    templates.set(type, {
      versionId,
      content: parseContent(repos.standards.version(versionId)!.content),
    });
  }
  const files = caseRows.filter((r) => templates.has(r.caseType)).slice(0, FILES);
  const evaluators = personIds.slice(0, EVALUATORS);

  ctx.tx(() => {
    repos.campaigns.replaceFiles(
      c.id,
      files.map((f) => ({ caseId: f.id, stream: null, counter: null, mustIncludeReason: 'bench' })),
    );
    repos.campaigns.replaceEvaluators(
      c.id,
      evaluators.map((personId) => ({ personId, counter: null, mustIncludeReason: 'bench' })),
    );
    const assignments = files.flatMap((f, i) =>
      [0, 1].map((k) => ({
        id: ctx.newId(),
        caseId: f.id,
        personId: evaluators[(2 * i + k) % EVALUATORS]!,
      })),
    );
    repos.campaigns.replaceAssignments(
      c.id,
      assignments,
      repos.users.findByUsername('bench')!.id,
      now,
    );
    repos.campaigns.setStatus(c.id, 'scoring', now);

    files.forEach((f, i) => {
      const t = templates.get(f.caseType)!;
      const items = t.content.categories
        .flatMap((x) => x.items)
        .filter((it) => it.mode === 'per_occurrence');
      const findingsFor = (salt: number): FindingInput[] =>
        Array.from({ length: (i + salt) % 5 }, (_, k) => {
          const item = items[(i * 7 + k * 5 + salt) % items.length]!;
          return {
            kind: 'item' as const,
            code: item.code,
            count: 1,
            ...typicalFinding(item, i + k),
            pages: String(5 + k),
          };
        }).filter((x, k, all) => all.findIndex((y) => y.code === x.code) === k);
      const scored = [0, 1].map((k) => {
        const findings = findingsFor(k).map((x) => FindingSchema.parse(x));
        const result = score(t.content, findings);
        const id = ctx.newId();
        repos.scoring.insert({
          id,
          campaignId: c.id,
          caseId: f.id,
          kind: 'evaluator',
          personId: evaluators[(2 * i + k) % EVALUATORS]!,
          templateVersionId: t.versionId,
          status: 'submitted',
          revision: 1,
          content: JSON.stringify({ findings, comments: '', highlights: '' }),
          total: result.total,
          bandIndex: result.bandIndex,
          grade: result.grade,
          veto: result.vetoHits.length ? 1 : 0,
          authorId: null,
          savedAt: now,
          submittedAt: now,
          now,
        });
        return { sheetId: id, result };
      });
      const cmp = compareSheets(t.content, scored, settings.threshold);
      repos.scoring.putResult({
        campaignId: c.id,
        caseId: f.id,
        state: cmp.final ? 'final' : 'review',
        flags: JSON.stringify(cmp.flags),
        info: JSON.stringify(cmp.info),
        total: cmp.final?.total ?? null,
        bandIndex: cmp.final?.bandIndex ?? null,
        grade: cmp.final?.grade ?? null,
        decision: cmp.final ? 'mean' : null,
        keptSheetId: null,
        arbiterId: null,
        reason: null,
        decidedAt: cmp.final ? now : null,
      });
    });
  });

  const notice = {
    issuer: '东湖区司法局',
    docNumber: { code: '东司通', year: 2026, serial: 5 },
    recipients: '各行政执法部门',
    date: '2026-01-05',
    paragraphs: { basis: ['根据有关规定开展评查。'], nextSteps: ['加强培训。'] },
    cc: '市司法局',
    printer: '东湖区司法局办公室',
  };
  const sizes = { notice: 0, workbook: 0 };
  const noticeDocx = async () => {
    const r = await ok<{ bytes: Uint8Array }>('results.noticeDocx', { campaignId: c.id, notice });
    sizes.notice = r.bytes.length;
  };
  const workbook = async () => {
    const r = await ok<{ bytes: Uint8Array }>('results.workbook', { campaignId: c.id });
    sizes.workbook = r.bytes.length;
  };
  // Baselines: the model alone (from the input as loaded once), and the same rows in a bare
  // exceljs workbook (no styles, no formats, no frozen panes).
  const loaded = loadCampaignResults(repos, c.id);
  const model = () => buildResults(loaded.input);
  const m0 = model();
  const fileRows = m0.files.map((f) => [
    f.caseNo,
    f.departmentName,
    f.caseTypeName,
    f.title,
    (loaded.evaluatorsOf.get(f.caseId) ?? []).join('、'),
    ...f.sheets.map((s) => s.total / 10),
    f.final ? f.final.total / 10 : null,
    f.final?.grade ?? null,
    f.final ? (f.final.veto ? '是' : '否') : null,
    f.state,
    f.problems
      .slice(0, 5)
      .map((p) => p.text)
      .join('；'),
  ]);
  const deptRows = m0.departments.map((d) => [
    d.rank,
    d.departmentName,
    d.files,
    d.finalFiles,
    d.meanHundredths === null ? null : d.meanHundredths / 100,
    d.grade?.name ?? null,
    ...d.grades.map((g) => g.count),
    d.vetoFiles,
    d.problems.problems,
  ]);
  const bareExcel = async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('files');
    for (const r of fileRows) a.addRow(r);
    const b = wb.addWorksheet('departments');
    for (const r of deptRows) b.addRow(r);
    await wb.xlsx.writeBuffer();
  };
  // Split of the notice's time: reading + model, and writing the DOCX.
  const split = { load: 0, runs: 0 };
  const loadOnly = () => {
    const t0 = performance.now();
    loadCampaignResults(repos, c.id);
    split.load += performance.now() - t0;
    split.runs++;
  };

  const n = await measureInterleaved(
    { noticeDocx, model, loadOnly },
    { rounds: 3, perRound: 2, warmup: 1 },
  );
  const x = await measureInterleaved(
    { workbook, bareExcel },
    { rounds: 3, perRound: 2, warmup: 1 },
  );
  w.cleanup();

  const label = `${m0.files.length} files, ${EVALUATORS} evaluators, ${m0.departments.length} departments`;
  return [
    figure(
      'Results: the evaluation notice (results.noticeDocx, in-process)',
      `${label} (target ≤ 2 s)`,
      n.noticeDocx.meanUs / 1e6,
      's',
      'buildResults alone',
      n.model.meanUs / 1e6,
      {
        read_and_model_ms: split.load / split.runs,
        final_files: m0.totals.finalFiles,
        problems: m0.problems.problems,
        docx_bytes: sizes.notice,
        p99_s: n.noticeDocx.p99Us / 1e6,
      },
    ),
    figure(
      'Results: the score workbook (results.workbook, in-process)',
      `${label} (target ≤ 2 s)`,
      x.workbook.meanUs / 1e6,
      's',
      'same rows, bare exceljs workbook',
      x.bareExcel.meanUs / 1e6,
      { xlsx_bytes: sizes.workbook, p99_s: x.workbook.p99Us / 1e6 },
    ),
  ];
}
