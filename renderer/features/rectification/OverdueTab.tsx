// 逾期未整改: the problems past their department's deadline and not rectified (the earliest
// deadline first), with the days overdue, and per department how many and how late.
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { RectifyStatus } from '../../../core/rectify/status';
import { StatusTag } from './format';
import { problemColumns } from './ProblemsTab';
import { useRectify, type Item } from './store';

export function OverdueTab() {
  const { t } = useTranslation();
  const { overdue, loadOverdue } = useRectify(
    useShallow((s) => ({ overdue: s.overdue, loadOverdue: s.loadOverdue })),
  );
  if (overdue && overdue.total === 0) {
    return <Empty description={t('rectifyUi.overdue.empty')} data-testid="rect-overdue-empty" />;
  }
  const columns: ColumnsType<Item> = [
    ...problemColumns(t, { department: true }),
    { title: t('rectifyUi.departments.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('rectifyUi.overdue.days'),
      dataIndex: 'overdueDays',
      width: 100,
      render: (v: number) => (
        <span className="rect-overdue" data-testid="rect-overdue-days">
          {t('rectifyUi.overdue.daysValue', { days: v })}
        </span>
      ),
    },
    {
      title: t('rectifyUi.problems.status'),
      dataIndex: 'status',
      width: 96,
      render: (v: RectifyStatus) => <StatusTag status={v} />,
    },
  ];
  return (
    <div data-testid="rect-overdue">
      {overdue ? (
        <Space wrap className="rect-filters">
          <Typography.Text strong className="rect-overdue" data-testid="rect-overdue-count">
            {t('rectifyUi.overdue.count', { count: overdue.total })}
          </Typography.Text>
          {overdue.departments.map((d) => (
            <Tag key={d.departmentId} color="red" data-testid="rect-overdue-department">
              {d.departmentName} · {d.overdue} ·{' '}
              {t('rectifyUi.departments.overdue', { days: d.overdueDays })}
            </Tag>
          ))}
        </Space>
      ) : null}
      <Table<Item>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={overdue?.items ?? []}
        loading={!overdue}
        onRow={() => ({ 'data-testid': 'rect-overdue-row' }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: overdue?.page ?? 1,
          pageSize: overdue?.pageSize ?? 20,
          total: overdue?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => void loadOverdue(page),
        }}
      />
    </div>
  );
}
