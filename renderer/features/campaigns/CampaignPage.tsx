// One campaign: its header (name, year, state, counts), the state flow with the allowed moves,
// and the wizard — scope → plan → seed ceremony and draw → evaluators → conflicts → assignment —
// plus the draw record. The step is part of the address (#/campaigns/:id/:step).
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Skeleton,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { CAMPAIGN_STATUSES } from '../../../core/campaigns/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { AssignmentStep } from './AssignmentStep';
import { useCampaign } from './campaign-store';
import { ConflictsStep } from './ConflictsStep';
import { useDrafts } from './draft-store';
import { EvaluatorsStep } from './EvaluatorsStep';
import { localizeError, STATUS_COLORS } from './format';
import { PlanStep } from './PlanStep';
import { RecordStep } from './RecordStep';
import { ScopeStep } from './ScopeStep';
import { SeedStep } from './SeedStep';
import { StatusFlow } from './StatusFlow';

const STEPS = ['scope', 'plan', 'seed', 'evaluators', 'conflicts', 'assignment', 'record'] as const;
type StepKey = (typeof STEPS)[number];

function defaultStep(c: Campaign): StepKey {
  if (c.status === 'draft') return 'scope';
  if (c.status === 'drawn') return c.counts.evaluators ? 'assignment' : 'evaluators';
  return 'assignment';
}

/** Whether a step has been passed, and whether it can be opened at all. */
function stepState(c: Campaign, k: StepKey): { done: boolean; available: boolean } {
  const drawn = c.status !== 'draft';
  switch (k) {
    case 'scope':
    case 'plan':
    case 'seed':
      return { done: drawn, available: true };
    case 'evaluators':
      return { done: c.counts.evaluators > 0, available: drawn };
    case 'conflicts':
      return { done: c.counts.assignments > 0, available: true };
    case 'assignment':
      return { done: c.counts.assignments > 0, available: drawn };
    case 'record':
      return { done: false, available: drawn };
  }
}

function EditModal({
  campaign,
  open,
  onClose,
}: {
  campaign: Campaign;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useCampaign((s) => s.update);
  const [form] = Form.useForm<{ name: string; year: number; organiser: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const r = await update({ name: v.name.trim(), year: v.year, organiser: v.organiser.trim() });
    setBusy(false);
    if (!r.ok) {
      if (!applyFieldErrors(form, r.error)) setError(localizeError(r.error));
      return;
    }
    void message.success(t('campaignsUi.edit.saved'));
    setError(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('campaignsUi.edit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="campaign-edit-error" />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: campaign.name, year: campaign.year, organiser: campaign.organiser }}
      >
        <Form.Item
          name="name"
          label={t('campaignsUi.create.name')}
          rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="year" label={t('campaignsUi.create.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="organiser"
          label={t('campaignsUi.edit.organiser')}
          rules={[{ required: true, whitespace: true, min: 2, max: 60 }]}
        >
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Header({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const statusIndex = CAMPAIGN_STATUSES.indexOf(campaign.status);
  return (
    <Card size="small" data-testid="campaign-header">
      <div className="campaign-header">
        <div style={{ minWidth: 0 }}>
          <Link to="/campaigns" data-testid="campaign-back">
            <ArrowLeftOutlined /> {t('campaignsUi.header.back')}
          </Link>
          <div className="campaign-title">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-name">
              {campaign.name}
            </Typography.Title>
            <Tag color={STATUS_COLORS[campaign.status]} data-testid="campaign-status">
              {t(`campaigns.statuses.${campaign.status}`)}
            </Tag>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              aria-label={t('campaignsUi.edit.button')}
              title={t('campaignsUi.edit.button')}
              data-testid="campaign-edit"
            />
          </div>
          <Space wrap size={[16, 4]} className="campaign-meta">
            <span>{t('campaignsUi.header.year', { year: campaign.year })}</span>
            <span>
              {t('campaigns.doc.field', {
                label: t('campaignsUi.header.organiser'),
                value: campaign.organiser || '—',
              })}
            </span>
            <span data-testid="campaign-counts">
              {t('campaignsUi.header.counts', campaign.counts)}
            </span>
            {campaign.drawnAt ? (
              <span>
                {t('campaigns.doc.field', {
                  label: t('campaignsUi.header.drawnAt'),
                  value: dayjs(campaign.drawnAt).format('YYYY-MM-DD HH:mm'),
                })}
              </span>
            ) : null}
          </Space>
        </div>
        <div className="campaign-flow">
          <Steps
            size="small"
            current={statusIndex}
            data-testid="campaign-flow"
            items={CAMPAIGN_STATUSES.map((s) => ({ title: t(`campaigns.statuses.${s}`) }))}
          />
        </div>
      </div>
      <StatusFlow campaign={campaign} />
      <EditModal campaign={campaign} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}

export function CampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id!;
  const step = STEPS.find((k) => k === params['*']?.split('/')[0]);
  const { campaign, notFound, error, open } = useCampaign(
    useShallow((s) => ({
      campaign: s.id === id ? s.campaign : null,
      notFound: s.id === id && s.notFound,
      error: s.error,
      open: s.open,
    })),
  );
  const ensure = useDrafts((s) => s.ensure);

  useEffect(() => {
    ensure(id);
    void open(id);
  }, [id, open, ensure]);

  if (notFound) {
    return (
      <Card>
        <Result
          status="404"
          subTitle={t('campaignsUi.header.notFound')}
          extra={<Link to="/campaigns">{t('campaignsUi.header.back')}</Link>}
        />
      </Card>
    );
  }
  if (!campaign) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (!step) return <Navigate to={`/campaigns/${id}/${defaultStep(campaign)}`} replace />;

  const content: Record<StepKey, () => ReactNode> = {
    scope: () => <ScopeStep campaign={campaign} />,
    plan: () => <PlanStep campaign={campaign} />,
    seed: () => <SeedStep campaign={campaign} />,
    evaluators: () => <EvaluatorsStep campaign={campaign} />,
    conflicts: () => <ConflictsStep campaign={campaign} />,
    assignment: () => <AssignmentStep campaign={campaign} />,
    record: () => <RecordStep campaign={campaign} />,
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Header campaign={campaign} />
      <ErrorAlert error={error ? localizeError(error) : null} testId="campaign-error" />
      <Card size="small" styles={{ body: { padding: '4px 12px' } }}>
        <Steps
          type="navigation"
          size="small"
          current={STEPS.indexOf(step)}
          onChange={(i) => void navigate(`/campaigns/${id}/${STEPS[i]}`)}
          className="campaign-steps"
          items={STEPS.map((k) => {
            const s = stepState(campaign, k);
            return {
              title: <span data-testid={`step-${k}`}>{t(`campaignsUi.steps.${k}`)}</span>,
              disabled: !s.available,
              status: k === step ? 'process' : s.done ? 'finish' : 'wait',
            };
          })}
        />
      </Card>
      <div data-testid={`step-content-${step}`}>{content[step]()}</div>
    </Space>
  );
}
