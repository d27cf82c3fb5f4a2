// 分配: propose an assignment (or read why none exists, in the coordinator's words), preview it,
// confirm it; afterwards the confirmed assignment with manual reassignment, each with a reason
// and checked against the same rules (violations listed one by one).
import { CheckOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { AssignmentViews, useAssignmentModel } from './AssignmentViews';
import { useCampaign, type AssignmentRow, type Proposal as Proposed } from './campaign-store';
import { localizeError, violationTexts } from './format';

/** An error, with constraint violations listed one per line when there are any. */
function ViolationsAlert({ error, testId }: { error: ApiError | null; testId: string }) {
  const lines = violationTexts(error);
  if (!error) return null;
  if (!lines.length) return <ErrorAlert error={localizeError(error)} testId={testId} />;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={tr(error.key, error.params)}
      description={
        <ul className="reason-list">
          {lines.map((l, i) => (
            <li key={i} data-testid={`${testId}-item`}>
              {l}
            </li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function ReassignModal({ row, onClose }: { row: AssignmentRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { files, reassign, assignment } = useCampaign(
    useShallow((s) => ({ files: s.files, reassign: s.reassign, assignment: s.assignment })),
  );
  const model = useAssignmentModel(assignment);
  const [form] = Form.useForm<{ fromPersonId: string; toPersonId: string; reason: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Keeps the last row while the dialog animates closed.
  const [shown, setShown] = useState(row);
  if (row && row !== shown) setShown(row);
  const current = row ?? shown;
  const file = files.find((f) => f.caseId === current?.caseId);
  const byId = new Map(model.people.map((p) => [p.personId, p]));

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!current) return;
    const v = await form.validateFields();
    setBusy(true);
    const r = await reassign({
      caseId: current.caseId,
      fromPersonId: v.fromPersonId,
      toPersonId: v.toPersonId,
      reason: v.reason.trim(),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    void message.success(t('campaignsUi.reassign.done'));
    close();
  };

  return (
    <Modal
      open={!!row}
      width={620}
      title={t('campaignsUi.reassign.title', { caseNo: file?.caseNo ?? '' })}
      okText={t('campaignsUi.reassign.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'reassign-ok' }}
      destroyOnHidden
    >
      <ViolationsAlert error={error} testId="reassign-error" />
      {current && file ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ fromPersonId: current.personIds[0] }}
          onValuesChange={() => setError(null)}
        >
          <Form.Item label={t('campaignsUi.reassign.file')}>
            <Typography.Text>
              {file.caseNo} · {file.departmentName}
            </Typography.Text>
          </Form.Item>
          <Form.Item
            name="fromPersonId"
            label={t('campaignsUi.reassign.from')}
            rules={[{ required: true }]}
          >
            <Radio.Group data-testid="reassign-from">
              {current.personIds.map((id) => {
                const p = byId.get(id);
                return (
                  <Radio key={id} value={id} data-testid={`reassign-from-${p?.name ?? id}`}>
                    {p ? `${p.name} · ${p.departmentName}` : id}
                  </Radio>
                );
              })}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="toPersonId"
            label={t('campaignsUi.reassign.to')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('campaignsUi.reassign.toPlaceholder')}
              data-testid="reassign-to"
              options={model.people
                .filter((p) => !current.personIds.includes(p.personId))
                .map((p) => ({
                  value: p.personId,
                  label: `${t('campaignsUi.reassign.optionLoad', {
                    name: p.name,
                    department: p.departmentName,
                    load: model.load.get(p.personId) ?? 0,
                  })}${p.departmentId === file.departmentId ? t('campaignsUi.reassign.ownDepartment') : ''}`,
                }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('campaignsUi.reassign.reason')}
            rules={[{ required: true, whitespace: true, max: 500 }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder={t('campaignsUi.reassign.reasonPlaceholder')}
              data-testid="reassign-reason"
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}

type Reason = Extract<Proposed, { ok: false }>['reasons'][number];

/** Reasons shown at first; the rest (often the same shortage file by file) behind a link. */
const REASONS_SHOWN = 6;

/**
 * Why no assignment exists, in the coordinator's words. Without a limit per person the capacity
 * reason's "at most" is the number of files, so it is worded without a limit to raise.
 */
function Infeasible({ reasons, maxLoad }: { reasons: readonly Reason[]; maxLoad: number | null }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const text = (r: Reason) =>
    r.key === 'campaigns.reasons.capacity' && maxLoad === null
      ? tr('campaignsUi.assignment.capacityNoLimit', r.params)
      : tr(r.key, r.params);
  const shown = all ? reasons : reasons.slice(0, REASONS_SHOWN);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="assignment-infeasible"
      data-count={reasons.length}
      title={t('campaignsUi.assignment.infeasibleTitle')}
      description={
        <>
          <Typography.Text type="secondary">
            {t('campaignsUi.assignment.infeasibleHelp')}
          </Typography.Text>
          <ul className="reason-list">
            {shown.map((r, i) => (
              <li key={i} data-testid="assignment-reason">
                {text(r)}
              </li>
            ))}
          </ul>
          {reasons.length > REASONS_SHOWN ? (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => setAll(!all)}
              data-testid="assignment-reasons-all"
            >
              {all
                ? t('campaignsUi.assignment.reasonsFewer')
                : t('campaignsUi.assignment.reasonsAll', { count: reasons.length })}
            </Button>
          ) : null}
        </>
      }
    />
  );
}

function Proposal({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { proposal, propose, confirm } = useCampaign(
    useShallow((s) => ({ proposal: s.proposal, propose: s.propose, confirm: s.confirm })),
  );
  const [busy, setBusy] = useState<'propose' | 'confirm' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async () => {
    setBusy('propose');
    const r = await propose();
    setBusy(null);
    setError(r.ok ? null : r.error);
  };

  const accept = async (rows: AssignmentRow[]) => {
    setBusy('confirm');
    const r = await confirm(rows);
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    void message.success(
      t('campaignsUi.assignment.confirmed', {
        files: r.data.counts.files,
        assignments: r.data.counts.assignments,
      }),
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('campaignsUi.assignment.proposeIntro')}
          </Typography.Text>
          <div>
            <Button
              type={proposal ? 'default' : 'primary'}
              icon={<ThunderboltOutlined />}
              loading={busy === 'propose'}
              onClick={() => void run()}
              data-testid="assignment-propose"
            >
              {proposal
                ? t('campaignsUi.assignment.repropose')
                : t('campaignsUi.assignment.propose')}
            </Button>
          </div>
          <ViolationsAlert error={error} testId="assignment-error" />
          {proposal && !proposal.ok ? (
            <Infeasible reasons={proposal.reasons} maxLoad={campaign.settings.maxLoad} />
          ) : null}
        </Space>
      </Card>
      {proposal?.ok ? (
        <Card
          size="small"
          title={t('campaignsUi.assignment.previewTitle')}
          data-testid="assignment-preview"
          extra={
            <Popconfirm
              title={t('campaignsUi.assignment.confirmTitle')}
              description={t('campaignsUi.assignment.confirmHelp')}
              okText={t('campaignsUi.assignment.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'assignment-confirm-ok' }}
              onConfirm={() => accept(proposal.rows)}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'confirm'}
                data-testid="assignment-confirm"
              >
                {t('campaignsUi.assignment.confirm')}
              </Button>
            </Popconfirm>
          }
        >
          <AssignmentViews rows={proposal.rows} />
        </Card>
      ) : null}
    </Space>
  );
}

function Confirmed({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const assignment = useCampaign((s) => s.assignment);
  const [reassigning, setReassigning] = useState<AssignmentRow | null>(null);
  const editable = campaign.status === 'assigned';
  return (
    <Card
      size="small"
      title={t('campaignsUi.assignment.confirmedTitle')}
      data-testid="assignment-confirmed"
    >
      <AssignmentViews
        rows={assignment}
        {...(editable
          ? {
              onReassign: (caseId: string) =>
                setReassigning(assignment.find((r) => r.caseId === caseId) ?? null),
            }
          : {})}
      />
      <ReassignModal row={reassigning} onClose={() => setReassigning(null)} />
    </Card>
  );
}

export function AssignmentStep({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  if (campaign.status === 'draft') {
    return <Alert type="info" showIcon title={t('campaignsUi.assignment.needDraw')} />;
  }
  if (campaign.status === 'drawn') {
    if (!campaign.counts.evaluators) {
      return <Alert type="info" showIcon title={t('campaignsUi.assignment.needEvaluators')} />;
    }
    return <Proposal campaign={campaign} />;
  }
  return <Confirmed campaign={campaign} />;
}
