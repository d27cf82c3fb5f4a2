// The templates: name, scope, latest version, draft, size and state; new, import, open, new
// draft, retire and reactivate. Retired templates come last, muted, behind a switch.
import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Empty,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { TemplateSummary } from '../../../core/api/methods/standards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/errors';
import { CreateModal } from './CreateModal';
import { ImportProblemsModal } from './ImportProblemsModal';
import { useStandards } from './store';
import { dateTime, pts, scopeText } from './ui';

export function TemplatesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const s = useStandards(
    useShallow((st) => ({
      templates: st.templates,
      caseTypes: st.caseTypes,
      loading: st.loading,
      error: st.error,
      showRetired: st.showRetired,
      load: st.load,
      setShowRetired: st.setShowRetired,
      importFile: st.importFile,
      retire: st.retire,
      newDraft: st.newDraft,
    })),
  );
  const { load } = s;
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<{ file: string; error: ApiError } | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const retiredCount = s.templates.filter((x) => x.retired).length;
  const rows = useMemo(
    () => (s.showRetired ? s.templates : s.templates.filter((x) => !x.retired)),
    [s.templates, s.showRetired],
  );

  const importFile = async (file: File) => {
    setImporting(true);
    const r = await s.importFile(file);
    setImporting(false);
    if (r.ok) {
      void message.success(t('standardsUi.import.imported', { name: r.data.content.name }));
      void navigate(`/standards/${r.data.id}`);
    } else if (r.error.fieldErrors?.length) {
      setImportError({ file: file.name, error: r.error });
    } else {
      void message.error(errorText(r.error));
    }
  };

  const startDraft = async (row: TemplateSummary) => {
    if (!row.latestVersionId) return;
    const r = await s.newDraft(row.latestVersionId);
    if (r.ok) void navigate(`/standards/${r.data.id}`);
    else void message.error(errorText(r.error));
  };

  const setRetired = async (row: TemplateSummary, retired: boolean) => {
    const r = await s.retire(row.id, retired);
    if (r.ok) {
      void message.success(
        t(retired ? 'standardsUi.list.retiredDone' : 'standardsUi.list.reactivatedDone', {
          name: row.name,
        }),
      );
    } else void message.error(errorText(r.error));
  };

  const columns: ColumnsType<TemplateSummary> = [
    {
      key: 'name',
      title: t('standardsUi.list.name'),
      render: (_v, row) => {
        const target = row.latestVersionId ?? row.draftId;
        return (
          <Space size={6} wrap>
            {target ? (
              <Link to={`/standards/${target}`} data-testid="standard-open">
                {row.name}
              </Link>
            ) : (
              row.name
            )}
            {row.builtin ? (
              <Tag data-testid="standard-builtin">{t('standardsUi.list.builtin')}</Tag>
            ) : null}
            {row.retired ? (
              <Tag color="default" data-testid="standard-retired">
                {t('standardsUi.list.retired')}
              </Tag>
            ) : null}
          </Space>
        );
      },
    },
    {
      key: 'scope',
      title: t('standardsUi.list.scope'),
      width: 180,
      render: (_v, row) =>
        scopeText(row.caseTypes, row.procedures, s.caseTypes) || (
          <Typography.Text type="secondary">{t('standardsUi.list.allCases')}</Typography.Text>
        ),
    },
    {
      key: 'latest',
      title: t('standardsUi.list.latest'),
      width: 170,
      render: (_v, row) =>
        row.latestVersion ? (
          <div data-testid="standard-latest">
            <div>{t('standardsUi.list.version', { version: row.latestVersion })}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dateTime(row.latestPublishedAt)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary" data-testid="standard-latest">
            {t('standardsUi.list.notPublished')}
          </Typography.Text>
        ),
    },
    {
      key: 'draft',
      title: t('standardsUi.list.draft'),
      width: 170,
      render: (_v, row) =>
        row.draftId ? (
          <div data-testid="standard-draft">
            <Link to={`/standards/${row.draftId}`}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('standardsUi.list.draft')}
              </Tag>
            </Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('standardsUi.list.draftAt', { date: dateTime(row.draftUpdatedAt) })}
              </Typography.Text>
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('standardsUi.list.noDraft')}</Typography.Text>
        ),
    },
    {
      key: 'size',
      title: t('standardsUi.list.size'),
      width: 190,
      render: (_v, row) => (
        <div data-testid="standard-size">
          <div>{t('standardsUi.list.counts', { items: row.itemCount, vetoes: row.vetoCount })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('standardsUi.list.totalPoints', { total: pts(row.total) })}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'actions',
      title: t('standardsUi.list.actions'),
      width: 200,
      render: (_v, row) => (
        <Space size={4} wrap>
          {row.draftId ? (
            <Button
              type="link"
              size="small"
              onClick={() => void navigate(`/standards/${row.draftId}`)}
              data-testid="standard-edit-draft"
            >
              {t('standardsUi.list.editDraft')}
            </Button>
          ) : row.latestVersionId && !row.retired ? (
            <Button
              type="link"
              size="small"
              onClick={() => void startDraft(row)}
              data-testid="standard-new-draft"
            >
              {t('standardsUi.list.newDraft')}
            </Button>
          ) : null}
          {row.retired ? (
            <Button
              type="link"
              size="small"
              onClick={() => void setRetired(row, false)}
              data-testid="standard-reactivate"
            >
              {t('standardsUi.list.reactivate')}
            </Button>
          ) : (
            <Popconfirm
              title={t('standardsUi.list.retireTitle', { name: row.name })}
              description={<div style={{ maxWidth: 320 }}>{t('standardsUi.list.retireBody')}</div>}
              okText={t('standardsUi.list.retire')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'standard-retire-ok' }}
              onConfirm={() => setRetired(row, true)}
            >
              <Button type="link" size="small" danger data-testid="standard-retire">
                {t('standardsUi.list.retire')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="standards-tab">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('standardsUi.list.intro')}
      </Typography.Paragraph>
      <div className="standards-toolbar">
        <Space size="middle" wrap>
          <Typography.Text strong data-testid="standards-count" data-count={rows.length}>
            {t('standardsUi.list.count', { count: rows.length })}
          </Typography.Text>
          <Space size={6}>
            <Switch
              size="small"
              checked={s.showRetired}
              onChange={s.setShowRetired}
              data-testid="standards-show-retired"
            />
            <Typography.Text type="secondary">
              {t('standardsUi.list.showRetired')}
              {retiredCount ? `（${retiredCount}）` : ''}
            </Typography.Text>
          </Space>
          <Tooltip title={t('standardsUi.list.refresh')}>
            <Button
              type="text"
              size="small"
              icon={<ReloadOutlined />}
              aria-label={t('standardsUi.list.refresh')}
              onClick={() => void load()}
            />
          </Tooltip>
        </Space>
        <Space wrap>
          <Tooltip title={t('standardsUi.import.help')} placement="bottomRight">
            <Upload
              accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<ImportOutlined />} loading={importing} data-testid="standards-import">
                {importing ? t('standardsUi.list.importing') : t('standardsUi.list.import')}
              </Button>
            </Upload>
          </Tooltip>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="standards-create"
          >
            {t('standardsUi.list.create')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={s.error} testId="standards-error" />
      <Table<TemplateSummary>
        data-testid="standards-table"
        rowKey="id"
        size="middle"
        loading={s.loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        rowClassName={(row) => (row.retired ? 'standards-row-retired' : '')}
        onRow={(row) =>
          ({
            'data-testid': 'standard-row',
            'data-name': row.name,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standardsUi.list.empty')} />
          ),
        }}
      />
      {!s.showRetired && retiredCount ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('standardsUi.list.retiredHidden', { count: retiredCount })}
        </Typography.Paragraph>
      ) : null}
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/standards/${id}`);
        }}
      />
      <ImportProblemsModal value={importError} onClose={() => setImportError(null)} />
    </div>
  );
}
