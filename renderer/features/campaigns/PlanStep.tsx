// 抽样方案: how many files each stream draws — totals per case type, a fixed quota per department
// (optionally per type), or proportional to each department's volume within bounds — and the
// must-include files with their reasons. Prepared on this device until the draw sends it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { CaseFile } from '../../../core/registry/schemas';
import { useCampaign, type Population } from './campaign-store';
import {
  DEFAULT_PLANS,
  EMPTY_PLAN_DRAFT,
  useDrafts,
  type FilePlan,
  type MustItem,
  type PlanKind,
} from './draft-store';
import { planSummary } from './format';
import { PopulationPanel } from './PopulationPanel';

const KINDS: readonly PlanKind[] = ['type_totals', 'department_quota', 'proportional'];

/** How many files the plan draws from this population (the sampler takes all when fewer). */
export function estimate(plan: FilePlan, population: Population | null): number {
  if (!population) return 0;
  switch (plan.kind) {
    case 'type_totals':
      return population.byType.reduce(
        (n, b) => n + Math.min(plan.totals[b.caseType] ?? 0, b.count),
        0,
      );
    case 'department_quota':
      return population.byDepartment.reduce(
        (n, d) =>
          n +
          (plan.byType
            ? Object.values(d.byType).reduce((m, c) => m + Math.min(plan.quota, c), 0)
            : Math.min(plan.quota, d.count)),
        0,
      );
    case 'proportional': {
      const lo = population.byDepartment.reduce((n, d) => n + Math.min(plan.min, d.count), 0);
      const hi = population.byDepartment.reduce((n, d) => n + Math.min(plan.max, d.count), 0);
      return Math.max(lo, Math.min(plan.total, hi));
    }
  }
}

type PlanProblem = 'campaignsUi.plan.minOverMax' | 'campaignsUi.plan.invalid';

export function planProblem(plan: FilePlan, drawCount: number): PlanProblem | null {
  if (plan.kind === 'proportional' && plan.min > plan.max) return 'campaignsUi.plan.minOverMax';
  return drawCount > 0 ? null : 'campaignsUi.plan.invalid';
}

export function useTypeName(): (code: string) => string {
  const caseTypes = useCampaign((s) => s.refs.caseTypes);
  return useMemo(() => {
    const names = new Map(caseTypes.map((c) => [c.code, c.name]));
    return (code: string) => names.get(code) ?? code;
  }, [caseTypes]);
}

/**
 * The fields of one plan. `floor` (when enlarging) is the plan already drawn: the kind stays and
 * no number may go below it.
 */
export function FilePlanFields({
  plan,
  onChange,
  caseTypes,
  floor,
}: {
  plan: FilePlan;
  onChange: (plan: FilePlan) => void;
  caseTypes: readonly string[];
  floor?: FilePlan | undefined;
}) {
  const { t } = useTranslation();
  const population = useCampaign((s) => s.population);
  const typeName = useTypeName();
  const available = (type: string) =>
    population?.byType.find((b) => b.caseType === type)?.count ?? 0;
  const num = (v: number | null, min: number) => Math.max(min, v ?? min);
  const unit = t('campaignsUi.plan.unit');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Radio.Group
        value={plan.kind}
        disabled={!!floor}
        onChange={(e) => onChange(DEFAULT_PLANS[e.target.value as PlanKind])}
        optionType="button"
        buttonStyle="solid"
        data-testid="plan-kind"
      >
        {KINDS.map((k) => (
          <Radio.Button key={k} value={k} data-testid={`plan-kind-${k}`}>
            {t(`campaignsUi.plan.kinds.${k}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Typography.Text type="secondary">
        {t(`campaignsUi.plan.kindHelp.${plan.kind}`)}
      </Typography.Text>
      <Form layout="vertical" component="div">
        {plan.kind === 'type_totals' ? (
          <Row gutter={16}>
            {caseTypes.map((type) => {
              const min = floor?.kind === 'type_totals' ? (floor.totals[type] ?? 0) : 0;
              return (
                <Col key={type} xs={24} sm={12} md={8}>
                  <Form.Item
                    label={t('campaignsUi.plan.typeTotal', { type: typeName(type) })}
                    extra={t('campaignsUi.plan.available', { count: available(type) })}
                  >
                    <InputNumber
                      min={min}
                      max={100_000}
                      precision={0}
                      value={plan.totals[type] ?? 0}
                      suffix={unit}
                      style={{ width: '100%' }}
                      onChange={(v) =>
                        onChange({ ...plan, totals: { ...plan.totals, [type]: num(v, min) } })
                      }
                      data-testid={`plan-total-${type}`}
                    />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        ) : plan.kind === 'department_quota' ? (
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={12} md={8}>
              <Form.Item label={t('campaignsUi.plan.quota')}>
                <InputNumber
                  min={floor?.kind === 'department_quota' ? floor.quota : 1}
                  max={10_000}
                  precision={0}
                  value={plan.quota}
                  suffix={unit}
                  style={{ width: '100%' }}
                  onChange={(v) => onChange({ ...plan, quota: num(v, 1) })}
                  data-testid="plan-quota"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={16}>
              <Form.Item>
                <Checkbox
                  checked={plan.byType}
                  disabled={!!floor}
                  onChange={(e) => onChange({ ...plan, byType: e.target.checked })}
                  data-testid="plan-quota-byType"
                >
                  {t('campaignsUi.plan.quotaByType')}
                </Checkbox>
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            {(['total', 'min', 'max'] as const).map((k) => {
              const min = floor?.kind === 'proportional' ? floor[k] : k === 'min' ? 0 : 1;
              return (
                <Col key={k} xs={24} sm={8}>
                  <Form.Item label={t(`campaignsUi.plan.${k}`)}>
                    <InputNumber
                      min={min}
                      max={k === 'total' ? 100_000 : 10_000}
                      precision={0}
                      value={plan[k]}
                      suffix={unit}
                      style={{ width: '100%' }}
                      onChange={(v) => onChange({ ...plan, [k]: num(v, min) })}
                      data-testid={`plan-${k}`}
                    />
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        )}
      </Form>
    </Space>
  );
}

/** Files to take whatever the draw, each with its reason. */
export function MustIncludeEditor({
  items,
  onAdd,
  onRemove,
  disabled = false,
}: {
  items: readonly MustItem[];
  onAdd: (item: MustItem) => void;
  onRemove: (caseId: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const searchCases = useCampaign((s) => s.searchCases);
  const typeName = useTypeName();
  const [options, setOptions] = useState<CaseFile[]>([]);
  const [picked, setPicked] = useState<CaseFile | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<
    'campaignsUi.mustInclude.needReason' | 'campaignsUi.mustInclude.duplicate' | null
  >(null);
  const seq = useRef(0);

  const search = async (q: string) => {
    const mine = ++seq.current;
    const rows = await searchCases(q);
    if (mine === seq.current) setOptions(rows);
  };

  const add = () => {
    if (!picked) return;
    if (!reason.trim()) return setProblem('campaignsUi.mustInclude.needReason');
    if (items.some((m) => m.id === picked.id))
      return setProblem('campaignsUi.mustInclude.duplicate');
    onAdd({
      id: picked.id,
      reason: reason.trim(),
      caseNo: picked.caseNo,
      departmentName: picked.departmentName,
      caseType: picked.caseType,
    });
    setPicked(null);
    setReason('');
    setProblem(null);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="must-include">
      <Typography.Text type="secondary">{t('campaignsUi.mustInclude.intro')}</Typography.Text>
      {!disabled ? (
        <div className="must-include-add">
          <Select<string>
            showSearch
            filterOption={false}
            value={picked?.id}
            placeholder={t('campaignsUi.mustInclude.search')}
            onSearch={(q) => void search(q)}
            onChange={(id) => setPicked(options.find((o) => o.id === id) ?? null)}
            options={options.map((o) => ({
              value: o.id,
              label: `${o.caseNo} · ${o.departmentName} · ${typeName(o.caseType)}`,
            }))}
            style={{ flex: '2 1 320px', minWidth: 0 }}
            data-testid="must-include-search"
          />
          <Input
            value={reason}
            maxLength={500}
            placeholder={t('campaignsUi.mustInclude.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={add}
            style={{ flex: '1 1 200px' }}
            data-testid="must-include-reason"
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!picked}
            onClick={add}
            data-testid="must-include-add"
          >
            {t('campaignsUi.mustInclude.add')}
          </Button>
        </div>
      ) : null}
      {problem ? <Alert type="warning" showIcon title={t(problem)} /> : null}
      <Table<MustItem>
        rowKey="id"
        size="small"
        dataSource={[...items]}
        pagination={false}
        locale={{ emptyText: t('campaignsUi.mustInclude.empty') }}
        data-testid="must-include-table"
        columns={[
          { title: t('campaignsUi.mustInclude.caseNo'), dataIndex: 'caseNo' },
          {
            title: t('campaignsUi.mustInclude.department'),
            dataIndex: 'departmentName',
            ellipsis: true,
          },
          {
            title: t('campaignsUi.mustInclude.type'),
            dataIndex: 'caseType',
            width: 100,
            render: (v: string) => typeName(v),
          },
          { title: t('campaignsUi.mustInclude.reason'), dataIndex: 'reason' },
          ...(disabled
            ? []
            : [
                {
                  title: t('common.actions'),
                  key: 'remove',
                  width: 80,
                  render: (_v: unknown, m: MustItem) => (
                    <Button
                      size="small"
                      type="link"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => onRemove(m.id)}
                      aria-label={t('campaignsUi.mustInclude.remove')}
                    />
                  ),
                },
              ]),
        ]}
      />
    </Space>
  );
}

function DraftPlan({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const population = useCampaign((s) => s.population);
  const { draft, setPlan, addMust, removeMust } = useDrafts(
    useShallow((s) => ({
      draft: s.plans[campaign.id] ?? EMPTY_PLAN_DRAFT,
      setPlan: s.setPlan,
      addMust: s.addMust,
      removeMust: s.removeMust,
    })),
  );
  const count = estimate(draft.plan, population);
  const problem = planProblem(draft.plan, count + draft.mustInclude.length);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('campaignsUi.plan.title')} data-testid="plan-card">
            <Typography.Paragraph type="secondary">
              {t('campaignsUi.plan.intro')}
            </Typography.Paragraph>
            <FilePlanFields
              plan={draft.plan}
              onChange={(p) => setPlan(campaign.id, p)}
              caseTypes={campaign.scope.caseTypes}
            />
            <Typography.Text strong data-testid="plan-estimate" data-count={count}>
              {t('campaignsUi.plan.estimate', { count })}
              {draft.mustInclude.length
                ? t('campaignsUi.plan.estimateMust', { count: draft.mustInclude.length })
                : ''}
            </Typography.Text>
            {problem ? (
              <Alert
                type="warning"
                showIcon
                title={t(problem)}
                style={{ marginTop: 12 }}
                data-testid="plan-problem"
              />
            ) : null}
          </Card>
          <Card size="small" title={t('campaignsUi.mustInclude.title')}>
            <MustIncludeEditor
              items={draft.mustInclude}
              onAdd={(m) => addMust(campaign.id, m)}
              onRemove={(id) => removeMust(campaign.id, id)}
            />
          </Card>
          <Button
            type="primary"
            onClick={() => void navigate(`/campaigns/${campaign.id}/seed`)}
            data-testid="plan-next"
          >
            {t('campaignsUi.plan.next')}
          </Button>
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        <PopulationPanel compact />
      </Col>
    </Row>
  );
}

function DrawnPlan({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const files = useCampaign((s) => s.files);
  const must = files
    .filter((f) => f.mustIncludeReason)
    .map((f) => ({
      id: f.caseId,
      reason: f.mustIncludeReason!,
      caseNo: f.caseNo,
      departmentName: f.departmentName,
      caseType: f.caseType,
    }));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('campaignsUi.plan.fixed')} />
      <Card size="small" title={t('campaignsUi.plan.title')}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'plan',
              label: t('campaignsUi.plan.kind'),
              children: (
                <span data-testid="plan-summary">
                  {campaign.filePlan ? planSummary(campaign.filePlan, typeName) : '—'}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('campaignsUi.mustInclude.title')}>
        <MustIncludeEditor items={must} onAdd={() => {}} onRemove={() => {}} disabled />
      </Card>
    </Space>
  );
}

export function PlanStep({ campaign }: { campaign: Campaign }) {
  return campaign.status === 'draft' ? (
    <DraftPlan campaign={campaign} />
  ) : (
    <DrawnPlan campaign={campaign} />
  );
}
