// 抽取记录: what a third party needs to recompute the draw — seed parts and contributors, the
// commitment, the plans, every stream with its population size, wanted and drawn counts and
// manifest, every pick with its counter — the exports (JSON record, population file, Word), and
// 核验抽取.
import {
  DownloadOutlined,
  FileTextOutlined,
  FileWordOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Campaign, DrawRecord } from '../../../core/api/methods/campaigns';
import { errorText, tr } from '../../i18n/errors';
import { usePreferences } from '../preferences/store';
import { useCampaign, type ExportFormat } from './campaign-store';
import { localizeError, planSummary, rowData } from './format';
import { useTypeName } from './PlanStep';
import { VerifyModal } from './VerifyModal';

type Stream = DrawRecord['streams'][number];
type Pick = Stream['picks'][number];

const time = (v: string | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');

function Exports() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = usePreferences((s) => s.locale);
  const exportDraw = useCampaign((s) => s.exportDraw);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [verifying, setVerifying] = useState(false);

  const run = async (format: ExportFormat) => {
    setBusy(format);
    const r = await exportDraw(format, locale);
    setBusy(null);
    if (!r.ok) void message.error(errorText(localizeError(r.error)));
  };

  const button = (format: ExportFormat, icon: ReactNode, label: string) => (
    <Button
      icon={icon}
      loading={busy === format}
      onClick={() => void run(format)}
      data-testid={`record-export-${format}`}
    >
      {label}
    </Button>
  );

  return (
    <Card size="small">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {button('json', <FileTextOutlined />, t('campaignsUi.record.exportJson'))}
          {button('populations', <DownloadOutlined />, t('campaignsUi.record.exportPopulations'))}
          {button('docx', <FileWordOutlined />, t('campaignsUi.record.exportDocx'))}
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setVerifying(true)}
            data-testid="record-verify"
          >
            {t('campaignsUi.verify.title')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('campaignsUi.record.verifyHint')}</Typography.Text>
      </Space>
      <VerifyModal open={verifying} onClose={() => setVerifying(false)} />
    </Card>
  );
}

function Picks({ stream }: { stream: Stream }) {
  const { t } = useTranslation();
  // The evaluators' stream is keyed by person id: shown with the name and department.
  const people = useCampaign((s) => s.refs.people);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  return (
    <Table<Pick>
      rowKey="counter"
      size="small"
      dataSource={stream.picks}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true, size: 'small' }}
      columns={[
        { title: t('campaignsUi.record.counter'), dataIndex: 'counter', width: 90 },
        { title: t('campaignsUi.record.index'), dataIndex: 'index', width: 90 },
        {
          title: t('campaignsUi.record.key'),
          dataIndex: 'key',
          render: (k: string) => {
            const p = byId.get(k);
            return p ? (
              <span data-testid="pick-person">
                {p.name}（{p.departmentName}）{' '}
                <Typography.Text type="secondary" className="mono-hash">
                  {k}
                </Typography.Text>
              </span>
            ) : (
              k.replace('\t', ' · ')
            );
          },
        },
      ]}
    />
  );
}

function RecordView({ record }: { record: DrawRecord }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const plan = record.evaluatorPlan;
  const items = [
    {
      key: 'campaign',
      label: t('campaignsUi.record.campaign'),
      children: tr('campaigns.doc.campaignYear', {
        name: record.campaign.name,
        year: record.campaign.year,
      }),
    },
    {
      key: 'algorithm',
      label: t('campaignsUi.record.algorithm'),
      children: (
        <Space direction="vertical" size={2}>
          <Typography.Text code>{record.algorithm}</Typography.Text>
          <Typography.Text type="secondary">{t('campaigns.doc.algorithmText')}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'seed',
      label: t('campaignsUi.record.seed'),
      children: (
        <Typography.Text code className="mono-wrap" data-testid="record-seed">
          {record.seed}
        </Typography.Text>
      ),
    },
    {
      key: 'commitment',
      label: t('campaignsUi.record.commitment'),
      children: (
        <Typography.Text code className="mono-wrap" data-testid="record-commitment">
          {record.seedSha256}
        </Typography.Text>
      ),
    },
    {
      key: 'parts',
      label: t('campaignsUi.record.parts'),
      children: (
        <Table
          rowKey={(_p, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={record.seedParts}
          data-testid="record-parts"
          columns={[
            { title: t('campaignsUi.record.contributor'), dataIndex: 'contributor' },
            {
              title: t('campaignsUi.record.kind'),
              dataIndex: 'kind',
              width: 120,
              render: (k: DrawRecord['seedParts'][number]['kind']) => t(`campaigns.seedKinds.${k}`),
            },
            {
              title: t('campaignsUi.record.digits'),
              dataIndex: 'digits',
              render: (d: string) => (
                <Typography.Text code className="mono-wrap">
                  {d}
                </Typography.Text>
              ),
            },
          ]}
        />
      ),
    },
    {
      key: 'filePlan',
      label: t('campaignsUi.record.filePlan'),
      children: planSummary(record.filePlan, typeName),
    },
    ...(record.fileMustInclude.length
      ? [
          {
            key: 'must',
            label: t('campaignsUi.record.mustInclude'),
            children: (
              <ul className="reason-list">
                {record.fileMustInclude.map((m) => (
                  <li key={m.key}>
                    {t('campaigns.doc.field', {
                      label: m.key.replace('\t', ' · '),
                      value: m.reason,
                    })}
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(plan
      ? [
          {
            key: 'evaluatorPlan',
            label: t('campaignsUi.record.evaluatorPlan'),
            children: (
              <Space direction="vertical" size={2}>
                <span>
                  {tr('campaigns.doc.evaluatorPlan', {
                    pool: tr(
                      plan.legalOfficersOnly ? 'campaigns.doc.poolLegal' : 'campaigns.doc.poolAll',
                    ),
                    count: plan.count,
                    perDept: plan.maxPerDepartment
                      ? tr('campaigns.doc.perDept', { max: plan.maxPerDepartment })
                      : '',
                  })}
                </span>
                {plan.mustInclude.map((m) => (
                  <span key={m.key}>
                    {t('campaigns.doc.field', {
                      label: t('campaigns.doc.mustInclude', { reason: m.reason }),
                      value: m.name,
                    })}
                  </span>
                ))}
                {plan.exclude.length ? (
                  <span>
                    {t('campaigns.doc.field', {
                      label: t('campaigns.doc.excludedTitle'),
                      value: plan.exclude
                        .map((m) => `${m.name}（${m.reason}）`)
                        .join(t('campaigns.doc.listSeparator')),
                    })}
                  </span>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
    { key: 'drawnBy', label: t('campaignsUi.record.drawnBy'), children: record.drawnBy },
    { key: 'drawnAt', label: t('campaignsUi.record.drawnAt'), children: time(record.drawnAt) },
    ...(record.evaluatorsDrawnAt
      ? [
          {
            key: 'evaluatorsDrawnAt',
            label: t('campaignsUi.record.evaluatorsDrawnAt'),
            children: time(record.evaluatorsDrawnAt),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('campaignsUi.record.title')} data-testid="record">
        <Descriptions
          size="small"
          bordered
          column={1}
          items={items}
          styles={{ label: { width: 170 } }}
        />
      </Card>
      <Card size="small" title={t('campaignsUi.record.streams')}>
        <Table<Stream>
          rowKey="label"
          size="small"
          dataSource={record.streams}
          data-testid="record-streams"
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: (s) => <Picks stream={s} /> }}
          onRow={(s) => rowData({ 'data-label': s.label })}
          columns={[
            {
              title: t('campaignsUi.record.stream'),
              dataIndex: 'label',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: t('campaignsUi.record.size'), dataIndex: 'size', width: 100, align: 'right' },
            { title: t('campaignsUi.record.want'), dataIndex: 'want', width: 70, align: 'right' },
            {
              title: t('campaignsUi.record.drawn'),
              key: 'drawn',
              width: 70,
              align: 'right',
              render: (_v, s) => s.picks.length,
            },
            {
              title: t('campaignsUi.record.manifest'),
              dataIndex: 'manifest',
              width: 300,
              render: (m: string) => (
                <span className="mono-hash" title={m}>
                  {m}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

export function RecordStep({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { record } = useCampaign(useShallow((s) => ({ record: s.record })));
  if (campaign.status === 'draft' || !record) {
    return <Alert type="info" showIcon title={t('campaignsUi.record.needDraw')} />;
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Exports />
      <RecordView record={record} />
    </Space>
  );
}
