// 统计与通报 (#/reports): a campaign in 评查中, 复核中 or 已完成 (the latest by default), its totals
// and grade distribution, the charts (grades, departments by mean, the problem Pareto, evaluator
// leniency), the department ranking, the 优秀 and 不合格 lists, the main problems, the agreement
// between evaluators and every file's score — every number from results.get, the model the
// notice and the workbook are made from — and the exports: the notice (DOCX or PDF, after a form
// with a live preview), the score workbook (XLSX), every score sheet (ZIP) or one file's (DOCX or
// PDF), each chart as PNG and each table as XLSX.
import {
  DownloadOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError, Envelope } from '../../../core/api/errors';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_COLORS } from '../review/format';
import { XlsxButton } from './exports';
import { FilesPanel } from './FilesPanel';
import { MIME } from './format';
import { NoticeModal } from './NoticeModal';
import { AgreementPanel, DepartmentsTable, FileList, ProblemsPanel, TotalsPanel } from './Panels';
import './reports.css';
import { useReports } from './store';

type Export = 'workbook' | 'sheets';

// ECharts is loaded with the charts, when the screen first shows them.
const ChartsSection = lazy(() => import('./Charts').then((m) => ({ default: m.ChartsSection })));

export function ReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { campaigns, loaded, campaignId, results, loading, error, loadCampaigns, load } =
    useReports(
      useShallow((s) => ({
        campaigns: s.campaigns,
        loaded: s.campaignsLoaded,
        campaignId: s.campaignId,
        results: s.results,
        loading: s.loading,
        error: s.error,
        loadCampaigns: s.loadCampaigns,
        load: s.load,
      })),
    );
  const workbook = useReports((s) => s.workbook);
  const scoreSheetsZip = useReports((s) => s.scoreSheetsZip);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [busy, setBusy] = useState<Export | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);

  useEffect(() => {
    void loadCampaigns();
  }, [loadCampaigns]);

  const exportFile = async (
    kind: Export,
    call: () => Promise<Envelope<{ fileName: string; bytes: Uint8Array }>>,
    mime: string,
  ) => {
    setBusy(kind);
    setExportError(null);
    const r = await call();
    setBusy(null);
    if (!r.ok) {
      setExportError(r.error);
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, mime);
    void message.success(t('reportsUi.export.done', { fileName: r.data.fileName }));
  };

  if (!loaded) {
    return (
      <Card data-testid="reports-page">
        <Spin />
      </Card>
    );
  }
  if (!campaigns.length) {
    return (
      <Card data-testid="reports-page">
        <ErrorAlert error={error} />
        <Empty description={t('reportsUi.none')} data-testid="reports-no-campaign">
          <Button type="primary" onClick={() => void navigate('/campaigns')}>
            {t('reportsUi.toCampaigns')}
          </Button>
        </Empty>
      </Card>
    );
  }

  const current = results?.campaignId === campaignId ? results : null;
  const model = current?.model;
  const totals = model?.totals;
  const pending = totals ? totals.pendingFiles : 0;

  return (
    <div
      className="reports-page"
      data-testid="reports-page"
      data-campaign={campaignId ?? ''}
      data-loaded={current && !loading ? 'true' : 'false'}
    >
      <Card className="reports-head">
        <div className="reports-head-row">
          <Space wrap>
            <Typography.Text strong>{t('reportsUi.campaign')}</Typography.Text>
            <Select
              data-testid="reports-campaign-select"
              value={campaignId ?? undefined}
              onChange={(id: string) => void load(id)}
              style={{ minWidth: 320 }}
              options={campaigns.map((c) => ({
                value: c.id,
                label: t('reportsUi.campaignOption', {
                  name: c.name,
                  status: t(`campaigns.statuses.${c.status}`),
                }),
              }))}
            />
            {current ? (
              <Tag
                color={
                  CAMPAIGN_COLORS[campaigns.find((c) => c.id === campaignId)?.status ?? 'done']
                }
              >
                {current.year}
              </Tag>
            ) : null}
            <Button
              icon={<ReloadOutlined />}
              loading={loading}
              onClick={() => campaignId && void load(campaignId)}
              aria-label={t('reviewUi.header.refresh')}
            />
          </Space>
          <Space wrap>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              disabled={!current}
              onClick={() => {
                setExportError(null);
                setNoticeOpen(true);
              }}
              data-testid="export-notice"
            >
              {t('reportsUi.export.notice')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!current}
              loading={busy === 'workbook'}
              onClick={() => void exportFile('workbook', workbook, MIME.xlsx)}
              data-testid="export-workbook"
            >
              {t('reportsUi.export.workbook')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!current}
              loading={busy === 'sheets'}
              onClick={() => void exportFile('sheets', scoreSheetsZip, MIME.zip)}
              data-testid="export-sheets"
            >
              {t('reportsUi.export.sheets')}
            </Button>
          </Space>
        </div>
        {pending && totals ? (
          <Alert
            type="warning"
            showIcon
            className="reports-pending"
            data-testid="reports-pending"
            title={t('reportsUi.pendingNote', {
              pending,
              waiting: totals.waitingFiles,
              review: totals.reviewFiles,
            })}
          />
        ) : null}
      </Card>
      <ErrorAlert error={exportError} testId="export-error" />
      <ErrorAlert error={error} />
      {!current || !model ? (
        error ? null : (
          <Card>
            <Skeleton active />
          </Card>
        )
      ) : (
        <>
          <TotalsPanel model={model} />
          <Suspense
            fallback={
              <Card>
                <Skeleton active />
              </Card>
            }
          >
            <ChartsSection results={current} />
          </Suspense>
          <Card
            size="small"
            className="reports-card"
            title={t('reportsUi.departments.title')}
            extra={<XlsxButton table="departments" />}
          >
            <DepartmentsTable model={model} />
          </Card>
          <Row gutter={[16, 16]} className="reports-row">
            <Col xs={24} xl={12}>
              <FileList kind="excellent" files={model.excellent} />
            </Col>
            <Col xs={24} xl={12}>
              <FileList kind="failed" files={model.failed} />
            </Col>
          </Row>
          <Row gutter={[16, 16]} className="reports-row">
            <Col xs={24} xl={12}>
              <ProblemsPanel model={model} />
            </Col>
            <Col xs={24} xl={12}>
              <AgreementPanel agreement={current.agreement} />
            </Col>
          </Row>
          <FilesPanel model={model} />
        </>
      )}
      {noticeOpen ? <NoticeModal onClose={() => setNoticeOpen(false)} /> : null}
    </div>
  );
}
