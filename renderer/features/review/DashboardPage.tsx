// 评查进度 of one campaign (#/review/:campaignId): counts, grade distribution, the files with
// their sheets and results (files waiting for 复核 highlighted, with the 复核 action), progress
// per evaluator and per department, overdue tasks, offline scoring (task and result packages);
// the campaign's moves and the reminder list.
import { Alert, Badge, Card, Col, Row, Skeleton, Tabs } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OfflinePanel } from '../packages/OfflinePanel';
import { CampaignHeader } from './CampaignHeader';
import { FilesTable } from './FilesTable';
import { GradeTag, pts } from './format';
import {
  CountCards,
  DepartmentsTable,
  EvaluatorsTable,
  GradeChart,
  OverdueTable,
} from './ProgressPanels';
import { useReview } from './store';

/** What the 复核 screen hands back after a decision (router state). */
export interface Decided {
  caseId: string;
  caseNo: string;
  total: number;
  grade: string;
  bandIndex: number;
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const location = useLocation();
  const decided = (location.state as { decided?: Decided } | null)?.decided ?? null;
  const { campaign, campaigns, progress, files, caseTypes, error, load, loadCampaigns } = useReview(
    useShallow((s) => ({
      campaign: s.campaign,
      campaigns: s.campaigns,
      progress: s.progress,
      files: s.files,
      caseTypes: s.caseTypes,
      error: s.error,
      load: s.load,
      loadCampaigns: s.loadCampaigns,
    })),
  );

  useEffect(() => {
    void load(campaignId);
  }, [campaignId, load]);
  useEffect(() => {
    if (!campaigns.length) void loadCampaigns();
  }, [campaigns.length, loadCampaigns]);

  const typeName = useMemo(() => {
    const names = new Map(caseTypes.map((c) => [c.code, c.name]));
    return (code: string) => names.get(code) ?? code;
  }, [caseTypes]);

  const mean = useMemo(() => {
    const totals = files.flatMap((f) =>
      f.result.state === 'final' && f.result.total !== null ? [f.result.total] : [],
    );
    return totals.length ? Math.round(totals.reduce((a, b) => a + b, 0) / totals.length) : null;
  }, [files]);

  const current = campaign?.id === campaignId ? campaign : null;
  if (!current || !progress) {
    return (
      <Card data-testid="review-page">
        <ErrorAlert error={error} />
        {error ? null : <Skeleton active />}
      </Card>
    );
  }

  return (
    <div className="review-page" data-testid="review-dashboard" data-campaign={current.id}>
      <CampaignHeader campaign={current} />
      <ErrorAlert error={error} />
      {decided ? (
        <Alert
          type="success"
          showIcon
          className="review-decided"
          data-testid="review-decided"
          title={
            <span>
              {t('reviewUi.decided', { caseNo: decided.caseNo, points: pts(decided.total) })}{' '}
              <GradeTag grade={decided.grade} bandIndex={decided.bandIndex} />
            </span>
          }
        />
      ) : null}
      <CountCards progress={progress} />
      <Row gutter={[16, 16]} className="review-row">
        <Col xs={24} xl={8}>
          <GradeChart progress={progress} mean={mean} />
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('reviewUi.departments.title')} className="review-card">
            <DepartmentsTable progress={progress} />
          </Card>
        </Col>
      </Row>
      <Card className="review-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'files',
              label: <span data-testid="review-tab-files">{t('reviewUi.tabs.files')}</span>,
              children: (
                <FilesTable
                  campaignId={current.id}
                  files={files}
                  typeName={typeName}
                  decidedCaseId={decided?.caseId ?? null}
                />
              ),
            },
            {
              key: 'evaluators',
              label: (
                <span data-testid="review-tab-evaluators">{t('reviewUi.tabs.evaluators')}</span>
              ),
              children: <EvaluatorsTable progress={progress} />,
            },
            {
              key: 'overdue',
              label: (
                <span data-testid="review-tab-overdue">
                  {t('reviewUi.tabs.overdue')}{' '}
                  <Badge count={progress.overdue.length} size="small" />
                </span>
              ),
              children: <OverdueTable progress={progress} />,
            },
            {
              key: 'offline',
              label: (
                <span data-testid="review-tab-offline">{t('packagesUi.coordinator.tab')}</span>
              ),
              children: (
                <OfflinePanel campaignId={current.id} onMerged={() => void load(current.id)} />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
