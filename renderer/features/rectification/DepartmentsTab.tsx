// Per department: files, problems of the final results, the counts by status, the deadline (red
// when overdue; marked when extended, the extensions in its tooltip) and the notice — 下发整改通知
// for a department with problems not yet notified, the 整改通知书 download for one that was, and
// 延期 while it has problems not yet rectified.
import {
  ClockCircleOutlined,
  DownloadOutlined,
  FileSearchOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECTIFY_STATUSES } from '../../../core/rectify/status';
import { saveBytes } from '../../api/download';
import { errorText } from '../../i18n/errors';
import { DOCX_MIME, STATUS_COLORS } from './format';
import { ExtendModal } from './ExtendModal';
import { IssueModal } from './IssueModal';
import { useRectify, type Overview } from './store';

type Row = Overview['departments'][number];

export function DepartmentsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const noticeDocx = useRectify((s) => s.noticeDocx);
  const viewDepartment = useRectify((s) => s.viewDepartment);
  const [issuing, setIssuing] = useState<Row | null>(null);
  const [extending, setExtending] = useState<Row | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (d: Row) => {
    setDownloading(d.departmentId);
    const r = await noticeDocx(d.departmentId);
    setDownloading(null);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, DOCX_MIME);
  };

  const columns: ColumnsType<Row> = [
    {
      title: t('rectifyUi.departments.name'),
      dataIndex: 'departmentName',
      width: 230,
      render: (v: string) => <span data-testid="rect-dept-name">{v}</span>,
    },
    { title: t('rectifyUi.departments.files'), dataIndex: 'files', align: 'right', width: 80 },
    {
      title: t('rectifyUi.departments.problems'),
      dataIndex: 'problems',
      align: 'right',
      width: 64,
      render: (v: number) => <span data-testid="rect-dept-problems">{v}</span>,
    },
    ...RECTIFY_STATUSES.map((st) => ({
      key: st,
      title: <Tag color={STATUS_COLORS[st]}>{t(`rectify.statuses.${st}`)}</Tag>,
      align: 'right' as const,
      width: 76,
      render: (_: unknown, d: Row) =>
        d.notice ? (
          <span data-testid={`rect-dept-${st}`} className={d.counts[st] ? '' : 'rect-zero'}>
            {d.counts[st]}
          </span>
        ) : (
          <span className="rect-zero">—</span>
        ),
    })),
    {
      title: t('rectifyUi.departments.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, d: Row) =>
        d.notice ? (
          <Space size={4} wrap>
            <span className={d.isOverdue ? 'rect-overdue' : ''} data-testid="rect-dept-deadline">
              {d.notice.deadline}
            </span>
            {d.notice.extensions.length ? (
              <Tooltip
                title={
                  <div data-testid="rect-dept-extensions">
                    <div>
                      {t('rectifyUi.departments.extendedFrom', { date: d.notice.notifiedDeadline })}
                    </div>
                    {d.notice.extensions.map((x) => (
                      <div key={x.grantedAt + x.to}>
                        {t('rectifyUi.departments.extensionLine', {
                          from: x.from,
                          to: x.to,
                          reason: x.reason,
                          by: x.grantedBy ?? '—',
                          at: x.grantedAt.slice(0, 10),
                        })}
                      </div>
                    ))}
                  </div>
                }
              >
                <Tag color="gold" data-testid="rect-dept-extended">
                  {t('rectifyUi.departments.extended')}
                </Tag>
              </Tooltip>
            ) : null}
            {d.isOverdue ? (
              <Tag color="red" data-testid="rect-dept-overdue">
                {t('rectifyUi.departments.overdue', { days: d.overdueDays })}
              </Tag>
            ) : null}
          </Space>
        ) : (
          <span className="rect-zero">—</span>
        ),
    },
    {
      title: t('rectifyUi.departments.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, d: Row) =>
        d.notice ? (
          <Typography.Text data-testid="rect-dept-state" data-state="issued">
            {t('rectifyUi.departments.issued', { date: d.notice.date })}
          </Typography.Text>
        ) : d.problems ? (
          <Typography.Text type="warning" data-testid="rect-dept-state" data-state="not-issued">
            {t('rectifyUi.departments.notIssued')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="rect-dept-state" data-state="none">
            {t('rectifyUi.departments.noProblems')}
          </Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 300,
      render: (_: unknown, d: Row) => (
        <Space size={4} wrap>
          {d.notice ? (
            <>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                loading={downloading === d.departmentId}
                onClick={() => void download(d)}
                data-testid="rect-download"
              >
                {t('rectifyUi.departments.download')}
              </Button>
              <Button
                size="small"
                icon={<FileSearchOutlined />}
                onClick={() => viewDepartment(d.departmentId)}
                data-testid="rect-view"
              >
                {t('rectifyUi.departments.view')}
              </Button>
              {d.counts.open + d.counts.in_progress > 0 ? (
                <Button
                  size="small"
                  icon={<ClockCircleOutlined />}
                  onClick={() => setExtending(d)}
                  data-testid="rect-extend"
                >
                  {t('rectifyUi.departments.extend')}
                </Button>
              ) : null}
            </>
          ) : d.problems ? (
            <Button
              size="small"
              type="primary"
              icon={<SendOutlined />}
              onClick={() => setIssuing(d)}
              data-testid="rect-issue"
            >
              {t('rectifyUi.departments.issue')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const x = overview.totals;
  return (
    <>
      <Table<Row>
        rowKey="departmentId"
        size="middle"
        columns={columns}
        dataSource={overview.departments}
        pagination={false}
        scroll={{ x: 1260 }}
        data-testid="rect-departments"
        onRow={(d) =>
          ({
            'data-testid': 'rect-dept-row',
            'data-department': d.departmentName,
            'data-issued': d.notice ? 'true' : 'false',
          }) as React.HTMLAttributes<HTMLElement>
        }
        summary={() => (
          <Table.Summary.Row className="rect-total-row">
            <Table.Summary.Cell index={0}>{t('rectifyUi.departments.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {overview.departments.reduce((a, d) => a + d.files, 0)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {x.problems}
            </Table.Summary.Cell>
            {RECTIFY_STATUSES.map((st, i) => (
              <Table.Summary.Cell key={st} index={3 + i} align="right">
                <span data-testid={`rect-total-${st}`}>{x.counts[st]}</span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={7} colSpan={3} />
          </Table.Summary.Row>
        )}
      />
      {extending ? <ExtendModal department={extending} onClose={() => setExtending(null)} /> : null}
      {issuing ? (
        <IssueModal overview={overview} department={issuing} onClose={() => setIssuing(null)} />
      ) : null}
    </>
  );
}
