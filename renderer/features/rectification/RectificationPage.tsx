// 整改跟踪 (#/rectification): a finished campaign (the latest by default); per department its
// problems, the notice (下发整改通知 records the tracking rows and downloads the 整改通知书), the
// counts by status and the deadline (overdue in red); the problem list with status moves, the
// department's reply and evidence; the overdue list; and the summary paragraph for the next
// notice. Every figure comes from the rectify.* methods.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DepartmentsTab } from './DepartmentsTab';
import { OverdueTab } from './OverdueTab';
import { ProblemsTab } from './ProblemsTab';
import './rectification.css';
import { useRectify, type Tab } from './store';
import { SummaryTab } from './SummaryTab';

export function RectificationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = useRectify(
    useShallow((x) => ({
      campaigns: x.campaigns,
      loaded: x.campaignsLoaded,
      campaignId: x.campaignId,
      overview: x.overview,
      loading: x.loading,
      error: x.error,
      tab: x.tab,
      loadCampaigns: x.loadCampaigns,
      choose: x.choose,
      setTab: x.setTab,
      refresh: x.refresh,
    })),
  );
  const { loadCampaigns } = s;

  useEffect(() => {
    void loadCampaigns();
  }, [loadCampaigns]);

  if (!s.loaded) {
    return (
      <Card data-testid="rectification-page">
        <Spin />
      </Card>
    );
  }
  if (!s.campaigns.length) {
    return (
      <Card data-testid="rectification-page">
        <ErrorAlert error={s.error} />
        <Empty description={t('rectifyUi.none')} data-testid="rectification-no-campaign">
          <Button type="primary" onClick={() => void navigate('/campaigns')}>
            {t('rectifyUi.toCampaigns')}
          </Button>
        </Empty>
      </Card>
    );
  }

  const overview = s.overview?.campaignId === s.campaignId ? s.overview : null;
  return (
    <div
      className="rect-page"
      data-testid="rectification-page"
      data-campaign={s.campaignId ?? ''}
      data-loaded={overview && !s.loading ? 'true' : 'false'}
    >
      <Card className="rect-head">
        <Space wrap>
          <Typography.Text strong>{t('rectifyUi.campaign')}</Typography.Text>
          <Select
            data-testid="rect-campaign-select"
            value={s.campaignId ?? undefined}
            onChange={(id: string) => void s.choose(id)}
            style={{ minWidth: 320 }}
            options={s.campaigns.map((c) => ({
              value: c.id,
              label: t('rectifyUi.campaignOption', { name: c.name, year: c.year }),
            }))}
          />
          <Button
            icon={<ReloadOutlined />}
            loading={s.loading}
            onClick={() => void s.refresh()}
            data-testid="rect-refresh"
          >
            {t('rectifyUi.refresh')}
          </Button>
          {overview ? (
            <Typography.Text type="secondary" data-testid="rect-as-of">
              {t('rectifyUi.asOf', { date: overview.asOf })}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      <ErrorAlert error={s.error} />
      {overview ? (
        <Card className="rect-body">
          <Tabs
            activeKey={s.tab}
            onChange={(k) => s.setTab(k as Tab)}
            items={[
              {
                key: 'departments',
                label: (
                  <span data-testid="rect-tab-departments">{t('rectifyUi.tabs.departments')}</span>
                ),
                children: <DepartmentsTab overview={overview} />,
              },
              {
                key: 'problems',
                label: <span data-testid="rect-tab-problems">{t('rectifyUi.tabs.problems')}</span>,
                children: <ProblemsTab overview={overview} />,
              },
              {
                key: 'overdue',
                label: (
                  <span data-testid="rect-tab-overdue">
                    {t('rectifyUi.tabs.overdue')}
                    {overview.totals.overdue ? (
                      <span className="rect-overdue-badge">{overview.totals.overdue}</span>
                    ) : null}
                  </span>
                ),
                children: <OverdueTab />,
              },
              {
                key: 'summary',
                label: <span data-testid="rect-tab-summary">{t('rectifyUi.tabs.summary')}</span>,
                children: <SummaryTab />,
              },
            ]}
          />
        </Card>
      ) : (
        <Card>
          <Spin />
        </Card>
      )}
    </div>
  );
}
