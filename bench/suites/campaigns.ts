// Issue 5 figure: the draw (1,000 files from a 100,000-file population, 200 evaluators from the
// pool) and the assignment (K = 2) in core, beside reading the population from the database the
// way the draw handler does.
import { ScopeSchema } from '../../core/campaigns/schemas';
import { generateCases, generatePeople } from '../../core/demo/generate';
import { drawEvaluators, drawFiles, seedOf } from '../../core/draw/draw';
import { assign } from '../../core/assign/solve';
import { splitList } from '../../core/import/text';
import { drawPopulation } from '../../electron/services/campaigns/population';
import { caseWriteOf } from '../../electron/services/import/importer';
import { benchApp } from '../app';
import { figure, measureInterleaved, type Figure } from '../harness';

const FILES = 100_000;
const SAMPLE = 1000;
const EVALUATORS = 200;
const SEED = seedOf([
  { contributor: 'bench', kind: 'dice', digits: '3546311556112163624615351222' },
]);

export async function campaignsSuite(): Promise<Figure[]> {
  const w = await benchApp();
  const { repos } = w.app.context;
  const cases = generateCases(FILES, { seed: 11 });
  // 30 departments × 8 people: 240 in the pool, 200 drawn.
  const people = generatePeople(2025, 8);
  const now = new Date().toISOString();
  const deptIds = new Map<string, string>();
  const personRows: { id: string; name: string; departmentId: string }[] = [];
  w.app.context.tx(() => {
    for (const name of new Set([
      ...cases.map((c) => c.departmentName),
      ...people.map((p) => p.departmentName),
    ])) {
      const id = w.app.context.newId();
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
      const id = w.app.context.newId();
      const departmentId = deptIds.get(p.departmentName)!;
      personRows.push({ id, name: p.name, departmentId });
      repos.people.insert(
        {
          id,
          name: p.name,
          departmentId,
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
      repos.cases.insert(
        caseWriteOf(c, deptIds.get(c.departmentName)!, w.app.context.newId(), null, null),
        now,
      );
    }
  });
  // Every file of every type and procedure, open or closed: the whole 100,000 is the population.
  const scope = ScopeSchema.parse({
    caseTypes: ['penalty', 'permit', 'coercion'],
    procedures: [],
    closedOnly: false,
  });
  const plan = { kind: 'proportional' as const, total: SAMPLE, min: 5, max: 200 };
  const population = drawPopulation(repos, 'bench', scope).files;
  if (population.length !== FILES) throw new Error(`population ${population.length}`);

  const byId = new Map(personRows.map((p) => [p.id, p]));
  const fileDept = new Map(population.map((f) => [f.id, f.departmentId]));
  const handlers = new Map(
    repos.campaigns.population(scope).map((r) => [r.id, r.handlers ? splitList(r.handlers) : []]),
  );
  const split = { files: 0, evaluators: 0, assignment: 0, runs: 0 };
  const drawAndAssign = () => {
    const t0 = performance.now();
    const files = drawFiles(SEED, population, plan);
    const t1 = performance.now();
    const evaluators = drawEvaluators(SEED, personRows, EVALUATORS);
    const t2 = performance.now();
    const r = assign({
      files: files.selected.map((id) => ({
        id,
        departmentId: fileDept.get(id)!,
        handlers: handlers.get(id)!,
      })),
      people: evaluators.selected.map((id) => byId.get(id)!),
      perFile: 2,
      seed: SEED,
    });
    const t3 = performance.now();
    if (!r.ok || files.selected.length !== SAMPLE) throw new Error('draw or assignment failed');
    split.files += t1 - t0;
    split.evaluators += t2 - t1;
    split.assignment += t3 - t2;
    split.runs++;
    return r.spread;
  };
  const m = await measureInterleaved(
    { read: () => drawPopulation(repos, 'bench', scope), drawAndAssign },
    { rounds: 5, perRound: 2, warmup: 1 },
  );
  w.cleanup();
  return [
    figure(
      'Draw + assignment, 100,000-file population',
      `${SAMPLE} files, ${EVALUATORS} of ${personRows.length} evaluators, K = 2`,
      m.drawAndAssign.meanUs / 1000,
      'ms',
      'read the population from the DB',
      m.read.meanUs / 1000,
      {
        draw_files_ms: split.files / split.runs,
        draw_evaluators_ms: split.evaluators / split.runs,
        assignment_ms: split.assignment / split.runs,
        p99_ms: m.drawAndAssign.p99Us / 1000,
      },
    ),
  ];
}
