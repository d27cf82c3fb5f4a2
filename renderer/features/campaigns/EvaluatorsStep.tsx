// 抽取评查员: the plan (how many, 法制员 only, active only, departments, at most k per department,
// must-include and exclude with reasons), the size of the pool it draws from, the draw with the
// campaign's seed, and the drawn evaluators.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign, DrawnPerson } from '../../../core/api/methods/campaigns';
import type { EvaluatorPlan } from '../../../core/campaigns/schemas';
import type { Person } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { useCampaign } from './campaign-store';
import { localizeError, rowData } from './format';

interface Reasoned {
  id: string;
  reason: string;
}

const DEFAULT_PLAN: EvaluatorPlan = {
  count: 0,
  legalOfficersOnly: true,
  activeOnly: true,
  departmentIds: [],
  maxPerDepartment: null,
  mustInclude: [],
  exclude: [],
};

const personLabel = (p: Person) => `${p.name}（${p.departmentName}）`;

/** People chosen with a reason each (must-include or exclude). */
function ReasonedPeople({
  items,
  onChange,
  people,
  reasonPlaceholder,
  testId,
}: {
  items: readonly Reasoned[];
  onChange: (items: Reasoned[]) => void;
  people: readonly Person[];
  reasonPlaceholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const taken = new Set(items.map((i) => i.id));

  const add = () => {
    if (!personId || !reason.trim()) return;
    onChange([...items, { id: personId, reason: reason.trim() }]);
    setPersonId(undefined);
    setReason('');
  };

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }} data-testid={testId}>
      <div className="must-include-add">
        <Select<string>
          showSearch
          allowClear
          optionFilterProp="label"
          value={personId}
          onChange={setPersonId}
          placeholder={t('campaignsUi.evaluators.personPlaceholder')}
          options={people
            .filter((p) => !taken.has(p.id))
            .map((p) => ({ value: p.id, label: personLabel(p) }))}
          style={{ flex: '1 1 220px', minWidth: 0 }}
          data-testid={`${testId}-person`}
        />
        <Input
          value={reason}
          maxLength={500}
          placeholder={reasonPlaceholder}
          onChange={(e) => setReason(e.target.value)}
          onPressEnter={add}
          style={{ flex: '1 1 180px' }}
          data-testid={`${testId}-reason`}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!personId || !reason.trim()}
          onClick={add}
          data-testid={`${testId}-add`}
        >
          {t('campaignsUi.evaluators.add')}
        </Button>
      </div>
      {items.length ? (
        <ul className="reasoned-list">
          {items.map((i) => {
            const p = byId.get(i.id);
            return (
              <li key={i.id}>
                <span>
                  {t('campaigns.doc.field', { label: p ? personLabel(p) : i.id, value: i.reason })}
                </span>
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('campaignsUi.evaluators.remove')}
                  onClick={() => onChange(items.filter((x) => x.id !== i.id))}
                />
              </li>
            );
          })}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('campaignsUi.evaluators.none')}</Typography.Text>
      )}
    </Space>
  );
}

function PlanForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { people, departments, drawEvaluators, drawnCount } = useCampaign(
    useShallow((s) => ({
      people: s.refs.people,
      departments: s.refs.departments,
      drawEvaluators: s.drawEvaluators,
      drawnCount: s.evaluators.length,
    })),
  );
  const [plan, setPlan] = useState<EvaluatorPlan>(campaign.evaluatorPlan ?? DEFAULT_PLAN);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const patch = (p: Partial<EvaluatorPlan>) => setPlan({ ...plan, ...p });

  const pool = useMemo(() => {
    const excluded = new Set(plan.exclude.map((x) => x.id));
    return people.filter(
      (p) =>
        (!plan.activeOnly || p.active) &&
        (!plan.legalOfficersOnly || p.legalOfficer) &&
        (!plan.departmentIds.length || plan.departmentIds.includes(p.departmentId)) &&
        !excluded.has(p.id),
    );
  }, [people, plan]);
  const poolSize = new Set([...pool.map((p) => p.id), ...plan.mustInclude.map((m) => m.id)]).size;

  const draw = async () => {
    setBusy(true);
    const r = await drawEvaluators(plan);
    setBusy(false);
    if (!r.ok) {
      setError(localizeError(r.error));
      return;
    }
    setError(null);
    void message.success(t('campaignsUi.evaluators.drawn', { count: r.data.counts.evaluators }));
  };

  const drawButton = (
    <Button
      type="primary"
      loading={busy}
      disabled={plan.count < 1}
      onClick={drawnCount ? undefined : () => void draw()}
      data-testid="evaluators-draw"
    >
      {drawnCount ? t('campaignsUi.evaluators.redraw') : t('campaignsUi.evaluators.draw')}
    </Button>
  );

  return (
    <Card size="small" title={t('campaignsUi.evaluators.planTitle')} data-testid="evaluator-plan">
      <Typography.Paragraph type="secondary">
        {t('campaignsUi.evaluators.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={error} testId="evaluators-error" />
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} sm={12} md={6}>
            <Form.Item label={t('campaignsUi.evaluators.count')} required>
              <InputNumber
                min={1}
                max={10_000}
                precision={0}
                value={plan.count || null}
                suffix={t('campaignsUi.evaluators.unit')}
                style={{ width: '100%' }}
                onChange={(v) => patch({ count: v ?? 0 })}
                data-testid="evaluators-count"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item label={t('campaignsUi.evaluators.maxPerDepartment')}>
              <InputNumber
                min={1}
                max={100}
                precision={0}
                value={plan.maxPerDepartment}
                placeholder={t('campaignsUi.evaluators.maxPerDepartmentPlaceholder')}
                suffix={t('campaignsUi.evaluators.unit')}
                style={{ width: '100%' }}
                onChange={(v) => patch({ maxPerDepartment: v ?? null })}
                data-testid="evaluators-maxPerDepartment"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('campaignsUi.evaluators.departments')}>
              <Select
                mode="multiple"
                allowClear
                optionFilterProp="label"
                value={plan.departmentIds}
                onChange={(v: string[]) => patch({ departmentIds: v })}
                placeholder={t('campaignsUi.evaluators.departmentsPlaceholder')}
                options={departments.map((d) => ({ value: d.id, label: d.name }))}
                data-testid="evaluators-departments"
              />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Checkbox
            checked={plan.legalOfficersOnly}
            onChange={(e) => patch({ legalOfficersOnly: e.target.checked })}
            data-testid="evaluators-legalOnly"
          >
            {t('campaignsUi.evaluators.legalOfficersOnly')}
          </Checkbox>
          <Checkbox
            checked={plan.activeOnly}
            onChange={(e) => patch({ activeOnly: e.target.checked })}
            data-testid="evaluators-activeOnly"
          >
            {t('campaignsUi.evaluators.activeOnly')}
          </Checkbox>
          <Tag color="blue" data-testid="evaluators-pool" data-count={poolSize}>
            {t('campaignsUi.evaluators.pool', { count: poolSize })}
          </Tag>
        </Space>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item label={t('campaignsUi.evaluators.mustInclude')}>
              <ReasonedPeople
                items={plan.mustInclude}
                onChange={(mustInclude) => patch({ mustInclude })}
                people={people.filter((p) => !plan.exclude.some((x) => x.id === p.id))}
                reasonPlaceholder={t('campaignsUi.evaluators.mustReasonPlaceholder')}
                testId="evaluators-must"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item label={t('campaignsUi.evaluators.exclude')}>
              <ReasonedPeople
                items={plan.exclude}
                onChange={(exclude) => patch({ exclude })}
                people={people.filter((p) => !plan.mustInclude.some((x) => x.id === p.id))}
                reasonPlaceholder={t('campaignsUi.evaluators.excludeReasonPlaceholder')}
                testId="evaluators-exclude"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {drawnCount ? (
        <Popconfirm
          title={t('campaignsUi.evaluators.redraw')}
          description={t('campaignsUi.evaluators.redrawHelp')}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'evaluators-redraw-ok' }}
          onConfirm={() => draw()}
        >
          {drawButton}
        </Popconfirm>
      ) : (
        drawButton
      )}
    </Card>
  );
}

export function EvaluatorsTable({ evaluators }: { evaluators: readonly DrawnPerson[] }) {
  const { t } = useTranslation();
  return (
    <Table<DrawnPerson>
      rowKey="personId"
      size="small"
      dataSource={[...evaluators]}
      data-testid="drawn-evaluators"
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
      onRow={(e) => rowData({ 'data-department': e.departmentName })}
      columns={[
        { title: t('campaignsUi.evaluators.name'), dataIndex: 'name', width: 100 },
        {
          title: t('campaignsUi.evaluators.department'),
          dataIndex: 'departmentName',
          ellipsis: true,
          sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
        },
        {
          title: t('campaignsUi.evaluators.legalOfficer'),
          dataIndex: 'legalOfficer',
          width: 90,
          render: (v: boolean) =>
            v ? <Tag color="blue">{t('campaignsUi.evaluators.legalOfficer')}</Tag> : null,
        },
        {
          title: t('campaignsUi.evaluators.account'),
          dataIndex: 'username',
          width: 120,
          render: (v: string | null) =>
            v ?? (
              <Typography.Text type="secondary">
                {t('campaignsUi.evaluators.noAccount')}
              </Typography.Text>
            ),
        },
        {
          title: t('campaignsUi.evaluators.counter'),
          dataIndex: 'counter',
          width: 200,
          render: (v: number | null, e) =>
            e.mustIncludeReason ? (
              <Tag color="purple">
                {t('campaignsUi.evaluators.mustIncludeTag', { reason: e.mustIncludeReason })}
              </Tag>
            ) : (
              v
            ),
        },
      ]}
    />
  );
}

export function EvaluatorsStep({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const evaluators = useCampaign((s) => s.evaluators);
  if (campaign.status === 'draft') {
    return <Alert type="info" showIcon title={t('campaignsUi.evaluators.needFiles')} />;
  }
  const departments = new Set(evaluators.map((e) => e.departmentId)).size;
  const plan = campaign.evaluatorPlan;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {campaign.status === 'drawn' ? (
        <PlanForm key={campaign.updatedAt} campaign={campaign} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('campaignsUi.evaluators.planFixed')}
          description={
            plan
              ? tr('campaigns.doc.evaluatorPlan', {
                  pool: tr(
                    plan.legalOfficersOnly ? 'campaigns.doc.poolLegal' : 'campaigns.doc.poolAll',
                  ),
                  count: plan.count,
                  perDept: plan.maxPerDepartment
                    ? tr('campaigns.doc.perDept', { max: plan.maxPerDepartment })
                    : '',
                })
              : null
          }
        />
      )}
      {evaluators.length ? (
        <Card
          size="small"
          title={t('campaignsUi.evaluators.listTitle')}
          extra={
            <Typography.Text
              type="secondary"
              data-testid="drawn-evaluators-count"
              data-count={evaluators.length}
            >
              {t('campaignsUi.evaluators.listCount', { count: evaluators.length, departments })}
            </Typography.Text>
          }
        >
          <EvaluatorsTable evaluators={evaluators} />
        </Card>
      ) : null}
    </Space>
  );
}
