// The tracked problems, filtered by department and status and paged by the service: case
// number, problem, reason, pages, status, the department's reply, evidence, and
// 更新 (status move, reply, evidence) in a dialog.
import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { RECTIFY_STATUSES, type RectifyStatus } from '../../../core/rectify/status';
import { StatusTag } from './format';
import { useRectify, type Item, type Overview } from './store';
import { UpdateModal } from './UpdateModal';

export function problemColumns(t: TFunction, opts: { department: boolean }): ColumnsType<Item> {
  return [
    ...(opts.department
      ? [{ title: t('rectifyUi.problems.department'), dataIndex: 'departmentName', width: 170 }]
      : []),
    {
      title: t('rectifyUi.problems.caseNo'),
      dataIndex: 'caseNo',
      width: 190,
      render: (v: string) => <span data-testid="rect-item-case">{v}</span>,
    },
    {
      title: t('rectifyUi.problems.problem'),
      key: 'problem',
      render: (_: unknown, i: Item) => (
        <span data-testid="rect-item-problem">
          {i.source === 'veto' ? <Tag color="red">{t('rectifyUi.problems.veto')}</Tag> : null}
          {i.description}
        </span>
      ),
    },
    {
      title: t('rectifyUi.problems.reason'),
      dataIndex: 'reason',
      render: (v: string) => v || '—',
    },
    {
      title: t('rectifyUi.problems.pages'),
      dataIndex: 'pages',
      width: 56,
      render: (v: string) => v || '—',
    },
  ];
}

export function ProblemsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { problems, filter, setFilter, loadProblems } = useRectify(
    useShallow((s) => ({
      problems: s.problems,
      filter: s.filter,
      setFilter: s.setFilter,
      loadProblems: s.loadProblems,
    })),
  );
  const [editing, setEditing] = useState<Item | null>(null);
  const notified = overview.departments.filter((d) => d.notice);

  const columns: ColumnsType<Item> = [
    ...problemColumns(t, { department: !filter.departmentId }),
    {
      title: t('rectifyUi.problems.status'),
      dataIndex: 'status',
      width: 96,
      render: (v: RectifyStatus) => <StatusTag status={v} />,
    },
    {
      title: t('rectifyUi.problems.reply'),
      dataIndex: 'reply',
      width: 200,
      render: (v: string) => (
        <Typography.Paragraph
          className="rect-reply"
          ellipsis={{ rows: 3, tooltip: v }}
          data-testid="rect-item-reply"
        >
          {v || '—'}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('rectifyUi.problems.evidence'),
      key: 'evidence',
      width: 80,
      align: 'center',
      render: (_: unknown, i: Item) =>
        i.evidence.length ? (
          <span data-testid="rect-item-evidence" data-count={i.evidence.length}>
            <PaperClipOutlined /> {i.evidence.length}
          </span>
        ) : (
          <span className="rect-zero" data-testid="rect-item-evidence" data-count={0}>
            —
          </span>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, i: Item) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(i)}
          data-testid="rect-item-update"
        >
          {t('rectifyUi.problems.update')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap className="rect-filters">
        <Select
          data-testid="rect-filter-department"
          style={{ minWidth: 240 }}
          value={filter.departmentId ?? ''}
          onChange={(v: string) => void setFilter({ departmentId: v || null })}
          options={[
            { value: '', label: t('rectifyUi.problems.allDepartments') },
            ...notified.map((d) => ({ value: d.departmentId, label: d.departmentName })),
          ]}
        />
        <Select<RectifyStatus[]>
          data-testid="rect-filter-status"
          mode="multiple"
          allowClear
          style={{ minWidth: 260 }}
          placeholder={t('rectifyUi.problems.allStatuses')}
          value={filter.statuses}
          onChange={(v) => void setFilter({ statuses: v })}
          options={RECTIFY_STATUSES.map((s) => ({ value: s, label: t(`rectify.statuses.${s}`) }))}
        />
        {problems ? (
          <Typography.Text type="secondary" data-testid="rect-problems-count">
            {t('rectifyUi.problems.count', { count: problems.total })}
          </Typography.Text>
        ) : null}
      </Space>
      <Table<Item>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={problems?.items ?? []}
        loading={!problems}
        locale={{ emptyText: t('rectifyUi.problems.empty') }}
        scroll={{ x: 1100 }}
        data-testid="rect-problems"
        onRow={(i) =>
          ({
            'data-testid': 'rect-item-row',
            'data-item': i.id,
            'data-status': i.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: problems?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (page, pageSize) => void setFilter({ page, pageSize }),
        }}
      />
      {editing ? (
        <UpdateModal
          itemId={editing.id}
          onClose={() => setEditing(null)}
          onChanged={() => void loadProblems()}
        />
      ) : null}
    </>
  );
}
