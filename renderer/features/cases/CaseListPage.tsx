// 案卷库: the filter bar, the table of case files (paged, sorted and filtered by the API), the
// column chooser, and the import / new / export actions.
import {
  DownloadOutlined,
  ImportOutlined,
  PaperClipOutlined,
  PlusOutlined,
  ReloadOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Popover,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { CASE_COLUMNS, type CaseColumn } from '../../../core/api/methods/registry';
import { CASE_SORT_KEYS, type CaseFile, type CaseSort } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, tr } from '../../i18n/errors';
import { ImportWizard } from '../imports/ImportWizard';
import { usePreferences } from '../preferences/store';
import { CaseFilters } from './CaseFilters';
import { CaseFormModal } from './CaseFormModal';
import { formatFen } from './format';
import { DEFAULT_COLUMNS, isFiltered, PAGE_SIZES, useCases } from './store';

type SortKey = CaseSort['key'];
const SORTABLE = new Set<string>(CASE_SORT_KEYS);

/** The label of a column: the import field labels, shared with the import and the export. */
function columnLabel(c: CaseColumn): string {
  const field = c === 'departmentName' ? 'department' : c === 'amountFen' ? 'amount' : c;
  return tr(`import.fields.case.${field}`);
}

/** Column headers of the table: the amount's is shorter, the cells say ¥. */
function columnTitle(c: CaseColumn): string {
  return c === 'amountFen' ? tr('registry.list.amount') : columnLabel(c);
}

const WIDTHS: Record<CaseColumn, number> = {
  caseNo: 180,
  filingNo: 180,
  caseType: 96,
  procedure: 80,
  cause: 140,
  partyName: 140,
  partyType: 100,
  partyCode: 180,
  departmentName: 160,
  handlers: 120,
  handlerCertNos: 160,
  filedOn: 110,
  decidedOn: 110,
  closedOn: 110,
  penaltyKinds: 140,
  amountFen: 112,
  legalBasis: 200,
  status: 80,
  pageCount: 80,
  notes: 160,
};

function ColumnChooser() {
  const { t } = useTranslation();
  const { columns, setColumns } = useCases(
    useShallow((s) => ({ columns: s.columns, setColumns: s.setColumns })),
  );
  const content = (
    <div style={{ width: 340 }} data-testid="cases-columns-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('registry.toolbar.columnsHelp')}
      </Typography.Paragraph>
      <Checkbox.Group
        value={columns}
        onChange={(v) => setColumns(v as CaseColumn[])}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }}
      >
        {CASE_COLUMNS.map((c) => (
          <Checkbox
            key={c}
            value={c}
            disabled={columns.length === 1 && columns[0] === c}
            data-testid={`column-${c}`}
          >
            {columnLabel(c)}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <div style={{ textAlign: 'right', marginTop: 12 }}>
        <Button size="small" onClick={() => setColumns([...DEFAULT_COLUMNS])}>
          {t('registry.toolbar.columnsReset')}
        </Button>
      </div>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="cases-columns">
        {t('registry.toolbar.columns')}
      </Button>
    </Popover>
  );
}

function ExportButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = usePreferences((s) => s.locale);
  const { exporting, exportXlsx, cancelExport, total } = useCases(
    useShallow((s) => ({
      exporting: s.exporting,
      exportXlsx: s.exportXlsx,
      cancelExport: s.cancelExport,
      total: s.total,
    })),
  );
  const run = async () => {
    const r = await exportXlsx(locale);
    if (r.ok) void message.success(t('registry.toolbar.exported', { count: total }));
    else if (r.error.code !== 'CANCELLED') void message.error(errorText(r.error));
  };
  if (exporting) {
    const percent = exporting.total
      ? Math.round((exporting.done / exporting.total) * 100)
      : undefined;
    return (
      <Space data-testid="cases-export-progress">
        <Typography.Text type="secondary">{t('registry.toolbar.exporting')}</Typography.Text>
        <Progress
          percent={percent ?? 0}
          showInfo={percent !== undefined}
          status="active"
          size="small"
          style={{ width: 140, margin: 0 }}
        />
        <Button size="small" onClick={cancelExport}>
          {t('registry.toolbar.cancelExport')}
        </Button>
      </Space>
    );
  }
  return (
    <Button
      icon={<DownloadOutlined />}
      disabled={total === 0}
      onClick={() => void run()}
      data-testid="cases-export"
    >
      {t('registry.toolbar.export')}
    </Button>
  );
}

export function CaseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = useCases(
    useShallow((st) => ({
      filter: st.filter,
      sort: st.sort,
      page: st.page,
      pageSize: st.pageSize,
      rows: st.rows,
      total: st.total,
      registryTotal: st.registryTotal,
      loading: st.loading,
      error: st.error,
      columns: st.columns,
      caseTypes: st.caseTypes,
      load: st.load,
      loadRefs: st.loadRefs,
      setSort: st.setSort,
      setPage: st.setPage,
      create: st.create,
    })),
  );
  const { load, loadRefs } = s;
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void loadRefs();
    void load();
  }, [load, loadRefs]);

  const typeNames = useMemo(
    () => new Map(s.caseTypes.map((ct) => [ct.code, ct.name])),
    [s.caseTypes],
  );

  const tableColumns = useMemo((): ColumnType<CaseFile>[] => {
    const cell = (c: CaseColumn, r: CaseFile) => {
      switch (c) {
        case 'caseNo':
          return (
            <Space size={6}>
              <Link to={`/cases/${r.id}`} data-testid="case-link">
                {r.caseNo}
              </Link>
              {r.attachmentCount ? (
                <Tooltip title={t('registry.list.attachments', { count: r.attachmentCount })}>
                  <PaperClipOutlined style={{ color: '#8a94a6' }} />
                </Tooltip>
              ) : null}
            </Space>
          );
        case 'caseType':
          return typeNames.get(r.caseType) ?? r.caseType;
        case 'procedure':
          return r.procedure ? t(`import.procedures.${r.procedure}`) : null;
        case 'status':
          return (
            <Tag color={r.status === 'closed' ? 'default' : 'processing'} style={{ margin: 0 }}>
              {t(`import.statuses.${r.status}`)}
            </Tag>
          );
        case 'amountFen':
          return r.amountFen === null ? null : formatFen(r.amountFen);
        default:
          return r[c];
      }
    };
    return s.columns.map((c) => ({
      key: c,
      title: columnTitle(c),
      width: WIDTHS[c],
      // One line per file in every language; the full text is in the tooltip and the detail page.
      ellipsis: c === 'caseNo' ? undefined : { showTitle: false },
      align: c === 'amountFen' || c === 'pageCount' ? ('right' as const) : undefined,
      fixed: c === 'caseNo' ? ('left' as const) : undefined,
      sorter: SORTABLE.has(c),
      sortDirections: ['ascend', 'descend', 'ascend'],
      sortOrder:
        s.sort.key === c
          ? s.sort.dir === 'asc'
            ? ('ascend' as const)
            : ('descend' as const)
          : null,
      render: (_v: unknown, r: CaseFile) => {
        const content = cell(c, r);
        return (
          <span data-col={c} title={typeof content === 'string' ? content : undefined}>
            {content}
          </span>
        );
      },
    }));
  }, [s.columns, s.sort, t, typeNames]);

  const filtered = isFiltered(s.filter);
  const from = s.total ? (s.page - 1) * s.pageSize + 1 : 0;
  const to = Math.min(s.total, s.page * s.pageSize);

  return (
    <div className="cases-page" data-testid="cases-list">
      <Card className="cases-card" styles={{ body: { padding: 16 } }}>
        <CaseFilters />
      </Card>
      <Card className="cases-card" styles={{ body: { padding: 0 } }}>
        <div className="cases-toolbar">
          <div className="cases-count">
            <Typography.Text strong data-testid="cases-total" data-total={s.total}>
              {filtered
                ? t('registry.list.totalFiltered', { count: s.total, all: s.registryTotal })
                : t('registry.list.total', { count: s.total })}
            </Typography.Text>
            <Tooltip title={t('registry.toolbar.refresh')}>
              <Button
                type="text"
                size="small"
                icon={<ReloadOutlined />}
                aria-label={t('registry.toolbar.refresh')}
                onClick={() => {
                  void loadRefs();
                  void load();
                }}
              />
            </Tooltip>
          </div>
          <Space wrap>
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="cases-import"
            >
              {t('registry.toolbar.import')}
            </Button>
            <ExportButton />
            <ColumnChooser />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="cases-create"
            >
              {t('registry.toolbar.create')}
            </Button>
          </Space>
        </div>
        {s.error ? (
          <div style={{ padding: '0 16px' }}>
            <ErrorAlert error={s.error} testId="cases-error" />
          </div>
        ) : null}
        <Table<CaseFile>
          data-testid="cases-table"
          rowKey="id"
          size="middle"
          loading={s.loading}
          dataSource={s.rows}
          columns={tableColumns}
          scroll={{ x: s.columns.reduce((sum, c) => sum + WIDTHS[c], 0) }}
          showSorterTooltip={false}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={filtered ? t('registry.list.empty') : t('registry.list.emptyRegistry')}
              />
            ),
          }}
          onRow={(r) => ({
            onDoubleClick: () => void navigate(`/cases/${r.id}`),
          })}
          pagination={{
            current: s.page,
            pageSize: s.pageSize,
            total: s.total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: () => t('registry.list.range', { from, to, total: s.total }),
            style: { padding: '0 16px' },
          }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const one = (Array.isArray(sorter) ? sorter[0] : sorter) as
                SorterResult<CaseFile> | undefined;
              const key = one?.columnKey as SortKey | undefined;
              s.setSort(
                one?.order && key && SORTABLE.has(key)
                  ? { key, dir: one.order === 'ascend' ? 'asc' : 'desc' }
                  : null,
              );
            } else if (extra.action === 'paginate') {
              s.setPage(pagination.current ?? 1, pagination.pageSize ?? s.pageSize);
            }
          }}
        />
      </Card>
      <ImportWizard
        kind="cases"
        open={importing}
        onClose={() => {
          setImporting(false);
          void loadRefs();
          void load();
        }}
      />
      <CaseFormModal
        open={creating}
        caseFile={null}
        onClose={() => setCreating(false)}
        onSubmit={s.create}
        onSaved={(c) => {
          setCreating(false);
          void navigate(`/cases/${c.id}`);
        }}
      />
    </div>
  );
}
