// 导入记录: the recent import batches, with the SHA-256 of each file.
import { Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { usePeople, type ImportBatch } from './store';

export function ImportsTab() {
  const { t } = useTranslation();
  const { batches, loading } = usePeople(
    useShallow((s) => ({ batches: s.batches, loading: s.loadingBatches })),
  );
  const count = (n: number, color?: string) =>
    n ? (
      <Typography.Text style={color ? { color } : undefined}>{n}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );

  return (
    <>
      <Typography.Paragraph type="secondary">{t('people.imports.intro')}</Typography.Paragraph>
      <Table<ImportBatch>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={batches}
        data-testid="imports-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('people.imports.empty') }}
        columns={[
          {
            title: t('people.imports.time'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('people.imports.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: ImportBatch['kind']) => (
              <Tag color={k === 'people' ? 'purple' : 'blue'}>{t(`people.imports.kinds.${k}`)}</Tag>
            ),
          },
          {
            title: t('people.imports.fileName'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (v: string) => <span data-testid="batch-file">{v}</span>,
          },
          {
            title: t('people.imports.user'),
            dataIndex: 'userName',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('people.imports.sha256'),
            dataIndex: 'sha256',
            width: 170,
            render: (v: string) => (
              <Tooltip title={<span style={{ fontFamily: 'monospace' }}>{v}</span>}>
                <Typography.Text
                  code
                  copyable={{ text: v, tooltips: false }}
                  data-testid="batch-sha"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {`${v.slice(0, 12)}…`}
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: t('people.imports.total'),
            dataIndex: 'rowsTotal',
            width: 80,
            align: 'right',
          },
          {
            title: t('people.imports.new'),
            dataIndex: 'rowsNew',
            width: 70,
            align: 'right',
            render: (n: number) => count(n, '#389e0d'),
          },
          {
            title: t('people.imports.updated'),
            dataIndex: 'rowsUpdated',
            width: 70,
            align: 'right',
            render: (n: number) => count(n, '#1e5aa8'),
          },
          {
            title: t('people.imports.duplicate'),
            dataIndex: 'rowsDuplicate',
            width: 70,
            align: 'right',
            render: (n: number) => count(n),
          },
          {
            title: t('people.imports.error'),
            dataIndex: 'rowsError',
            width: 70,
            align: 'right',
            render: (n: number) => count(n, '#cf1322'),
          },
        ]}
      />
    </>
  );
}
