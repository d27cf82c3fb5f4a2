// Loads the demo workspace: a district with 30 departments, ~90 evaluators, 2,000 case files and
// a few accounts with documented passwords. Only on a workspace without accounts.
import { DEFAULT_LOCALE } from '../../../core/accounts/schemas';
import type { DemoInfo } from '../../../core/api/methods/demo';
import { AppError } from '../../../core/api/errors';
import {
  DEMO_DEPARTMENTS,
  DEMO_ORG_NAME,
  DEMO_PASSWORD,
  demoAccounts,
  generateCases,
  generatePeople,
} from '../../../core/demo/generate';
import { hashPassword } from '../auth/passwords';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { caseWriteOf } from '../import/importer';
import { loadDemoCampaign, loadFinishedDemoCampaign } from '../scoring/demo-campaign';
import { SETTING_DEFAULT_LOCALE, SETTING_DEMO, SETTING_ORG_NAME } from '../settings-keys';
import { campaignHandlers } from './campaigns';
import { scoringHandlers } from './scoring';

export const DEMO_CASE_COUNT = 2000;

export function readDemoInfo(app: AppContext): DemoInfo | null {
  const raw = app.repos.settings.get(SETTING_DEMO);
  return raw ? (JSON.parse(raw) as DemoInfo) : null;
}

export function demoHandlers(app: AppContext): HandlerGroup<'demo.load'> {
  return {
    'demo.load': async (input, call) => {
      if (app.repos.users.count() > 0) throw new AppError('SETUP_DONE', 'workspace already set up');
      call.progress('demo.phase.generating', 0, null);
      const people = generatePeople();
      const cases = generateCases(DEMO_CASE_COUNT);
      const accounts = demoAccounts(people);
      const hashes = await Promise.all(accounts.map(() => hashPassword(DEMO_PASSWORD)));
      const info: DemoInfo = {
        password: DEMO_PASSWORD,
        accounts: accounts.map((a) => ({
          username: a.username,
          displayName: a.displayName,
          role: a.role,
        })),
      };
      app.tx(() => {
        if (app.repos.users.count() > 0)
          throw new AppError('SETUP_DONE', 'workspace already set up');
        const { repos } = app;
        const now = app.now().toISOString();
        repos.settings.set(SETTING_ORG_NAME, DEMO_ORG_NAME);
        repos.settings.set(SETTING_DEFAULT_LOCALE, DEFAULT_LOCALE);
        repos.settings.set(SETTING_DEMO, JSON.stringify(info));
        const deptIds = new Map<string, string>();
        for (const d of DEMO_DEPARTMENTS) {
          const id = app.newId();
          deptIds.set(d.name, id);
          repos.departments.create({
            id,
            name: d.name,
            shortName: d.shortName,
            kind: 'government',
            active: true,
            now,
          });
        }
        // Abbreviations seen in real exports, recorded once as aliases.
        repos.departments.addAlias('东湖区市场监管局', deptIds.get('东湖区市场监督管理局')!, now);
        repos.departments.addAlias(
          '东湖区城管局',
          deptIds.get('东湖区城市管理综合行政执法局')!,
          now,
        );
        const personIds = people.map(() => app.newId());
        const userIds = accounts.map(() => app.newId());
        accounts.forEach((a, i) => {
          repos.users.create({
            id: userIds[i]!,
            username: a.username,
            displayName: a.displayName,
            role: a.role,
            passwordHash: hashes[i]!,
            locale: null,
            now,
          });
        });
        people.forEach((p, i) => {
          const account = accounts.findIndex((a) => a.personIndex === i);
          repos.people.insert(
            {
              id: personIds[i]!,
              name: p.name,
              departmentId: deptIds.get(p.departmentName)!,
              position: p.position,
              legalOfficer: p.legalOfficer,
              certNo: p.certNo,
              phone: p.phone,
              expertise: [],
              active: true,
              userId: account >= 0 ? userIds[account]! : null,
              notes: null,
              batchId: null,
            },
            now,
          );
        });
        for (const c of cases) {
          repos.cases.insert(
            caseWriteOf(c, deptIds.get(c.departmentName)!, app.newId(), null, null),
            now,
          );
        }
        app.audit(null, 'demo.loaded', null, {
          departments: DEMO_DEPARTMENTS.length,
          people: people.length,
          cases: cases.length,
          accounts: info.accounts.map((a) => a.username),
        });
      });
      if (input.campaign) {
        // The finished campaign first (last year's), then the one in progress.
        const cast = [
          app,
          { ...campaignHandlers(app), ...scoringHandlers(app) },
          accounts.find((a) => a.role === 'coordinator')!.username,
          accounts.filter((a) => a.role === 'evaluator').map((a) => a.username),
        ] as const;
        await loadFinishedDemoCampaign(...cast);
        await loadDemoCampaign(...cast);
      }
      call.progress('demo.phase.generating', 1, 1);
      return {
        ...info,
        counts: {
          departments: DEMO_DEPARTMENTS.length,
          people: people.length,
          cases: cases.length,
        },
      };
    },
  };
}
