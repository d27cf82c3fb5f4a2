// The campaign's files: each sheet's evaluator, status and score, and the file's result (state,
// final total, grade, flags). Files waiting for 复核 stand out and carry the 复核 action; a file
// just decided is marked.
import { Button, Input, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FileResult } from '../../../core/api/methods/scoring';
import { dataAttrs, flagLabel, flagText, GradeTag, pts, StateTag, TaskTag } from './format';
import type { ReviewFile } from './store';

type Filter = 'all' | FileResult['state'];

export function FilesTable({
  campaignId,
  files,
  typeName,
  decidedCaseId,
}: {
  campaignId: string;
  files: readonly ReviewFile[];
  typeName: (code: string) => string;
  decidedCaseId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');

  const counts = useMemo(() => {
    const c = { all: files.length, waiting: 0, review: 0, final: 0 };
    for (const f of files) c[f.result.state]++;
    return c;
  }, [files]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return files.filter(
      (f) =>
        (filter === 'all' || f.result.state === filter) &&
        (!q ||
          f.caseNo.toLowerCase().includes(q) ||
          f.departmentName.toLowerCase().includes(q) ||
          f.evaluators.some((e) => e.toLowerCase().includes(q))),
    );
  }, [files, filter, query]);

  const open = (f: ReviewFile) => void navigate(`/review/${campaignId}/${f.caseId}`);

  const columns: ColumnsType<ReviewFile> = [
    {
      key: 'case',
      title: t('reviewUi.files.case'),
      render: (_, f) => (
        <div>
          <Typography.Text strong data-testid="file-case-no">
            {f.caseNo}
          </Typography.Text>
          <div className="review-sub">{typeName(f.caseType)}</div>
        </div>
      ),
    },
    {
      key: 'department',
      title: t('reviewUi.files.department'),
      dataIndex: 'departmentName',
      width: 200,
    },
    {
      key: 'sheets',
      title: t('reviewUi.files.sheets'),
      width: 300,
      render: (_, f) => (
        <div className="review-sheet-lines">
          {f.sheets.map((s, i) => (
            <div key={i} className="review-sheet-line" data-testid="file-sheet">
              <span className="review-sheet-name">
                {s.evaluatorName ?? f.evaluators.join(t('reviewUi.listSeparator'))}
              </span>
              <TaskTag status={s.status} />
              {s.score ? (
                <span className="review-num" data-testid="file-sheet-score">
                  {t('reviewUi.points', { points: pts(s.score.total) })}
                </span>
              ) : null}
            </div>
          ))}
        </div>
      ),
    },
    {
      key: 'result',
      title: t('reviewUi.files.result'),
      width: 280,
      render: (_, f) => (
        <Space size={[4, 4]} wrap>
          <StateTag state={f.result.state} />
          {f.result.state === 'final' && f.result.total !== null ? (
            <span className="review-num review-final" data-testid="file-final-total">
              {t('reviewUi.points', { points: pts(f.result.total) })}
            </span>
          ) : null}
          {f.result.grade !== null ? (
            <GradeTag
              grade={f.result.grade}
              bandIndex={f.result.bandIndex ?? 0}
              testId="file-final-grade"
            />
          ) : null}
          {f.result.decision ? (
            <Typography.Text type="secondary" className="review-sub" data-testid="file-decision">
              {t(`scoring.decisions.${f.result.decision}`)}
            </Typography.Text>
          ) : null}
          {f.result.flags.map((flag) => (
            <Tooltip key={flag.kind} title={flagText(flag)}>
              <Tag
                color={f.result.state === 'review' ? 'volcano' : 'default'}
                data-testid="file-flag"
                data-kind={flag.kind}
              >
                {flagLabel(flag)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      key: 'action',
      title: t('common.actions'),
      width: 110,
      render: (_, f) =>
        f.result.state === 'review' ? (
          <Button type="primary" size="small" onClick={() => open(f)} data-testid="file-review">
            {t('reviewUi.files.review')}
          </Button>
        ) : (
          <Button size="small" onClick={() => open(f)} data-testid="file-open">
            {t('reviewUi.files.open')}
          </Button>
        ),
    },
  ];

  return (
    <div>
      <div className="review-toolbar">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="files-filter"
          options={(['all', 'review', 'waiting', 'final'] as const).map((k) => ({
            value: k,
            label: (
              <span data-testid={`files-filter-${k}`}>
                {t(`reviewUi.files.filter.${k}`, { count: counts[k] })}
              </span>
            ),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('reviewUi.files.search')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 300 }}
          data-testid="files-search"
        />
      </div>
      <Table<ReviewFile>
        rowKey="caseId"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid="files-table"
        rowClassName={(f) =>
          [
            f.result.state === 'review' ? 'review-row-flagged' : '',
            f.caseId === decidedCaseId ? 'review-row-decided' : '',
          ].join(' ')
        }
        onRow={(f) =>
          dataAttrs({
            'data-testid': 'file-row',
            'data-case-no': f.caseNo,
            'data-state': f.result.state,
          })
        }
      />
    </div>
  );
}
