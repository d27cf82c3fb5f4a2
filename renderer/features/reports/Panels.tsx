// The figures of the results screen, all from the one results model (core/results): totals and
// the grade distribution, the department ranking, the 优秀 and 不合格 lists, the top problems, and
// the agreement between evaluators with each figure's plain-language reading.
import { Alert, Card, Col, Empty, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Statistic as AgreementStatistic } from '../../../core/results/agreement';
import type { DepartmentRow, FileRef, TagCount } from '../../../core/results/results';
import { tr } from '../../i18n/errors';
import { dataAttrs, gradeColor } from '../review/format';
import { XlsxButton } from './exports';
import { fraction1, mean2, percent2, pts } from './format';
import type { Results } from './store';

type Model = Results['model'];

/** The bar colour of a grade's tag colour. */
const BAR_COLORS: Record<string, string> = {
  green: '#52c41a',
  blue: '#1677ff',
  gold: '#d4a017',
  red: '#ff4d4f',
};

export function TotalsPanel({ model }: { model: Model }) {
  const { t } = useTranslation();
  const s = model.totals;
  const cards = [
    { key: 'files', value: String(s.files) },
    { key: 'final', value: String(s.finalFiles) },
    { key: 'mean', value: mean2(s.meanHundredths) },
    { key: 'departments', value: String(s.departments) },
    { key: 'evaluators', value: String(s.evaluators) },
    { key: 'veto', value: String(s.vetoFiles) },
  ] as const;
  return (
    <Row gutter={[16, 16]} className="reports-row">
      <Col xs={24} xl={12}>
        <Card className="reports-card" data-testid="reports-totals">
          <Row gutter={[16, 16]}>
            {cards.map((c) => (
              <Col span={8} key={c.key}>
                <Statistic
                  title={t(`reportsUi.totals.${c.key}`)}
                  value={c.value}
                  valueRender={() => (
                    <span data-testid={`total-${c.key}`} data-value={c.value}>
                      {c.value}
                    </span>
                  )}
                />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          className="reports-card"
          size="small"
          title={t('reportsUi.grades.title')}
          extra={<XlsxButton table="grades" />}
          data-testid="reports-grades"
        >
          {s.grades.map((g, i) => (
            <div
              key={g.grade}
              className="reports-grade"
              data-testid="grade-row"
              data-grade={g.grade}
              data-count={g.count}
            >
              <Tag color={gradeColor(g.grade, i)} className="reports-grade-name">
                {g.grade}
              </Tag>
              <Progress
                percent={g.percentHundredths === null ? 0 : g.percentHundredths / 100}
                showInfo={false}
                strokeColor={BAR_COLORS[gradeColor(g.grade, i)]}
                className="reports-grade-bar"
              />
              <span className="reports-grade-count">
                {t('reportsUi.grades.count', { count: g.count })}
              </span>
              <span className="reports-grade-percent">
                {g.percentHundredths === null
                  ? '—'
                  : t('reportsUi.grades.percent', { percent: percent2(g.percentHundredths) })}
              </span>
            </div>
          ))}
        </Card>
      </Col>
    </Row>
  );
}

/** 第1名 / 并列第2名 / 未定分. */
export function rankText(d: Pick<DepartmentRow, 'rank' | 'tied'>): string {
  if (d.rank === null) return tr('results.pending');
  return tr(d.tied ? 'results.rankTied' : 'results.rank', { rank: d.rank });
}

export function DepartmentsTable({ model }: { model: Model }) {
  const { t } = useTranslation();
  const columns: ColumnsType<DepartmentRow> = [
    {
      key: 'rank',
      title: t('reportsUi.departments.rank'),
      width: 110,
      render: (_, d) => <span data-testid="department-rank">{rankText(d)}</span>,
    },
    {
      key: 'name',
      title: t('reportsUi.departments.name'),
      render: (_, d) => <span data-testid="department-name">{d.departmentName}</span>,
    },
    { key: 'files', title: t('reportsUi.departments.files'), dataIndex: 'files', align: 'right' },
    {
      key: 'final',
      title: t('reportsUi.departments.final'),
      dataIndex: 'finalFiles',
      align: 'right',
    },
    {
      key: 'mean',
      title: t('reportsUi.departments.mean'),
      align: 'right',
      render: (_, d) => <span data-testid="department-mean">{mean2(d.meanHundredths)}</span>,
    },
    {
      key: 'grade',
      title: t('reportsUi.departments.grade'),
      render: (_, d) =>
        d.grade ? (
          <Tag color={gradeColor(d.grade.name, d.grade.bandIndex)}>{d.grade.name}</Tag>
        ) : null,
    },
    ...model.grades.map((g): ColumnsType<DepartmentRow>[number] => ({
      key: `grade-${g.name}`,
      title: g.name,
      align: 'right',
      render: (_, d) => (
        <span data-testid="department-grade" data-grade={g.name}>
          {d.grades.find((x) => x.grade === g.name)?.count ?? 0}
        </span>
      ),
    })),
    { key: 'veto', title: t('reportsUi.departments.veto'), dataIndex: 'vetoFiles', align: 'right' },
  ];
  return (
    <Table
      data-testid="departments-table"
      size="small"
      rowKey="departmentName"
      columns={columns}
      dataSource={model.departments}
      pagination={false}
      onRow={(d) =>
        dataAttrs({ 'data-testid': 'department-row', 'data-department': d.departmentName })
      }
    />
  );
}

export function FileList({ kind, files }: { kind: 'excellent' | 'failed'; files: FileRef[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<FileRef> = [
    { key: 'caseNo', title: t('reportsUi.lists.caseNo'), dataIndex: 'caseNo' },
    { key: 'title', title: t('reportsUi.lists.title'), dataIndex: 'title', ellipsis: true },
    { key: 'department', title: t('reportsUi.lists.department'), dataIndex: 'departmentName' },
    { key: 'caseType', title: t('reportsUi.lists.caseType'), dataIndex: 'caseTypeName' },
    {
      key: 'total',
      title: t('reportsUi.lists.total'),
      align: 'right',
      render: (_, f) => (
        <span>
          {pts(f.total)}
          {f.veto ? (
            <Tag color="red" className="reports-veto">
              {t('reportsUi.lists.veto')}
            </Tag>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Card
      size="small"
      className="reports-card"
      title={`${t(`reportsUi.lists.${kind}`)}（${files.length}）`}
      extra={<XlsxButton table={kind} />}
      data-testid={`${kind}-list`}
      data-count={files.length}
    >
      <Table
        size="small"
        rowKey="caseId"
        columns={columns}
        dataSource={files}
        pagination={false}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportsUi.lists.empty')} />
          ),
        }}
        onRow={() => dataAttrs({ 'data-testid': 'file-ref' })}
      />
    </Card>
  );
}

const TOP_PROBLEMS = 10;

export function ProblemsPanel({ model }: { model: Model }) {
  const { t } = useTranslation();
  const p = model.problems;
  const columns: ColumnsType<TagCount> = [
    { key: 'tag', title: t('reportsUi.problems.tag'), dataIndex: 'name' },
    {
      key: 'group',
      title: t('reportsUi.problems.group'),
      render: (_, c) => c.groupName ?? t('results.unknownGroup'),
    },
    {
      key: 'occurrences',
      title: t('reportsUi.problems.occurrences'),
      dataIndex: 'occurrences',
      align: 'right',
    },
    { key: 'files', title: t('reportsUi.problems.files'), dataIndex: 'files', align: 'right' },
    {
      key: 'share',
      title: t('reportsUi.problems.share'),
      align: 'right',
      render: (_, c) => `${fraction1(c.share)}%`,
    },
  ];
  return (
    <Card
      size="small"
      className="reports-card"
      title={t('reportsUi.problems.title')}
      extra={<XlsxButton table="problems" />}
      data-testid="problems-panel"
    >
      <Typography.Paragraph type="secondary" className="reports-note">
        {t('reportsUi.problems.summary', {
          files: p.files,
          withProblems: p.filesWithProblems,
          problems: p.problems,
        })}
        {p.untagged.occurrences
          ? t('reportsUi.problems.untagged', { count: p.untagged.occurrences })
          : ''}
      </Typography.Paragraph>
      <Table
        data-testid="problems-table"
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={p.byTag.slice(0, TOP_PROBLEMS)}
        pagination={false}
        onRow={(c) => dataAttrs({ 'data-testid': 'problem-row', 'data-tag': c.code })}
      />
    </Card>
  );
}

const FIGURES = ['icc', 'grades', 'veto'] as const;

function Figure({ name, s }: { name: (typeof FIGURES)[number]; s: AgreementStatistic }) {
  const { t } = useTranslation();
  return (
    <div className="reports-figure" data-testid={`agreement-${name}`}>
      <div className="reports-figure-head">
        <span className="reports-figure-name">{t(`reportsUi.agreement.${name}`)}</span>
        <span className="reports-figure-value" data-testid="agreement-value">
          {s.rounded === null ? t('reportsUi.agreement.unavailable') : s.rounded.toFixed(2)}
        </span>
      </div>
      <div data-testid="agreement-reading">{tr(s.reading.key, s.reading.params)}</div>
      {s.caution ? (
        <Typography.Text type="warning" className="reports-note">
          {tr(s.caution.key, s.caution.params)}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" className="reports-about">
        {t(`results.agreement.about.${name}`)}
      </Typography.Text>
    </div>
  );
}

export function AgreementPanel({ agreement }: { agreement: Results['agreement'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="reports-card"
      title={t('reportsUi.agreement.title')}
      data-testid="agreement-panel"
    >
      <Alert
        type="info"
        showIcon
        className="reports-note"
        title={t('reportsUi.agreement.summary', {
          files: agreement.doubleScoredFiles,
          ratings: agreement.ratings,
        })}
      />
      {FIGURES.map((f) => (
        <Figure key={f} name={f} s={agreement[f]} />
      ))}
    </Card>
  );
}
