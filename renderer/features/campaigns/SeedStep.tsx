// 种子与抽取: the seed ceremony — named contributors add digits (dice, a lottery number, or digits
// generated here), the SHA-256 commitment of the seed is shown and recorded by the witnesses
// before the reveal, then the draw runs with that commitment. After the draw: the result, the
// drawn files with their stream and counter i, and enlarging the sample.
import {
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  LockOutlined,
  PlusOutlined,
  ThunderboltOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign, DrawnFile } from '../../../core/api/methods/campaigns';
import { MIN_SEED_DIGITS, seedCommitment, seedOf, type SeedPart } from '../../../core/draw/draw';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCampaign } from './campaign-store';
import {
  EMPTY_PLAN_DRAFT,
  EMPTY_SEED,
  randomDigits,
  useDrafts,
  type FilePlan,
  type MustItem,
} from './draft-store';
import { localizeError, planSummary, rowData } from './format';
import { estimate, FilePlanFields, MustIncludeEditor, planProblem, useTypeName } from './PlanStep';

const KINDS: readonly SeedPart['kind'][] = ['dice', 'lottery', 'generated'];

function AddPart({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const addPart = useDrafts((s) => s.addPart);
  const [contributor, setContributor] = useState('');
  const [kind, setKind] = useState<SeedPart['kind']>('dice');
  const [digits, setDigits] = useState('');
  const [problem, setProblem] = useState<
    'campaignsUi.seed.needContributor' | 'campaignsUi.seed.needDigits' | null
  >(null);

  const add = () => {
    if (!contributor.trim()) return setProblem('campaignsUi.seed.needContributor');
    if (!/^\d{1,100}$/.test(digits)) return setProblem('campaignsUi.seed.needDigits');
    addPart(campaignId, { contributor: contributor.trim(), kind, digits });
    setContributor('');
    setDigits('');
    setProblem(null);
  };

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <div className="seed-add">
        <Input
          value={contributor}
          maxLength={40}
          placeholder={t('campaignsUi.seed.contributorPlaceholder')}
          onChange={(e) => setContributor(e.target.value)}
          style={{ flex: '1 1 200px' }}
          aria-label={t('campaignsUi.seed.contributor')}
          data-testid="seed-contributor"
        />
        <Select<SeedPart['kind']>
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`campaigns.seedKinds.${k}`) }))}
          style={{ flex: '0 0 140px' }}
          aria-label={t('campaignsUi.seed.kind')}
          data-testid="seed-kind"
        />
        <Input
          value={digits}
          maxLength={100}
          inputMode="numeric"
          placeholder={t('campaignsUi.seed.digitsPlaceholder')}
          onChange={(e) => setDigits(e.target.value.trim())}
          onPressEnter={add}
          style={{ flex: '2 1 220px', fontFamily: 'monospace' }}
          aria-label={t('campaignsUi.seed.digits')}
          data-testid="seed-digits"
        />
        {kind === 'generated' ? (
          <Button
            icon={<ThunderboltOutlined />}
            onClick={() => setDigits(randomDigits(MIN_SEED_DIGITS))}
            data-testid="seed-generate"
          >
            {t('campaignsUi.seed.generate')}
          </Button>
        ) : null}
        <Button type="primary" icon={<PlusOutlined />} onClick={add} data-testid="seed-add">
          {t('campaignsUi.seed.add')}
        </Button>
      </div>
      {problem ? (
        <Alert type="warning" showIcon title={t(problem)} data-testid="seed-problem" />
      ) : null}
    </Space>
  );
}

function Ceremony({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const typeName = useTypeName();
  const { seed, draft, removePart, setLocked, clearSeed } = useDrafts(
    useShallow((s) => ({
      seed: s.seeds[campaign.id] ?? EMPTY_SEED,
      draft: s.plans[campaign.id] ?? EMPTY_PLAN_DRAFT,
      removePart: s.removePart,
      setLocked: s.setLocked,
      clearSeed: s.clearSeed,
    })),
  );
  const { population, drawFiles } = useCampaign(
    useShallow((s) => ({ population: s.population, drawFiles: s.drawFiles })),
  );
  const [show, setShow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const digits = seedOf(seed.parts);
  const enough = digits.length >= MIN_SEED_DIGITS;
  const commitment = useMemo(() => (enough ? seedCommitment(digits) : null), [enough, digits]);
  const count = estimate(draft.plan, population);
  const problem = planProblem(draft.plan, count + draft.mustInclude.length);

  const copy = async () => {
    if (!commitment) return;
    try {
      await navigator.clipboard.writeText(commitment);
      void message.success(t('campaignsUi.seed.copied'));
    } catch {
      // Clipboard refused (permissions): the value stays on screen to copy by hand.
    }
  };

  const draw = async () => {
    if (!commitment) return;
    setBusy(true);
    const r = await drawFiles({
      plan: draft.plan,
      mustInclude: draft.mustInclude.map((m) => ({ id: m.id, reason: m.reason })),
      seedParts: seed.parts,
      commitment,
    });
    setBusy(false);
    if (!r.ok) {
      setError(localizeError(r.error));
      return;
    }
    setError(null);
    clearSeed(campaign.id);
    void message.success(t('campaignsUi.seed.drawn', { count: r.data.counts.files }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="ceremony">
      <Card size="small" title={t('campaignsUi.seed.partsTitle')} data-testid="seed-parts-card">
        <Typography.Paragraph type="secondary">
          {t('campaignsUi.seed.partsIntro', { min: MIN_SEED_DIGITS })}
        </Typography.Paragraph>
        <Table<SeedPart & { index: number }>
          rowKey="index"
          size="small"
          pagination={false}
          dataSource={seed.parts.map((p, index) => ({ ...p, index }))}
          locale={{ emptyText: t('campaignsUi.seed.empty') }}
          data-testid="seed-parts"
          style={{ marginBottom: 12 }}
          columns={[
            { title: '#', width: 40, render: (_v, p) => p.index + 1 },
            { title: t('campaignsUi.seed.contributor'), dataIndex: 'contributor' },
            {
              title: t('campaignsUi.seed.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (k: SeedPart['kind']) => t(`campaigns.seedKinds.${k}`),
            },
            {
              title: (
                <Space size={4}>
                  {t('campaignsUi.seed.digits')}
                  <Button
                    size="small"
                    type="text"
                    icon={show ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                    onClick={() => setShow(!show)}
                    aria-label={
                      show ? t('campaignsUi.seed.hideDigits') : t('campaignsUi.seed.showDigits')
                    }
                    title={
                      show ? t('campaignsUi.seed.hideDigits') : t('campaignsUi.seed.showDigits')
                    }
                    data-testid="seed-show"
                  />
                </Space>
              ),
              dataIndex: 'digits',
              render: (d: string) =>
                show ? (
                  <Typography.Text code className="mono-wrap">
                    {d}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">
                    {t('campaignsUi.seed.hidden', { count: d.length })}
                  </Typography.Text>
                ),
            },
            {
              title: t('common.actions'),
              width: 70,
              render: (_v, p) => (
                <Button
                  size="small"
                  type="link"
                  danger
                  disabled={seed.locked}
                  icon={<DeleteOutlined />}
                  onClick={() => removePart(campaign.id, p.index)}
                  aria-label={t('campaignsUi.seed.remove')}
                />
              ),
            },
          ]}
        />
        {!seed.locked ? <AddPart campaignId={campaign.id} /> : null}
        <div style={{ marginTop: 12 }}>
          <Tag
            color={enough ? 'green' : 'orange'}
            data-testid="seed-count"
            data-count={digits.length}
          >
            {enough
              ? t('campaignsUi.seed.digitCountOk', { count: digits.length })
              : t('campaignsUi.seed.digitCount', { count: digits.length, min: MIN_SEED_DIGITS })}
          </Tag>
        </div>
      </Card>

      <Card size="small" title={t('campaignsUi.seed.commitTitle')} data-testid="seed-commit-card">
        {!enough ? (
          <Alert
            type="warning"
            showIcon
            title={t('errors.seedTooShort', { digits: digits.length, min: MIN_SEED_DIGITS })}
            data-testid="seed-too-short"
          />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('campaignsUi.seed.commitIntro')}</Typography.Text>
            <div className="commitment-box">
              <div className="commitment-label">{t('campaignsUi.seed.commitment')}</div>
              <div className="commitment-value" data-testid="seed-commitment">
                {commitment}
              </div>
              <Button
                size="small"
                icon={<CopyOutlined />}
                onClick={() => void copy()}
                style={{ marginTop: 8 }}
              >
                {t('campaignsUi.seed.copy')}
              </Button>
            </div>
            {seed.locked ? (
              <Alert
                type="success"
                showIcon
                icon={<LockOutlined />}
                title={t('campaignsUi.seed.locked')}
                action={
                  <Button
                    size="small"
                    icon={<UnlockOutlined />}
                    onClick={() => setLocked(campaign.id, false)}
                    data-testid="seed-unlock"
                  >
                    {t('campaignsUi.seed.unlock')}
                  </Button>
                }
                data-testid="seed-locked"
              />
            ) : (
              <Button
                type="primary"
                icon={<LockOutlined />}
                onClick={() => setLocked(campaign.id, true)}
                data-testid="seed-lock"
              >
                {t('campaignsUi.seed.recorded')}
              </Button>
            )}
          </Space>
        )}
      </Card>

      <Card size="small" title={t('campaignsUi.seed.drawTitle')} data-testid="seed-draw-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('campaignsUi.seed.drawIntro')}</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'plan',
                label: t('campaignsUi.seed.plan'),
                children: (
                  <Space wrap>
                    <span data-testid="seed-plan">{planSummary(draft.plan, typeName)}</span>
                    {draft.mustInclude.length ? (
                      <Tag color="purple">
                        {t('campaignsUi.seed.mustCount', { count: draft.mustInclude.length })}
                      </Tag>
                    ) : null}
                    <Link to={`/campaigns/${campaign.id}/plan`}>
                      {t('campaignsUi.seed.editPlan')}
                    </Link>
                  </Space>
                ),
              },
            ]}
          />
          {problem ? (
            <Alert
              type="warning"
              showIcon
              title={`${t('campaignsUi.seed.planMissing')} ${t(problem)}`}
            />
          ) : null}
          {!seed.locked ? (
            <Typography.Text type="warning" data-testid="seed-need-lock">
              {t('campaignsUi.seed.needLock')}
            </Typography.Text>
          ) : null}
          <ErrorAlert error={error} testId="draw-error" />
          <Button
            type="primary"
            size="large"
            danger
            disabled={!seed.locked || !commitment || !!problem}
            loading={busy}
            onClick={() => void draw()}
            data-testid="seed-draw"
          >
            {t('campaignsUi.seed.draw')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}

function EnlargeModal({
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
  const enlarge = useCampaign((s) => s.enlarge);
  const [plan, setPlan] = useState<FilePlan | null>(null);
  const [must, setMust] = useState<MustItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = plan ?? campaign.filePlan;

  const close = () => {
    setPlan(null);
    setMust([]);
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!current) return;
    setBusy(true);
    const r = await enlarge({
      plan: current,
      mustInclude: must.map((m) => ({ id: m.id, reason: m.reason })),
    });
    setBusy(false);
    if (!r.ok) {
      setError(localizeError(r.error));
      return;
    }
    void message.success(t('campaignsUi.enlarge.done', { count: r.data.counts.files }));
    close();
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t('campaignsUi.enlarge.title')}
      okText={t('campaignsUi.enlarge.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      okButtonProps={{ 'data-testid': 'enlarge-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('campaignsUi.enlarge.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="enlarge-error" />
      {current && campaign.filePlan ? (
        <FilePlanFields
          plan={current}
          onChange={setPlan}
          caseTypes={campaign.scope.caseTypes}
          floor={campaign.filePlan}
        />
      ) : null}
      <Typography.Title level={5}>{t('campaignsUi.mustInclude.title')}</Typography.Title>
      <MustIncludeEditor
        items={must}
        onAdd={(m) => setMust([...must, m])}
        onRemove={(id) => setMust(must.filter((m) => m.id !== id))}
      />
    </Modal>
  );
}

export function DrawnFilesTable({ files }: { files: readonly DrawnFile[] }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const types = [...new Set(files.map((f) => f.caseType))];
  return (
    <Table<DrawnFile>
      rowKey="caseId"
      size="small"
      dataSource={[...files]}
      data-testid="drawn-files"
      scroll={{ x: 1000 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      onRow={(f) => rowData({ 'data-case-no': f.caseNo, 'data-type': f.caseType })}
      columns={[
        {
          title: t('campaignsUi.files.caseNo'),
          dataIndex: 'caseNo',
          width: 200,
          fixed: 'left',
        },
        {
          title: t('campaignsUi.files.type'),
          dataIndex: 'caseType',
          width: 100,
          filters: types.map((c) => ({ text: typeName(c), value: c })),
          onFilter: (v, f) => f.caseType === v,
          render: (v: string) => typeName(v),
        },
        {
          title: t('campaignsUi.files.department'),
          dataIndex: 'departmentName',
          width: 190,
          ellipsis: true,
          sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
        },
        {
          title: t('campaignsUi.files.party'),
          dataIndex: 'partyName',
          width: 160,
          ellipsis: true,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('campaignsUi.files.cause'),
          dataIndex: 'cause',
          ellipsis: true,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('campaignsUi.files.stream'),
          dataIndex: 'stream',
          width: 200,
          ellipsis: true,
          render: (v: string | null, f) =>
            f.mustIncludeReason ? (
              <Tag color="purple">
                {t('campaignsUi.files.mustInclude', { reason: f.mustIncludeReason })}
              </Tag>
            ) : (
              <Typography.Text code>{v}</Typography.Text>
            ),
        },
        {
          title: t('campaignsUi.files.counter'),
          dataIndex: 'counter',
          width: 80,
          align: 'right',
          render: (v: number | null) => v ?? '—',
        },
      ]}
    />
  );
}

function DrawResult({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const { files, record } = useCampaign(useShallow((s) => ({ files: s.files, record: s.record })));
  const [enlarging, setEnlarging] = useState(false);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('campaignsUi.seed.resultTitle')}
        extra={
          campaign.status === 'drawn' ? (
            <Button onClick={() => setEnlarging(true)} data-testid="enlarge">
              {t('campaignsUi.seed.enlarge')}
            </Button>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={1}
          styles={{ label: { width: 180 } }}
          items={[
            {
              key: 'commitment',
              label: t('campaignsUi.seed.commitment'),
              children: (
                <Typography.Text code className="mono-wrap" data-testid="drawn-commitment">
                  {campaign.seedCommitment}
                </Typography.Text>
              ),
            },
            {
              key: 'seed',
              label: t('campaignsUi.seed.seed'),
              children: (
                <Typography.Text code className="mono-wrap" data-testid="drawn-seed">
                  {record?.seed ?? '—'}
                </Typography.Text>
              ),
            },
            {
              key: 'plan',
              label: t('campaignsUi.seed.plan'),
              children: campaign.filePlan ? planSummary(campaign.filePlan, typeName) : '—',
            },
            {
              key: 'by',
              label: t('campaignsUi.seed.drawnBy'),
              children: record?.drawnBy ?? '—',
            },
            {
              key: 'at',
              label: t('campaignsUi.seed.drawnAt'),
              children: campaign.drawnAt
                ? dayjs(campaign.drawnAt).format('YYYY-MM-DD HH:mm:ss')
                : '—',
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('campaignsUi.files.title')}
        extra={
          <Typography.Text
            type="secondary"
            data-testid="drawn-files-count"
            data-count={files.length}
          >
            {t('campaignsUi.files.count', { count: files.length })}
          </Typography.Text>
        }
      >
        <DrawnFilesTable files={files} />
      </Card>
      <EnlargeModal campaign={campaign} open={enlarging} onClose={() => setEnlarging(false)} />
    </Space>
  );
}

export function SeedStep({ campaign }: { campaign: Campaign }) {
  return campaign.status === 'draft' ? (
    <Ceremony campaign={campaign} />
  ) : (
    <DrawResult campaign={campaign} />
  );
}
