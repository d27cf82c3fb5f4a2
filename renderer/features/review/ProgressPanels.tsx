// The dashboard's figures: file counts, the grade distribution, progress per evaluator and per
// department, and the tasks overdue after the deadline.
import { Card, Col, Empty, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { dataAttrs, gradeColor, pts, TaskTag } from './format';
import type { Progress as ProgressData } from './store';

type EvaluatorRow = ProgressData['evaluators'][number];
type DepartmentRow = ProgressData['departments'][number];
type OverdueRow = ProgressData['overdue'][number];

const GRADE_ORDER = ['优秀', '良好', '合格', '不合格'];
const gradeRank = (g: string) => {
  const i = GRADE_ORDER.indexOf(g);
  return i < 0 ? GRADE_ORDER.length : i;
};

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

export function CountCards({ progress }: { progress: ProgressData }) {
  const { t } = useTranslation();
  const f = progress.files;
  const sheets = progress.evaluators.reduce(
    (n, e) => ({ assigned: n.assigned + e.assigned, submitted: n.submitted + e.submitted }),
    { assigned: 0, submitted: 0 },
  );
  const cards = [
    {
      key: 'total',
      value: f.total,
      share: percent(sheets.submitted, sheets.assigned),
      caption: t('reviewUi.counts.sheets', sheets),
      color: '#1e5aa8',
    },
    {
      key: 'waiting',
      value: f.waiting,
      share: percent(f.waiting, f.total),
      caption: t('reviewUi.counts.share', { percent: percent(f.waiting, f.total) }),
      color: '#bfbfbf',
    },
    {
      key: 'review',
      value: f.review,
      share: percent(f.review, f.total),
      caption: t('reviewUi.counts.share', { percent: percent(f.review, f.total) }),
      color: '#fa8c16',
    },
    {
      key: 'final',
      value: f.final,
      share: percent(f.final, f.total),
      caption: t('reviewUi.counts.share', { percent: percent(f.final, f.total) }),
      color: '#52c41a',
    },
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} lg={6}>
          <Card
            size="small"
            className={`review-count review-count-${c.key}`}
            data-testid={`count-${c.key}`}
            data-value={c.value}
          >
            <Statistic title={t(`reviewUi.counts.${c.key}`)} value={c.value} />
            <Progress percent={c.share} size="small" showInfo={false} strokeColor={c.color} />
            <div className="review-sub">{c.caption}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function GradeChart({
  progress,
  mean,
}: {
  progress: ProgressData;
  /** Mean of the final scores (tenths), null before any. */
  mean: number | null;
}) {
  const { t } = useTranslation();
  const grades = [...progress.grades].sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade));
  const most = Math.max(1, ...grades.map((g) => g.count));
  const final = progress.files.final;
  return (
    <Card size="small" title={t('reviewUi.grades.title')} data-testid="grade-chart">
      {grades.length ? (
        <div className="grade-bars">
          {grades.map((g, i) => (
            <div
              key={g.grade}
              className="grade-bar"
              {...dataAttrs({ 'data-testid': 'grade-bar', 'data-grade': g.grade })}
            >
              <span className="grade-bar-name">{g.grade}</span>
              <span className="grade-bar-track">
                <span
                  className={`grade-bar-fill grade-fill-${gradeColor(g.grade, i)}`}
                  style={{ width: `${(g.count / most) * 100}%` }}
                />
              </span>
              <span className="grade-bar-count review-num" data-testid="grade-count">
                {t('reviewUi.grades.count', { count: g.count, percent: percent(g.count, final) })}
              </span>
            </div>
          ))}
        </div>
      ) : (
        <Typography.Text type="secondary">{t('reviewUi.grades.none')}</Typography.Text>
      )}
      {mean !== null ? (
        <div className="grade-mean" data-testid="grade-mean">
          {t('reviewUi.grades.mean', {
            points: pts(mean),
            count: final,
            total: progress.files.total,
          })}
        </div>
      ) : null}
    </Card>
  );
}

export function EvaluatorsTable({ progress }: { progress: ProgressData }) {
  const { t } = useTranslation();
  const num = (key: keyof EvaluatorRow) => ({
    key,
    dataIndex: key,
    title: t(`reviewUi.evaluators.${key as 'assigned'}`),
    width: 88,
    align: 'right' as const,
  });
  const columns: ColumnsType<EvaluatorRow> = [
    { key: 'name', dataIndex: 'name', title: t('reviewUi.evaluators.name'), width: 110 },
    {
      key: 'departmentName',
      dataIndex: 'departmentName',
      title: t('reviewUi.evaluators.department'),
    },
    num('assigned'),
    num('notStarted'),
    num('inProgress'),
    num('submitted'),
    {
      ...num('returned'),
      render: (v: number) => (
        <Typography.Text type={v ? 'danger' : undefined} data-testid="evaluator-returned">
          {v}
        </Typography.Text>
      ),
    },
    {
      key: 'progress',
      title: t('reviewUi.evaluators.progress'),
      width: 160,
      render: (_, e) => <Progress percent={percent(e.submitted, e.assigned)} size="small" />,
    },
  ];
  return (
    <Table<EvaluatorRow>
      rowKey="personId"
      size="small"
      columns={columns}
      dataSource={progress.evaluators}
      pagination={false}
      data-testid="evaluators-table"
      onRow={(e) => dataAttrs({ 'data-testid': 'evaluator-row', 'data-name': e.name })}
    />
  );
}

export function DepartmentsTable({ progress }: { progress: ProgressData }) {
  const { t } = useTranslation();
  const columns: ColumnsType<DepartmentRow> = [
    { key: 'departmentName', dataIndex: 'departmentName', title: t('reviewUi.departments.name') },
    {
      key: 'files',
      dataIndex: 'files',
      title: t('reviewUi.departments.files'),
      width: 100,
      align: 'right',
    },
    {
      key: 'final',
      dataIndex: 'final',
      title: t('reviewUi.departments.final'),
      width: 100,
      align: 'right',
    },
    {
      key: 'review',
      dataIndex: 'review',
      title: t('reviewUi.departments.review'),
      width: 100,
      align: 'right',
    },
    {
      key: 'mean',
      title: t('reviewUi.departments.mean'),
      width: 120,
      align: 'right',
      render: (_, d) =>
        d.mean === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span className="review-num" data-testid="department-mean">
            {pts(d.mean)}
          </span>
        ),
    },
  ];
  return (
    <Table<DepartmentRow>
      rowKey="departmentName"
      size="small"
      columns={columns}
      dataSource={progress.departments}
      pagination={false}
      data-testid="departments-table"
      onRow={(d) => dataAttrs({ 'data-testid': 'department-row', 'data-name': d.departmentName })}
    />
  );
}

export function OverdueTable({ progress }: { progress: ProgressData }) {
  const { t } = useTranslation();
  if (!progress.overdue.length) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        data-testid="overdue-empty"
        description={
          progress.deadline
            ? t('reviewUi.overdue.none', { date: progress.deadline })
            : t('reviewUi.overdue.noDeadline')
        }
      />
    );
  }
  const columns: ColumnsType<OverdueRow> = [
    { key: 'name', dataIndex: 'name', title: t('reviewUi.reminders.name'), width: 110 },
    {
      key: 'departmentName',
      dataIndex: 'departmentName',
      title: t('reviewUi.reminders.department'),
    },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t('reviewUi.reminders.phone'),
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    { key: 'caseNo', dataIndex: 'caseNo', title: t('reviewUi.reminders.caseNo') },
    {
      key: 'status',
      title: t('reviewUi.reminders.status'),
      width: 100,
      render: (_, r) => <TaskTag status={r.status} />,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="danger">
        {t('reviewUi.overdue.intro', {
          date: progress.deadline ?? '',
          count: progress.overdue.length,
        })}
      </Typography.Paragraph>
      <Table<OverdueRow>
        rowKey={(r) => `${r.personId}:${r.caseNo}`}
        size="small"
        columns={columns}
        dataSource={progress.overdue}
        pagination={progress.overdue.length > 20 ? { pageSize: 20 } : false}
        data-testid="overdue-table"
      />
    </>
  );
}
