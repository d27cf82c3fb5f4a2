// Routes of the main window. Every area is guarded by role here for the UI; the API refuses the
// same calls on its own (the dispatcher checks roles), so the guard is a courtesy, not security.
import { createHashRouter } from 'react-router';
import { Forbidden, NotBuilt } from '../components/Placeholders';
import { useAuth } from '../features/auth/store';
import { AuditPage } from '../features/audit/AuditPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CasesPage } from '../features/cases/CasesPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { RectificationPage } from '../features/rectification/RectificationPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ReviewPage } from '../features/review/ReviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StandardsPage } from '../features/standards/StandardsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { AppShell } from './AppShell';
import { AREAS, type Area, type AreaKey } from './areas';

const PAGES: Partial<Record<AreaKey, () => React.ReactNode>> = {
  dashboard: () => <DashboardPage />,
  cases: () => <CasesPage />,
  people: () => <PeoplePage />,
  standards: () => <StandardsPage />,
  campaigns: () => <CampaignsPage />,
  review: () => <ReviewPage />,
  myTasks: () => <TasksPage />,
  reports: () => <ReportsPage />,
  rectification: () => <RectificationPage />,
  audit: () => <AuditPage />,
  settings: () => <SettingsPage />,
};

function AreaGate({ area }: { area: Area }) {
  const role = useAuth((s) => s.user?.role);
  if (!role || !area.roles.includes(role)) return <Forbidden area={area.key} />;
  const page = area.built ? PAGES[area.key] : undefined;
  return page ? page() : <NotBuilt area={area.key} />;
}

export function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <AppShell />,
      children: [
        ...AREAS.map((area) =>
          area.path === '/'
            ? { index: true, element: <AreaGate area={area} /> }
            : { path: `${area.path.slice(1)}/*`, element: <AreaGate area={area} /> },
        ),
        { path: '*', element: <AreaGate area={AREAS[0]!} /> },
      ],
    },
  ]);
}
