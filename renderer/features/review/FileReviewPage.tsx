// 复核 of one file (#/review/:campaignId/:caseId): the file's details, the result so far with its
// flags and the items only some evaluators deducted, the sheets side by side, and the arbiter's
// decision — keep one sheet, write a reconciled sheet from one, or score as a third evaluator.
// A decided file goes back to the dashboard with its final score and grade.
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Segmented,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { Sheet } from '../../../core/api/methods/scoring';
import { formatFen } from '../cases/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CompareTable } from './CompareTable';
import type { Decided } from './DashboardPage';
import { DecisionBar } from './DecisionBar';
import { countingSheets, useFileReview, type Mode } from './file-store';
import { dateTime, flagText, GradeTag, OPEN_STATES, pts, StateTag } from './format';
import { ReturnModal, VersionsModal } from './SheetModals';

function CaseDetails() {
  const { t } = useTranslation();
  const { c, typeName } = useFileReview(
    useShallow((s) => ({
      c: s.data!.case,
      typeName: s.caseTypes.find((x) => x.code === s.data!.case.caseType)?.name,
    })),
  );
  const field = (key: string) => t(`import.fields.case.${key}` as 'import.fields.case.caseNo');
  const value = (v: ReactNode) =>
    v === null || v === undefined || v === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      v
    );
  const items: DescriptionsItemType[] = [
    { key: 'caseNo', label: field('caseNo'), children: c.caseNo },
    { key: 'caseType', label: field('caseType'), children: typeName ?? c.caseType },
    { key: 'departmentName', label: field('department'), children: c.departmentName },
    { key: 'partyName', label: field('partyName'), children: value(c.partyName) },
    { key: 'cause', label: field('cause'), children: value(c.cause), span: 2 },
    { key: 'handlers', label: field('handlers'), children: value(c.handlers) },
    { key: 'decidedOn', label: field('decidedOn'), children: value(c.decidedOn) },
    {
      key: 'amountFen',
      label: field('amount'),
      children: value(c.amountFen === null ? null : formatFen(c.amountFen)),
    },
    { key: 'pageCount', label: field('pageCount'), children: value(c.pageCount) },
  ];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={items}
      data-testid="review-case-details"
    />
  );
}

function ResultPanel() {
  const { t } = useTranslation();
  const { result, sheets } = useFileReview(
    useShallow((s) => ({ result: s.data!.result, sheets: s.data!.sheets })),
  );
  const nameOf = (id: string) => {
    const s = sheets.find((x) => x.id === id);
    return s?.evaluatorName ?? (s ? t(`scoring.kinds.${s.kind}`) : id);
  };
  return (
    <div className="review-result" data-testid="review-result">
      <Space size={8} wrap>
        <StateTag state={result.state} />
        {result.state === 'final' && result.total !== null ? (
          <>
            <span className="review-num review-final" data-testid="review-final-total">
              {t('reviewUi.points', { points: pts(result.total) })}
            </span>
            {result.grade ? (
              <GradeTag
                grade={result.grade}
                bandIndex={result.bandIndex ?? 0}
                testId="review-final-grade"
              />
            ) : null}
          </>
        ) : null}
        {result.decision ? (
          <Typography.Text type="secondary" data-testid="review-decision">
            {[
              t(`scoring.decisions.${result.decision}`),
              result.arbiter ? t('reviewUi.result.arbiter', { name: result.arbiter }) : null,
              result.decidedAt ? dateTime(result.decidedAt) : null,
            ]
              .filter(Boolean)
              .join(t('reviewUi.factSeparator'))}
          </Typography.Text>
        ) : null}
      </Space>
      {result.reason ? (
        <div className="review-sub" data-testid="review-decision-reason">
          {t('reviewUi.result.reason', { reason: result.reason })}
        </div>
      ) : null}
      {result.state === 'waiting' ? (
        <Alert
          type="info"
          showIcon
          className="review-flags"
          title={t('reviewUi.result.waiting')}
          data-testid="review-waiting"
        />
      ) : null}
      {result.flags.length ? (
        <Alert
          type={result.state === 'review' ? 'warning' : 'info'}
          showIcon
          className="review-flags"
          data-testid="review-flags"
          title={t('reviewUi.result.flagsTitle')}
          description={
            <ul className="review-list">
              {result.flags.map((f) => (
                <li key={f.kind} data-testid="review-flag" data-kind={f.kind}>
                  {flagText(f)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result.info.length ? (
        <div className="review-info" data-testid="review-info">
          <Typography.Text type="secondary">{t('reviewUi.result.infoTitle')}</Typography.Text>
          <Space size={[4, 4]} wrap>
            {result.info.map((i) => (
              <Tag
                key={`${i.source}:${i.code}`}
                color={i.source === 'veto' ? 'red' : 'default'}
                data-testid="review-info-item"
                data-code={i.code}
              >
                {t(i.source === 'veto' ? 'reviewUi.result.infoVeto' : 'reviewUi.result.infoItem', {
                  code: i.code,
                  names: i.sheetIds.map(nameOf).join(t('reviewUi.listSeparator')),
                })}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
    </div>
  );
}

export function FileReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { campaignId = '', caseId = '' } = useParams();
  const { data, campaign, error, loading, mode, load, setMode } = useFileReview(
    useShallow((s) => ({
      data: s.campaignId === campaignId && s.caseId === caseId ? s.data : null,
      campaign: s.campaign,
      error: s.error,
      loading: s.loading,
      mode: s.mode,
      load: s.load,
      setMode: s.setMode,
    })),
  );
  const [returning, setReturning] = useState<Sheet | null>(null);
  const [versionsOf, setVersionsOf] = useState<Sheet | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [compact, setCompact] = useState(true);

  useEffect(() => {
    void load(campaignId, caseId);
  }, [campaignId, caseId, load]);

  const back = () => void navigate(`/review/${campaignId}`);

  if (!data) {
    return (
      <Card data-testid="review-file">
        <ErrorAlert error={error} />
        {error ? (
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('reviewUi.file.back')}
          </Button>
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }

  const open = !!campaign && OPEN_STATES.includes(campaign.status);
  const counting = countingSheets(data.sheets);
  const allIn = counting.length > 0 && counting.every((s) => s.status === 'submitted');
  const canDecide = open && allIn && data.result.state !== 'waiting';
  const modes: Mode[] = ['view', 'keep', 'reconciled', 'arbiter'];

  const onDecided = (d: Omit<Decided, 'caseId' | 'caseNo'>) => {
    void navigate(`/review/${campaignId}`, {
      state: { decided: { ...d, caseId, caseNo: data.case.caseNo } satisfies Decided },
    });
  };

  return (
    <div
      className="review-page"
      data-testid="review-file"
      data-case-no={data.case.caseNo}
      data-state={data.result.state}
    >
      <Card className="review-card">
        <div className="review-head-row review-file-head">
          <Space size={12} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="review-back">
              {t('reviewUi.file.back')}
            </Button>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="review-file-title">
              {t('reviewUi.file.title', { caseNo: data.case.caseNo })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('reviewUi.file.template', {
                name: data.template.name,
                version: data.template.version,
              })}
            </Typography.Text>
          </Space>
          {loading ? <Tag>{t('common.loading')}</Tag> : null}
        </div>
        <ErrorAlert error={error} />
        <CaseDetails />
        <ResultPanel />
      </Card>

      <Card
        className="review-card"
        title={t('reviewUi.file.sheetsTitle', { count: counting.length })}
        extra={
          canDecide ? (
            <Segmented<Mode>
              value={mode}
              onChange={(m) => {
                setAttempted(false);
                // Writing a sheet needs every item at hand; comparing, only what differs.
                setCompact(m === 'view' || m === 'keep');
                setMode(m);
              }}
              data-testid="decision-mode"
              options={modes.map((m) => ({
                value: m,
                label: <span data-testid={`decision-mode-${m}`}>{t(`reviewUi.modes.${m}`)}</span>,
              }))}
            />
          ) : null
        }
      >
        <div className="cmp-tools">
          <div>
            {canDecide && data.result.state === 'final' && mode === 'view' ? (
              <Typography.Text type="secondary" data-testid="review-redecide-hint">
                {t('reviewUi.file.redecide')}
              </Typography.Text>
            ) : null}
            {canDecide && mode !== 'view' ? (
              <Typography.Text type="secondary" data-testid="decision-help">
                {t(`reviewUi.modeHelp.${mode}`)}
              </Typography.Text>
            ) : null}
            {!open && campaign ? (
              <Typography.Text type="secondary" data-testid="review-closed">
                {t('reviewUi.file.closed', { status: t(`campaigns.statuses.${campaign.status}`) })}
              </Typography.Text>
            ) : null}
          </div>
          <Space size={6}>
            <Switch
              size="small"
              checked={compact}
              onChange={setCompact}
              data-testid="compare-compact"
            />
            <Typography.Text>{t('reviewUi.compare.compact')}</Typography.Text>
          </Space>
        </div>
        <CompareTable
          compact={compact}
          attempted={attempted}
          canReturn={open}
          onReturn={setReturning}
          onVersions={setVersionsOf}
        />
      </Card>

      {canDecide && mode !== 'view' ? (
        <DecisionBar attempted={attempted} setAttempted={setAttempted} onDecided={onDecided} />
      ) : null}

      <ReturnModal sheet={returning} onClose={() => setReturning(null)} />
      <VersionsModal
        sheet={versionsOf}
        template={data.template.content}
        onClose={() => setVersionsOf(null)}
      />
    </div>
  );
}
