// 审计日志 (#/audit): the hash-chained log, filtered and paged by the API (time, user, kind of
// action, object, free text), each entry expandable to its details and hashes; "校验审计链" walks
// the whole chain and names the first broken entry in red; "导出审计日志" downloads the log (or
// the filtered entries) signed with the workspace's key.
import {
  CheckCircleOutlined,
  DownloadOutlined,
  ReloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Dropdown,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AuditEntryView } from '../../../core/api/methods/audit';
import { AUDIT_GROUP_KEYS } from '../../../core/audit/actions';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, tr } from '../../i18n/errors';
import { i18next } from '../../i18n';
import './audit.css';
import { EMPTY_FILTER, isFiltered, SYSTEM_ACTOR, useAudit } from './store';

const TIME = 'YYYY-MM-DD HH:mm:ss';

/** The translated name of an action, or its code when the dictionary has none. */
export function actionLabel(action: string): string {
  const key = `audit.actions.${action}`;
  return i18next.exists(key) ? (i18next.t(key as never) as unknown as string) : action;
}

function entityLabel(type: string | null): string {
  if (!type) return '';
  const key = `audit.entities.${type}`;
  return i18next.exists(key) ? (i18next.t(key as never) as unknown as string) : type;
}

/** A UUID's first block is enough to tell entries apart in the table; the details show it whole. */
const shortId = (id: string | null) =>
  id && /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? `${id.slice(0, 8)}…` : (id ?? '');

/** The stored details, pretty-printed when they are JSON. */
function prettyDetails(details: string): string {
  try {
    const v = JSON.parse(details) as unknown;
    if (v && typeof v === 'object' && Object.keys(v).length === 0) return '';
    return JSON.stringify(v, null, 2);
  } catch {
    return details;
  }
}

/** One line of the details for the table: key: value, … */
function detailsSummary(details: string): string {
  try {
    const v = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
      .join(tr('common.listSeparator'));
  } catch {
    return details;
  }
}

function Filters() {
  const { t } = useTranslation();
  const { filter, users, resets, setFilter, replaceFilter } = useAudit(
    useShallow((s) => ({
      filter: s.filter,
      users: s.users,
      resets: s.resets,
      setFilter: s.setFilter,
      replaceFilter: s.replaceFilter,
    })),
  );
  const actorOptions = useMemo(
    () => [
      { value: SYSTEM_ACTOR, label: t('audit.filters.system') },
      ...users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
    ],
    [users, t],
  );
  return (
    <Space wrap size={[12, 12]} className="audit-filters" data-testid="audit-filters">
      <DatePicker.RangePicker
        aria-label={t('audit.filters.time')}
        data-testid="audit-filter-time"
        value={filter.days ? [dayjs(filter.days[0]), dayjs(filter.days[1])] : null}
        onChange={(v) =>
          void setFilter({
            days: v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null,
          })
        }
      />
      <Select
        data-testid="audit-filter-actor"
        style={{ width: 200 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.filters.actor')}
        options={actorOptions}
        value={filter.actor}
        onChange={(v: string | undefined) => void setFilter({ actor: v ?? null })}
      />
      <Select
        data-testid="audit-filter-groups"
        mode="multiple"
        style={{ minWidth: 240 }}
        allowClear
        placeholder={t('audit.filters.groups')}
        options={AUDIT_GROUP_KEYS.map((g) => ({ value: g, label: t(`audit.groups.${g}`) }))}
        value={filter.groups}
        onChange={(v) => void setFilter({ groups: v })}
      />
      {/* The two text boxes apply on Enter (or the search button), not on every key; a reset
          of the whole filter gives them new keys, so they show it. */}
      <Input.Search
        key={`entity-${resets}`}
        data-testid="audit-filter-entity"
        style={{ width: 220 }}
        allowClear
        placeholder={t('audit.filters.entity')}
        defaultValue={filter.entityId}
        onSearch={(v) => void setFilter({ entityId: v })}
      />
      <Input.Search
        key={`text-${resets}`}
        data-testid="audit-filter-text"
        style={{ width: 300 }}
        allowClear
        placeholder={t('audit.filters.textPlaceholder')}
        defaultValue={filter.text}
        onSearch={(v) => void setFilter({ text: v })}
      />
      {filter.seq !== null ? (
        <Tag closable onClose={() => void setFilter({ seq: null })} data-testid="audit-filter-seq">
          {t('audit.seqFilter', { seq: filter.seq })}
        </Tag>
      ) : null}
      {isFiltered(filter) ? (
        <Button onClick={() => void replaceFilter(EMPTY_FILTER)}>{t('audit.filters.reset')}</Button>
      ) : null}
    </Space>
  );
}

function Verification() {
  const { t } = useTranslation();
  const { verification, replaceFilter } = useAudit(
    useShallow((s) => ({ verification: s.verification, replaceFilter: s.replaceFilter })),
  );
  if (!verification) return null;
  if (verification.ok) {
    return (
      <Alert
        data-testid="audit-verify-result"
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={t('audit.verifyOk', { count: verification.entries })}
      />
    );
  }
  const b = verification.firstBroken!;
  return (
    <Alert
      data-testid="audit-verify-result"
      type="error"
      showIcon
      title={t('audit.verifyBroken', {
        seq: b.seq,
        time: b.at ? dayjs(b.at).format(TIME) : '-',
        action: b.action ? actionLabel(b.action) : '-',
      })}
      action={
        <Button
          size="small"
          danger
          onClick={() => void replaceFilter({ ...EMPTY_FILTER, seq: b.seq })}
        >
          {t('audit.showBroken')}
        </Button>
      }
    />
  );
}

function Details({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const details = prettyDetails(entry.details);
  return (
    <div className="audit-details" data-testid={`audit-details-${entry.seq}`}>
      <dl>
        <dt>{t('audit.rawAction')}</dt>
        <dd>
          <code>{entry.action}</code>
        </dd>
        {entry.entityId ? (
          <>
            <dt>{t('audit.columns.entity')}</dt>
            <dd>
              {entityLabel(entry.entityType)} <code>{entry.entityId}</code>
            </dd>
          </>
        ) : null}
        <dt>{t('audit.columns.details')}</dt>
        <dd>{details ? <pre>{details}</pre> : t('audit.noDetails')}</dd>
        <dt>{t('audit.hash')}</dt>
        <dd>
          <code>{entry.hash}</code>
        </dd>
        <dt>{t('audit.prevHash')}</dt>
        <dd>
          <code>{entry.prevHash}</code>
        </dd>
      </dl>
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useAudit(
    useShallow((st) => ({
      entries: st.entries,
      total: st.total,
      page: st.page,
      pageSize: st.pageSize,
      loading: st.loading,
      error: st.error,
      filter: st.filter,
      verification: st.verification,
      verifying: st.verifying,
      exported: st.exported,
      load: st.load,
      loadUsers: st.loadUsers,
      setPage: st.setPage,
      verify: st.verify,
      exportLog: st.exportLog,
    })),
  );
  const { load, loadUsers } = s;
  useEffect(() => {
    void load();
    void loadUsers();
  }, [load, loadUsers]);

  const brokenSeq = s.verification && !s.verification.ok ? s.verification.firstBrokenSeq : null;

  const doExport = async (filtered: boolean) => {
    const r = await s.exportLog(filtered);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, 'application/jsonl');
  };

  const columns: ColumnsType<AuditEntryView> = [
    { title: t('audit.columns.seq'), dataIndex: 'seq', width: 80 },
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => dayjs(at).format(TIME),
    },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.systemActor')}</Typography.Text>,
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 180,
      render: (action: string) => actionLabel(action),
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      width: 220,
      render: (_v, e) =>
        e.entityType ? (
          <span className="audit-entity">
            {entityLabel(e.entityType)} <code title={e.entityId ?? ''}>{shortId(e.entityId)}</code>
          </span>
        ) : null,
    },
    {
      title: t('audit.columns.details'),
      dataIndex: 'details',
      ellipsis: true,
      render: (d: string) => <span className="audit-summary">{detailsSummary(d)}</span>,
    },
  ];

  return (
    <Card
      data-testid="audit-page"
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('audit.title')}
        </Space>
      }
      extra={
        <Space>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void load()}
            aria-label={t('common.retry')}
          />
          <Button
            data-testid="audit-verify"
            icon={<SafetyCertificateOutlined />}
            loading={s.verifying}
            onClick={() => void s.verify()}
          >
            {t('audit.verify')}
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'all', label: t('audit.exportAll') },
                {
                  key: 'filtered',
                  label: t('audit.exportFiltered', { count: s.total }),
                  disabled: !isFiltered(s.filter),
                },
              ],
              onClick: ({ key }) => void doExport(key === 'filtered'),
            }}
          >
            <Button data-testid="audit-export" type="primary" icon={<DownloadOutlined />}>
              {t('audit.export')}
            </Button>
          </Dropdown>
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('audit.intro')}
        </Typography.Paragraph>
        <Verification />
        {s.exported ? (
          <Alert
            data-testid="audit-exported"
            type="info"
            showIcon
            closable
            title={t('audit.exported', {
              count: s.exported.count,
              fingerprint: s.exported.keyFingerprint,
            })}
          />
        ) : null}
        <ErrorAlert error={s.error} />
        <Filters />
        <Table<AuditEntryView>
          data-testid="audit-table"
          rowKey="seq"
          size="small"
          loading={s.loading}
          columns={columns}
          dataSource={s.entries}
          rowClassName={(e) => (e.seq === brokenSeq ? 'audit-row-broken' : '')}
          expandable={{ expandedRowRender: (e) => <Details entry={e} /> }}
          locale={{ emptyText: t('audit.empty') }}
          pagination={{
            current: s.page,
            pageSize: s.pageSize,
            total: s.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('audit.total', { count: total }),
            onChange: (page, pageSize) => void s.setPage(page, pageSize),
          }}
        />
      </Space>
    </Card>
  );
}
