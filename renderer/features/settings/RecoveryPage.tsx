// The start page when the workspace file failed its check at start (backup.status: damaged). The
// app did not open the file; it offers the newest backup that passes every check ("从备份恢复"),
// the other backups, or a backup file the user saved. Shown instead of the login page.
import { UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, List, Result, Space, Spin, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { RestoreSource } from '../../../core/api/methods/backup';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { AuthLayout } from '../auth/AuthLayout';
import { fileSource, useBackup } from './backup-store';
import { formatSize, useKindLabel } from './BackupCard';

const TIME = 'YYYY-MM-DD HH:mm';

/** Renders `fallback` unless the workspace is damaged. */
export function StartupRecovery({
  fallback,
  onRestored,
}: {
  fallback: ReactNode;
  onRestored: () => void;
}) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const { status, restored, loadStatus, recover } = useBackup(
    useShallow((s) => ({
      status: s.status,
      restored: s.restored,
      loadStatus: s.loadStatus,
      recover: s.recover,
    })),
  );
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void loadStatus().then(() => setChecked(true));
  }, [loadStatus]);

  const run = async (source: RestoreSource) => {
    setBusy(true);
    setError(null);
    const r = await recover(source);
    setBusy(false);
    if (!r.ok) setError(r.error);
  };

  if (restored && !status) {
    return (
      <AuthLayout width={560}>
        <Result
          status="success"
          data-testid="recovery-done"
          title={t('backup.recovery.done', { from: restored.restoredFrom })}
          extra={
            <Button
              type="primary"
              onClick={() => {
                useBackup.setState({ restored: null });
                onRestored();
              }}
            >
              {t('backup.recovery.toLogin')}
            </Button>
          }
        />
      </AuthLayout>
    );
  }
  if (!checked) {
    return (
      <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (status?.state !== 'damaged') return <>{fallback}</>;

  const good = status.backups.find((b) => b.name === status.latestGood) ?? null;
  const others = status.backups.filter((b) => b.name !== status.latestGood);
  return (
    <AuthLayout width={620}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="recovery-page">
        <Typography.Title level={4} style={{ margin: 0 }}>
          <WarningOutlined style={{ color: '#d4380d', marginRight: 8 }} />
          {t('backup.recovery.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('backup.recovery.body')}
        </Typography.Paragraph>
        {status.problem ? (
          <Alert
            type="error"
            showIcon
            data-testid="recovery-problem"
            title={t('backup.recovery.problem')}
            description={tr(`backup.problems.${status.problem.reason}`, status.problem.params)}
          />
        ) : null}
        <ErrorAlert error={error} testId="recovery-error" />
        {good ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {t('backup.recovery.latestGood', {
                time: dayjs(good.createdAt).format(TIME),
                kind: kindLabel(good),
              })}
            </Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              loading={busy}
              data-testid="recovery-restore"
              onClick={() => void run({ kind: 'backup', name: good.name })}
            >
              {t('backup.recovery.restoreLatest')}
            </Button>
          </Space>
        ) : (
          <Alert type="warning" showIcon title={t('backup.recovery.noGood')} />
        )}
        {others.length ? (
          <List
            size="small"
            header={
              <Typography.Text type="secondary">{t('backup.recovery.others')}</Typography.Text>
            }
            dataSource={others}
            renderItem={(b) => (
              <List.Item
                actions={[
                  <Button
                    key="restore"
                    size="small"
                    disabled={busy}
                    onClick={() => void run({ kind: 'backup', name: b.name })}
                  >
                    {t('backup.restore')}
                  </Button>,
                ]}
              >
                {dayjs(b.createdAt).format(TIME)} · {kindLabel(b)} · {formatSize(b.size)}
              </List.Item>
            )}
          />
        ) : null}
        <Upload
          accept=".sqlite,.db,application/vnd.sqlite3,application/x-sqlite3"
          showUploadList={false}
          beforeUpload={(file) => {
            void fileSource(file).then(run);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={busy} data-testid="recovery-file">
            {t('backup.recovery.restoreFile')}
          </Button>
        </Upload>
      </Space>
    </AuthLayout>
  );
}
