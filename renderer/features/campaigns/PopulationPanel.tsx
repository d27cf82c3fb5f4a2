// The population of the saved scope: how many files may be drawn, by case type and by
// department, and how many were left out because earlier campaigns drew them.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useCampaign, type Population } from './campaign-store';

type DepartmentRow = Population['byDepartment'][number];

export function PopulationPanel({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { population, caseTypes, loadPopulation } = useCampaign(
    useShallow((s) => ({
      population: s.population,
      caseTypes: s.refs.caseTypes,
      loadPopulation: s.loadPopulation,
    })),
  );
  const typeName = useMemo(() => {
    const names = new Map(caseTypes.map((c) => [c.code, c.name]));
    return (code: string) => names.get(code) ?? code;
  }, [caseTypes]);
  const types = population?.byType.map((b) => b.caseType) ?? [];

  return (
    <Card
      size="small"
      title={t('campaignsUi.population.title')}
      data-testid="population"
      extra={
        <Button
          size="small"
          type="text"
          icon={<ReloadOutlined />}
          onClick={() => void loadPopulation()}
          aria-label={t('campaignsUi.population.refresh')}
          title={t('campaignsUi.population.refresh')}
        />
      }
    >
      {!population ? null : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Statistic
            title={t('campaignsUi.population.total')}
            value={population.total}
            suffix={t('campaignsUi.population.unit')}
            valueRender={(node) => (
              <span data-testid="population-total" data-total={population.total}>
                {node}
              </span>
            )}
          />
          {population.total === 0 ? (
            <Alert type="warning" showIcon title={t('campaignsUi.population.empty')} />
          ) : null}
          {population.previouslyDrawn > 0 ? (
            <Typography.Text type="secondary" data-testid="population-previous">
              {t('campaignsUi.population.previouslyDrawn', { count: population.previouslyDrawn })}
            </Typography.Text>
          ) : null}
          <div>
            <Typography.Text type="secondary">{t('campaignsUi.population.byType')}</Typography.Text>
            <div style={{ marginTop: 6 }}>
              {population.byType.map((b) => (
                <Tag key={b.caseType} data-testid={`population-type-${b.caseType}`}>
                  {typeName(b.caseType)} {b.count}
                </Tag>
              ))}
            </div>
          </div>
          {compact ? null : (
            <Table<DepartmentRow>
              rowKey="departmentId"
              size="small"
              dataSource={population.byDepartment}
              pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
              data-testid="population-departments"
              columns={[
                {
                  title: t('campaignsUi.population.department'),
                  dataIndex: 'departmentName',
                  ellipsis: true,
                },
                ...types.map((type) => ({
                  title: typeName(type),
                  key: type,
                  width: 80,
                  align: 'right' as const,
                  render: (_v: unknown, d: DepartmentRow) => d.byType[type] ?? 0,
                })),
                {
                  title: t('campaignsUi.population.count'),
                  dataIndex: 'count',
                  width: 72,
                  align: 'right',
                },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
