// 设置 → 备份与恢复 (coordinators): what is backed up automatically and where, a manual backup to
// a file, and a restore from a listed backup or a chosen file, after a confirmation. The services
// check the backup first and replace nothing when a check fails; the reason is shown here.
import { CloudDownloadOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { BackupInfo, RestoreSource } from '../../../core/api/methods/backup';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fileSource, useBackup } from './backup-store';

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function useKindLabel() {
  const { t } = useTranslation();
  return (b: Pick<BackupInfo, 'kind' | 'schemaVersion'>) =>
    b.kind === 'migration'
      ? t('backup.kinds.migration', { version: b.schemaVersion ?? '?' })
      : t(`backup.kinds.${b.kind}`);
}

/** What restoring a copy of another workspace changes: both key fingerprints and the packages out. */
function OtherWorkspace({ params }: { params: ApiError['params'] }) {
  const { t } = useTranslation();
  const open = Number(params?.openPackages ?? 0);
  const key = (label: string, fingerprint: unknown, testId: string) => (
    <div>
      {label}
      <br />
      <Typography.Text code data-testid={testId}>
        {String(fingerprint ?? '?')}
      </Typography.Text>
    </div>
  );
  return (
    <Space direction="vertical" size={8} data-testid="backup-other-body">
      {key(t('backup.otherBackupKey'), params?.backupWorkspace, 'backup-other-key')}
      {key(t('backup.otherThisKey'), params?.thisWorkspace, 'backup-this-key')}
      <span>
        {t('backup.otherBody')}
        {open > 0 ? t('backup.otherPackages', { openPackages: open }) : t('backup.otherNoPackages')}
      </span>
      <span>{t('backup.otherKept')}</span>
    </Space>
  );
}

export function RestoredAlert() {
  const { t } = useTranslation();
  const restored = useBackup((s) => s.restored);
  if (!restored) return null;
  return (
    <Alert
      data-testid="backup-restored"
      type="success"
      showIcon
      closable
      onClose={() => useBackup.setState({ restored: null })}
      title={t('backup.restored', {
        from: restored.restoredFrom,
        version: restored.schemaVersion,
        entries: restored.auditEntries,
        safety: restored.safetyBackup ?? '-',
      })}
    />
  );
}

export function BackupCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const kindLabel = useKindLabel();
  const { dir, keep, backups, loading, error, load, create, restore } = useBackup(
    useShallow((s) => ({
      dir: s.dir,
      keep: s.keep,
      backups: s.backups,
      loading: s.loading,
      error: s.error,
      load: s.load,
      create: s.create,
      restore: s.restore,
    })),
  );
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  const doCreate = async () => {
    setBusy('create');
    setFailure(null);
    const r = await create();
    setBusy(null);
    if (!r.ok) {
      setFailure(r.error);
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, 'application/vnd.sqlite3');
    void message.success(t('backup.created', { file: r.data.fileName }));
    await load();
  };

  const confirmRestore = (name: string, source: () => Promise<RestoreSource>) => {
    setFailure(null);
    modal.confirm({
      title: t('backup.confirmTitle'),
      content: t('backup.confirmBody', { name }),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('restore');
        const picked = await source();
        const r = await restore(picked);
        setBusy(null);
        if (!r.ok && r.error.key === 'backup.errors.otherWorkspace') confirmOther(picked, r.error);
        else if (!r.ok) setFailure(r.error);
      },
    });
  };

  /** A copy of another workspace: said plainly, restored only on a second, explicit yes. */
  const confirmOther = (picked: RestoreSource, refusal: ApiError) => {
    modal.confirm({
      title: t('backup.otherTitle'),
      content: <OtherWorkspace params={refusal.params} />,
      okText: t('backup.otherOk'),
      okButtonProps: { danger: true, 'data-testid': 'backup-other-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('restore');
        const r = await restore(picked, true);
        setBusy(null);
        if (!r.ok) setFailure(r.error);
      },
    });
  };

  const columns: ColumnsType<BackupInfo> = [
    {
      title: t('backup.columns.time'),
      dataIndex: 'createdAt',
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('backup.columns.kind'), key: 'kind', render: (_v, b) => kindLabel(b) },
    { title: t('backup.columns.size'), dataIndex: 'size', render: (n: number) => formatSize(n) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_v, b) => (
        <Button
          size="small"
          data-testid={`backup-restore-${b.name}`}
          disabled={busy !== null}
          onClick={() =>
            confirmRestore(kindLabel(b) + ' ' + dayjs(b.createdAt).format('YYYY-MM-DD HH:mm'), () =>
              Promise.resolve({ kind: 'backup', name: b.name }),
            )
          }
        >
          {t('backup.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('backup.title')}
      data-testid="backup-card"
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void load()}
          aria-label={t('common.retry')}
        />
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('backup.intro', { keep, dir })}
        </Typography.Paragraph>
        <RestoredAlert />
        <ErrorAlert error={failure} testId="backup-error" />
        <ErrorAlert error={error} />
        <Space wrap>
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            loading={busy === 'create'}
            disabled={busy === 'restore'}
            onClick={() => void doCreate()}
            data-testid="backup-create"
          >
            {t('backup.create')}
          </Button>
          <Upload
            accept=".sqlite,.db,application/vnd.sqlite3,application/x-sqlite3"
            showUploadList={false}
            beforeUpload={(file) => {
              confirmRestore(file.name, () => fileSource(file));
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={busy === 'restore'}
              data-testid="backup-restore-file"
            >
              {t('backup.restoreFile')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('backup.createHelp')}</Typography.Text>
        </Space>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('backup.list')}
        </Typography.Title>
        <Table<BackupInfo>
          data-testid="backup-list"
          rowKey="name"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={backups}
          pagination={false}
          locale={{ emptyText: t('backup.none') }}
        />
      </Space>
    </Card>
  );
}
