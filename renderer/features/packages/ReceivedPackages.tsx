// On an evaluator workspace (made from a task package), above 我的评查任务: the packages imported,
// who signed them, how far the scoring is, and 导出评查结果包 (any time; partial until every
// sheet is submitted). A newer package from the coordinator is imported here too.
import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from '../tasks/format';
import { TaskImportModal } from './TaskImportModal';
import { useReceived, type Received } from './store';
import './packages.css';

export function ReceivedPackages({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useReceived();
  const { load } = s;
  const [importing, setImporting] = useState(false);
  useEffect(() => void load(), [load]);

  const exportResult = async (p: Received) => {
    const r = await s.exportResult(p.campaignId);
    if (!r.ok) return;
    void message.success(
      r.data.partial
        ? t('packagesUi.received.exportedPartial', {
            sequence: r.data.sequence,
            left: r.data.assigned - r.data.submitted,
          })
        : t('packagesUi.received.exported', { sequence: r.data.sequence }),
    );
  };

  return (
    <Card
      className="received-packages"
      data-testid="received-packages"
      title={t('packagesUi.received.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          icon={<ImportOutlined />}
          onClick={() => setImporting(true)}
          data-testid="received-import"
        >
          {t('packagesUi.received.importMore')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('packagesUi.received.intro')}</Typography.Paragraph>
      <ErrorAlert error={s.error} testId="received-error" />
      <Table<Received>
        size="small"
        rowKey="packageId"
        loading={s.loading && !s.packages.length}
        dataSource={s.packages}
        pagination={false}
        onRow={(p) =>
          ({
            'data-testid': 'received-row',
            'data-campaign': p.campaignId,
            'data-current': p.current ? 'true' : 'false',
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'campaign',
            title: t('packagesUi.received.campaign'),
            render: (_, p) => (
              <Space size={4} wrap>
                <Typography.Text strong>{p.campaignName}</Typography.Text>
                {p.current ? null : <Tag>{t('packagesUi.received.superseded')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'issuer',
            title: t('packagesUi.received.issuer'),
            render: (_, p) => (
              <div>
                <div>{p.coordinator.orgName}</div>
                <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
                  {p.coordinator.fingerprint}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'valid',
            title: t('packagesUi.received.validUntil'),
            width: 150,
            render: (_, p) => (
              <Space size={4} wrap>
                <span>{dateTime(p.validUntil).slice(0, 10)}</span>
                {p.expired ? <Tag color="red">{t('packagesUi.received.expired')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'progress',
            title: t('packagesUi.received.progress'),
            width: 130,
            render: (_, p) => (
              <span data-testid="received-progress" data-done={p.submitted} data-total={p.assigned}>
                {t('packagesUi.received.progressText', { done: p.submitted, total: p.assigned })}
              </span>
            ),
          },
          {
            key: 'exports',
            title: t('packagesUi.received.exports'),
            width: 170,
            render: (_, p) =>
              p.exports ? (
                <div data-testid="received-exports" data-count={p.exports}>
                  {t('packagesUi.received.exportsText', { count: p.exports })}
                  <div className="task-saved">
                    {t('packagesUi.received.lastExport', { time: dateTime(p.lastExportedAt) })}
                  </div>
                </div>
              ) : (
                <Typography.Text type="secondary" data-testid="received-exports" data-count={0}>
                  {t('packagesUi.received.never')}
                </Typography.Text>
              ),
          },
          {
            key: 'action',
            title: '',
            width: 160,
            align: 'right',
            render: (_, p) =>
              p.current ? (
                <Button
                  type="primary"
                  icon={<ExportOutlined />}
                  loading={s.exporting === p.campaignId}
                  onClick={() => void exportResult(p)}
                  data-testid="received-export"
                >
                  {t('packagesUi.received.exportResult')}
                </Button>
              ) : null,
          },
        ]}
      />
      <TaskImportModal
        open={importing}
        fresh={false}
        onClose={() => setImporting(false)}
        onImported={() => {
          void load();
          onChanged();
        }}
      />
    </Card>
  );
}
