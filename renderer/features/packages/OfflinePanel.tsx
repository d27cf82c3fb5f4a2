// 离线评查 (a tab of the campaign dashboard): the coordinator exports each evaluator's task
// package (signed; only their files and scans) or all at once, sees what was issued and merged,
// and imports the result packages that come back (MergeModal). The fingerprint of this
// workspace's key is shown so that evaluators can compare it with what their import shows.
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../core/api/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { dateTime } from '../tasks/format';
import { MergeModal } from './MergeModal';
import { useIssue } from './store';
import './packages.css';

type EvaluatorRow = MethodOutput<'packages.list'>['evaluators'][number];

export function OfflinePanel({
  campaignId,
  onMerged,
}: {
  campaignId: string;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useIssue();
  const { load } = s;
  const [validUntil, setValidUntil] = useState<string | null>(null);
  useEffect(() => void load(campaignId), [campaignId, load]);

  const issued = s.issued?.campaignId === campaignId ? s.issued : null;
  const until = validUntil ?? issued?.defaultValidUntil ?? null;
  const busy = s.exporting !== null;
  const progress = s.progress;

  const exportOne = async (row: EvaluatorRow) => {
    const r = await s.exportOne(row.personId, until ?? undefined);
    if (r.ok) void message.success(t('packagesUi.coordinator.exportedOne', { name: row.name }));
  };
  const exportAll = async () => {
    const r = await s.exportAll(until ?? undefined);
    if (r.ok) {
      void message.success(
        t('packagesUi.coordinator.exportedAll', { count: issued?.evaluators.length ?? 0 }),
      );
    }
  };

  return (
    <div data-testid="offline-panel">
      <Typography.Paragraph type="secondary">
        {t('packagesUi.coordinator.intro')}
      </Typography.Paragraph>
      {s.identity ? (
        <Typography.Paragraph>
          <span data-testid="offline-fingerprint" data-fingerprint={s.identity.fingerprint}>
            {t('packagesUi.coordinator.identity', { fingerprint: s.identity.fingerprint })}
          </span>{' '}
          <Typography.Text type="secondary">
            {t('packagesUi.coordinator.identityHelp')}
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {issued && !issued.canIssue ? (
        <Alert
          type="info"
          showIcon
          title={t('packagesUi.coordinator.cannotIssue')}
          description={issued.reason ? tr(issued.reason.key, issued.reason.params) : undefined}
          style={{ marginBottom: 12 }}
          data-testid="offline-cannot-issue"
        />
      ) : null}
      <div className="packages-toolbar">
        <Space size={8}>
          <Typography.Text>{t('packagesUi.coordinator.validUntil')}</Typography.Text>
          <DatePicker
            value={until ? dayjs(until) : null}
            allowClear={false}
            disabled={!issued?.canIssue || busy}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            onChange={(d) => setValidUntil(d ? d.format('YYYY-MM-DD') : null)}
            data-testid="offline-valid-until"
          />
        </Space>
        <Button
          icon={<ExportOutlined />}
          disabled={!issued?.canIssue || (busy && s.exporting !== 'all')}
          loading={s.exporting === 'all'}
          onClick={() => void exportAll()}
          data-testid="offline-export-all"
        >
          {t('packagesUi.coordinator.exportAll')}
        </Button>
        <span className="spacer" />
        <Upload
          accept=".zip,application/zip"
          showUploadList={false}
          beforeUpload={(file) => {
            void s.chooseResult(file);
            return false;
          }}
        >
          <Button type="primary" icon={<ImportOutlined />} data-testid="offline-import-result">
            {t('packagesUi.coordinator.importResult')}
          </Button>
        </Upload>
      </div>
      {busy && progress ? (
        <div data-testid="offline-progress" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{tr(progress.phase)}</Typography.Text>
          <Progress
            percent={progress.total ? Math.round((100 * progress.done) / progress.total) : 100}
            status="active"
            size="small"
          />
        </div>
      ) : null}
      <ErrorAlert error={s.error} testId="offline-error" />
      <Table<EvaluatorRow>
        size="small"
        rowKey="personId"
        loading={s.loading && !issued}
        dataSource={issued?.evaluators ?? []}
        pagination={false}
        onRow={(row) =>
          ({
            'data-testid': 'offline-row',
            'data-person': row.personId,
            'data-username': row.username ?? '',
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'name',
            title: t('packagesUi.coordinator.columns.evaluator'),
            render: (_, row) => (
              <div>
                <Typography.Text strong>{row.name}</Typography.Text>
                {row.username ? (
                  <Typography.Text type="secondary"> · {row.username}</Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            key: 'department',
            title: t('packagesUi.coordinator.columns.department'),
            ellipsis: true,
            render: (_, row) => row.departmentName,
          },
          {
            key: 'files',
            title: t('packagesUi.coordinator.columns.files'),
            width: 70,
            render: (_, row) => row.files,
          },
          {
            key: 'submitted',
            title: t('packagesUi.coordinator.columns.submitted'),
            width: 80,
            render: (_, row) => <span data-testid="offline-submitted">{row.submitted}</span>,
          },
          {
            key: 'package',
            title: t('packagesUi.coordinator.columns.lastPackage'),
            render: (_, row) => {
              const p = row.packages[0];
              if (!p) {
                return (
                  <Typography.Text
                    type="secondary"
                    data-testid="offline-package"
                    data-issued="false"
                  >
                    {t('packagesUi.coordinator.none')}
                  </Typography.Text>
                );
              }
              return (
                <Space size={4} wrap data-testid="offline-package" data-issued="true">
                  <span>
                    {t('packagesUi.coordinator.issued', {
                      time: dateTime(p.issuedAt),
                      until: dateTime(p.validUntil).slice(0, 10),
                    })}
                  </span>
                  {p.expired ? <Tag color="red">{t('packagesUi.coordinator.expired')}</Tag> : null}
                </Space>
              );
            },
          },
          {
            key: 'merged',
            title: t('packagesUi.coordinator.columns.merged'),
            width: 190,
            render: (_, row) => {
              const p = row.packages.find((x) => x.mergedSequence > 0);
              return p ? (
                <span data-testid="offline-merged" data-sequence={p.mergedSequence}>
                  {t('packagesUi.coordinator.mergedText', {
                    sequence: p.mergedSequence,
                    time: dateTime(p.mergedAt),
                  })}
                </span>
              ) : (
                <Typography.Text type="secondary" data-testid="offline-merged" data-sequence={0}>
                  {t('packagesUi.coordinator.notMerged')}
                </Typography.Text>
              );
            },
          },
          {
            key: 'action',
            title: '',
            width: 150,
            align: 'right',
            render: (_, row) => (
              <Button
                size="small"
                icon={<ExportOutlined />}
                disabled={!issued?.canIssue || (busy && s.exporting !== row.personId)}
                loading={s.exporting === row.personId}
                onClick={() => void exportOne(row)}
                data-testid="offline-export"
              >
                {t('packagesUi.coordinator.export')}
              </Button>
            ),
          },
        ]}
      />
      <MergeModal onMerged={onMerged} />
    </div>
  );
}
