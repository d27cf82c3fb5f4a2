// 部门与人员: departments, the evaluator pool, import history. The tab is part of the address
// (#/people, #/people/pool, #/people/imports), so a reload or a link keeps it.
import { Card, Tabs } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DepartmentsTab } from './DepartmentsTab';
import { ImportsTab } from './ImportsTab';
import { PeopleTab } from './PeopleTab';
import { usePeople } from './store';

const TABS = ['departments', 'pool', 'imports'] as const;
type TabKey = (typeof TABS)[number];

function tabOf(rest: string | undefined): TabKey {
  const first = rest?.split('/')[0];
  return TABS.find((k) => k === first) ?? 'departments';
}

export function PeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tab = tabOf(useParams()['*']);
  const { error, reload, departmentCount, peopleCount } = usePeople(
    useShallow((s) => ({
      error: s.error,
      reload: s.reload,
      departmentCount: s.departments.length,
      peopleCount: s.people.length,
    })),
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const counts: Record<TabKey, number | null> = {
    departments: departmentCount,
    pool: peopleCount,
    imports: null,
  };

  return (
    <Card data-testid="people-page" styles={{ body: { paddingTop: 8 } }}>
      <ErrorAlert error={error} testId="people-error" />
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(k === 'departments' ? '/people' : `/people/${k}`)}
        items={TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`people-tab-${k}`}>
              {t(`people.tabs.${k}`)}
              {counts[k] !== null ? (
                <span style={{ marginLeft: 6, color: '#8a94a6' }}>{counts[k]}</span>
              ) : null}
            </span>
          ),
          children:
            k === 'departments' ? (
              <DepartmentsTab />
            ) : k === 'pool' ? (
              <PeopleTab />
            ) : (
              <ImportsTab />
            ),
        }))}
      />
    </Card>
  );
}
