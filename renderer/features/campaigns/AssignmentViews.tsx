// Three views of one assignment (proposed or confirmed): the matrix (files × evaluators, with
// the cells 回避 forbids shaded), the list by file, and the loads per person and per department
// with the spread.
import { SwapOutlined } from '@ant-design/icons';
import { Button, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawnFile, DrawnPerson } from '../../../core/api/methods/campaigns';
import { splitList } from '../../../core/import/text';
import { useCampaign, type AssignmentRow, type Conflict } from './campaign-store';
import { useTypeName } from './PlanStep';
import { rowData } from './format';

type View = 'matrix' | 'list' | 'loads';

export interface AssignmentModel {
  files: DrawnFile[];
  /** Drawn evaluators ordered by department, then name. */
  people: DrawnPerson[];
  byCase: Map<string, string[]>;
  load: Map<string, number>;
  min: number;
  max: number;
}

export function useAssignmentModel(rows: readonly AssignmentRow[]): AssignmentModel {
  const files = useCampaign((s) => s.files);
  const evaluators = useCampaign((s) => s.evaluators);
  return useMemo(() => {
    const byCase = new Map(rows.map((r) => [r.caseId, r.personIds]));
    const load = new Map(evaluators.map((e) => [e.personId, 0]));
    for (const r of rows) for (const p of r.personIds) load.set(p, (load.get(p) ?? 0) + 1);
    const loads = [...load.values()];
    const people = [...evaluators].sort(
      (a, b) =>
        a.departmentName.localeCompare(b.departmentName, 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
    return {
      files: files.filter((f) => byCase.has(f.caseId)),
      people,
      byCase,
      load,
      min: loads.length ? Math.min(...loads) : 0,
      max: loads.length ? Math.max(...loads) : 0,
    };
  }, [rows, files, evaluators]);
}

/** Why a person may not take a file: own department or a declared conflict; null when free. */
function blockedReason(
  f: DrawnFile,
  p: DrawnPerson,
  conflicts: readonly Conflict[],
): 'own' | 'conflict' | null {
  if (f.departmentId === p.departmentId) return 'own';
  const handlers = f.handlers ? splitList(f.handlers) : [];
  const declared = conflicts.some(
    (c) =>
      c.personId === p.personId &&
      (c.departmentId === f.departmentId || (c.handlerName && handlers.includes(c.handlerName))),
  );
  return declared ? 'conflict' : null;
}

/** The evaluators' columns grouped by department, each group with its short name and shade. */
interface ColumnGroup {
  departmentId: string;
  name: string;
  label: string;
  people: DrawnPerson[];
  band: 'band-a' | 'band-b';
}

function columnGroups(
  people: readonly DrawnPerson[],
  shortNames: ReadonlyMap<string, string>,
): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const p of people) {
    const last = groups.at(-1);
    if (last?.departmentId === p.departmentId) last.people.push(p);
    else
      groups.push({
        departmentId: p.departmentId,
        name: p.departmentName,
        label: shortNames.get(p.departmentId) ?? p.departmentName,
        people: [p],
        band: groups.length % 2 ? 'band-b' : 'band-a',
      });
  }
  return groups;
}

function Matrix({ model }: { model: AssignmentModel }) {
  const { t } = useTranslation();
  const conflicts = useCampaign((s) => s.conflicts);
  const departments = useCampaign((s) => s.refs.departments);
  const own = t('campaignsUi.assignment.own');
  const declared = t('campaignsUi.assignment.conflict');
  const groups = useMemo(
    () =>
      columnGroups(
        model.people,
        new Map(departments.flatMap((d) => (d.shortName ? [[d.id, d.shortName]] : []))),
      ),
    [model.people, departments],
  );
  // Each column with its department's shade and whether it starts a department.
  const columns = groups.flatMap((g) =>
    g.people.map((p, i) => ({ p, cls: `${g.band}${i === 0 ? ' group-start' : ''}` })),
  );
  return (
    <div>
      <div className="assign-matrix-wrap" data-testid="assignment-matrix">
        <table className="assign-matrix">
          <thead>
            <tr>
              <th className="sticky-col col-case" rowSpan={2}>
                {t('campaignsUi.assignment.caseNo')}
              </th>
              <th className="sticky-col2 col-dept" rowSpan={2}>
                {t('campaignsUi.assignment.department')}
              </th>
              {groups.map((g) => (
                <th
                  key={g.departmentId}
                  colSpan={g.people.length}
                  className={`col-group ${g.band} group-start`}
                  title={g.name}
                  data-testid="matrix-department"
                >
                  <span className="vertical">{g.label}</span>
                </th>
              ))}
              <th className="col-count" rowSpan={2}>
                {t('campaignsUi.assignment.perFile')}
              </th>
            </tr>
            <tr>
              {columns.map(({ p, cls }) => (
                <th
                  key={p.personId}
                  className={`col-person ${cls}`}
                  title={`${p.name} · ${p.departmentName}`}
                  data-person-id={p.personId}
                  data-person={p.name}
                  data-department={p.departmentName}
                >
                  <span className="vertical">{p.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.files.map((f) => {
              const assigned = model.byCase.get(f.caseId) ?? [];
              return (
                <tr
                  key={f.caseId}
                  data-case-id={f.caseId}
                  data-case-no={f.caseNo}
                  data-department={f.departmentName}
                >
                  <td className="sticky-col col-case">{f.caseNo}</td>
                  <td className="sticky-col2 col-dept" title={f.departmentName}>
                    {f.departmentName}
                  </td>
                  {columns.map(({ p, cls }) => {
                    const on = assigned.includes(p.personId);
                    const blocked = blockedReason(f, p, conflicts);
                    return (
                      <td
                        key={p.personId}
                        className={`cell ${cls}${on ? ' cell-on' : ''}${
                          blocked ? ' cell-blocked' : ''
                        }`}
                        title={
                          on
                            ? `${p.name} · ${t('campaignsUi.assignment.assigned')}`
                            : blocked
                              ? `${p.name} · ${blocked === 'own' ? own : declared}`
                              : p.name
                        }
                        data-on={on ? 'true' : undefined}
                      >
                        {on ? '●' : ''}
                      </td>
                    );
                  })}
                  <td className="col-count">{assigned.length}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th className="sticky-col col-case">{t('campaignsUi.assignment.load')}</th>
              <th className="sticky-col2 col-dept" />
              {columns.map(({ p, cls }) => (
                <th
                  key={p.personId}
                  className={`col-person ${cls}`}
                  data-load={model.load.get(p.personId) ?? 0}
                >
                  {model.load.get(p.personId) ?? 0}
                </th>
              ))}
              <th className="col-count" />
            </tr>
          </tfoot>
        </table>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaignsUi.assignment.legend')}
      </Typography.Text>
    </div>
  );
}

function List({
  model,
  onReassign,
}: {
  model: AssignmentModel;
  onReassign?: ((caseId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const byId = new Map(model.people.map((p) => [p.personId, p]));
  return (
    <Table<DrawnFile>
      rowKey="caseId"
      size="small"
      dataSource={model.files}
      data-testid="assignment-list"
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      onRow={(f) => rowData({ 'data-case-no': f.caseNo, 'data-department': f.departmentName })}
      columns={[
        { title: t('campaignsUi.assignment.caseNo'), dataIndex: 'caseNo', width: 200 },
        {
          title: t('campaignsUi.files.type'),
          dataIndex: 'caseType',
          width: 96,
          render: (v: string) => typeName(v),
        },
        {
          title: t('campaignsUi.assignment.department'),
          dataIndex: 'departmentName',
          width: 190,
          ellipsis: true,
        },
        {
          title: t('campaignsUi.assignment.evaluators'),
          render: (_v, f) => (
            <Space size={[4, 4]} wrap>
              {(model.byCase.get(f.caseId) ?? []).map((id) => {
                const p = byId.get(id);
                return (
                  <Tag
                    key={id}
                    data-testid="assignee"
                    data-person={p?.name ?? id}
                    data-department={p?.departmentName ?? ''}
                  >
                    {p ? `${p.name} · ${p.departmentName}` : id}
                  </Tag>
                );
              })}
            </Space>
          ),
        },
        ...(onReassign
          ? [
              {
                title: t('common.actions'),
                key: 'reassign',
                width: 90,
                render: (_v: unknown, f: DrawnFile) => (
                  <Button
                    size="small"
                    type="link"
                    icon={<SwapOutlined />}
                    onClick={() => onReassign(f.caseId)}
                    data-testid="reassign"
                  >
                    {t('campaignsUi.assignment.reassign')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function Loads({ model }: { model: AssignmentModel }) {
  const { t } = useTranslation();
  const departments = useMemo(() => {
    const m = new Map<string, { name: string; files: number; people: number; reviews: number }>();
    const at = (id: string, name: string) => {
      const d = m.get(id) ?? { name, files: 0, people: 0, reviews: 0 };
      m.set(id, d);
      return d;
    };
    for (const f of model.files) at(f.departmentId, f.departmentName).files++;
    for (const p of model.people) {
      const d = at(p.departmentId, p.departmentName);
      d.people++;
      d.reviews += model.load.get(p.personId) ?? 0;
    }
    return [...m.entries()]
      .map(([id, d]) => ({ id, ...d }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [model]);
  return (
    <Row gutter={[16, 16]} data-testid="assignment-loads">
      <Col xs={24} lg={10}>
        <Typography.Title level={5}>{t('campaignsUi.assignment.byPerson')}</Typography.Title>
        <Table<DrawnPerson>
          rowKey="personId"
          size="small"
          dataSource={model.people}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('campaignsUi.assignment.person'), dataIndex: 'name', width: 90 },
            {
              title: t('campaignsUi.assignment.personDepartment'),
              dataIndex: 'departmentName',
              ellipsis: true,
            },
            {
              title: t('campaignsUi.assignment.load'),
              key: 'load',
              width: 70,
              align: 'right',
              sorter: (a, b) =>
                (model.load.get(a.personId) ?? 0) - (model.load.get(b.personId) ?? 0),
              render: (_v, p) => model.load.get(p.personId) ?? 0,
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={14}>
        <Typography.Title level={5}>{t('campaignsUi.assignment.byDepartment')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          dataSource={departments}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('campaignsUi.assignment.department'), dataIndex: 'name', ellipsis: true },
            {
              title: t('campaignsUi.assignment.deptFiles'),
              dataIndex: 'files',
              width: 130,
              align: 'right',
            },
            {
              title: t('campaignsUi.assignment.deptPeople'),
              dataIndex: 'people',
              width: 120,
              align: 'right',
            },
            {
              title: t('campaignsUi.assignment.deptReviews'),
              dataIndex: 'reviews',
              width: 170,
              align: 'right',
            },
          ]}
        />
      </Col>
    </Row>
  );
}

export function AssignmentViews({
  rows,
  onReassign,
}: {
  rows: readonly AssignmentRow[];
  onReassign?: (caseId: string) => void;
}) {
  const { t } = useTranslation();
  const model = useAssignmentModel(rows);
  const [view, setView] = useState<View>('matrix');
  const reviews = rows.reduce((n, r) => n + r.personIds.length, 0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large" align="center">
        <Statistic
          title={t('campaignsUi.list.files')}
          value={model.files.length}
          valueRender={(n) => <span data-testid="assignment-files">{n}</span>}
        />
        <Statistic
          title={t('campaignsUi.list.assignments')}
          value={reviews}
          valueRender={(n) => <span data-testid="assignment-reviews">{n}</span>}
        />
        <Statistic
          title={t('campaignsUi.assignment.spreadTitle')}
          value={model.max - model.min}
          valueRender={(n) => (
            <span data-testid="assignment-spread" data-spread={model.max - model.min}>
              {n}
            </span>
          )}
          suffix={
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('campaignsUi.assignment.loads', { min: model.min, max: model.max })}
            </Typography.Text>
          }
        />
      </Space>
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'matrix', label: t('campaignsUi.assignment.viewMatrix') },
          { value: 'list', label: t('campaignsUi.assignment.viewList') },
          { value: 'loads', label: t('campaignsUi.assignment.viewLoads') },
        ]}
        data-testid="assignment-view"
      />
      {view === 'matrix' ? (
        <Matrix model={model} />
      ) : view === 'list' ? (
        <List model={model} onReassign={onReassign} />
      ) : (
        <Loads model={model} />
      )}
    </Space>
  );
}
