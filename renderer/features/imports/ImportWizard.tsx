// The import wizard, shared by case catalogues and the evaluator pool: choose a file → see what
// would happen (new, updated, duplicate, error rows; every problem by row and column) → correct
// the column mapping and decide about unknown departments → confirm → one transaction.
import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Drawer,
  Progress,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ImportKind, ImportPreview, ImportProblem } from '../../../core/api/methods/imports';
import type { Department } from '../../../core/registry/schemas';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { usePreferences } from '../preferences/store';
import { undecided, useImport, type Encoding } from './store';

const ENCODINGS: Encoding[] = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'big5'];

function fieldLabel(kind: ImportKind, key: string): string {
  return tr(`import.fields.${kind === 'cases' ? 'case' : 'person'}.${key}`);
}

function StatusTag({ status }: { status: 'new' | 'update' | 'duplicate' | 'error' }) {
  const { t } = useTranslation();
  const color = { new: 'green', update: 'blue', duplicate: 'default', error: 'red' }[status];
  return <Tag color={color}>{t(`importer.ui.status.${status}`)}</Tag>;
}

function ChooseStep() {
  const { t } = useTranslation();
  const { kind, encoding, setEncoding, choose } = useImport(
    useShallow((s) => ({
      kind: s.kind,
      encoding: s.encoding,
      setEncoding: s.setEncoding,
      choose: s.choose,
    })),
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Upload.Dragger
        accept=".xlsx,.csv,.txt,.tsv,.xls"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void choose(file);
          return false;
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <CloudUploadOutlined />
        </p>
        <p className="ant-upload-text">
          {t(kind === 'cases' ? 'importer.ui.dropCases' : 'importer.ui.dropPeople')}
        </p>
        <p className="ant-upload-hint">{t('importer.ui.dropHint')}</p>
      </Upload.Dragger>
      <Space>
        <Typography.Text>{t('importer.ui.encoding')}</Typography.Text>
        <Select<Encoding>
          data-testid="import-encoding"
          value={encoding}
          style={{ width: 220 }}
          onChange={setEncoding}
          options={ENCODINGS.map((e) => ({ value: e, label: t(`importer.ui.encodings.${e}`) }))}
        />
        <Typography.Text type="secondary">{t('importer.ui.encodingHelp')}</Typography.Text>
      </Space>
    </Space>
  );
}

function Working() {
  const { t } = useTranslation();
  const { progress, cancel, fileName } = useImport(
    useShallow((s) => ({ progress: s.progress, cancel: s.cancel, fileName: s.fileName })),
  );
  const percent = progress?.total ? Math.round((progress.done / progress.total) * 100) : undefined;
  return (
    <Card data-testid="import-working">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{fileName}</Typography.Text>
        <Typography.Text>
          {progress ? tr(progress.phase) : t('importer.phase.reading')}
          {progress && !progress.total && progress.done
            ? ` · ${t('importer.ui.rowsRead', { rows: progress.done })}`
            : ''}
        </Typography.Text>
        <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
        <Button onClick={cancel} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
      </Space>
    </Card>
  );
}

function ProblemsTable({ problems, kind }: { problems: ImportProblem[]; kind: ImportKind }) {
  const { t } = useTranslation();
  const [only, setOnly] = useState<'all' | 'error' | 'warning'>('all');
  const rows = only === 'all' ? problems : problems.filter((p) => p.severity === only);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group
        value={only}
        onChange={(e) => setOnly(e.target.value as typeof only)}
        size="small"
      >
        <Radio.Button value="all">{t('importer.ui.allProblems')}</Radio.Button>
        <Radio.Button value="error">{t('importer.severity.error')}</Radio.Button>
        <Radio.Button value="warning">{t('importer.severity.warning')}</Radio.Button>
      </Radio.Group>
      <Table<ImportProblem>
        data-testid="import-problems"
        size="small"
        rowKey={(p) => `${p.rowNumber}-${p.column ?? 'x'}-${p.key}`}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('importer.report.row'), dataIndex: 'rowNumber', width: 70 },
          {
            title: t('importer.report.column'),
            width: 150,
            render: (_v, p) =>
              p.columnLetter
                ? `${p.columnLetter} · ${p.header ?? (p.field ? fieldLabel(kind, p.field) : '')}`
                : '—',
          },
          {
            title: t('importer.report.severity'),
            width: 80,
            render: (_v, p) => (
              <Tag color={p.severity === 'error' ? 'red' : 'orange'}>
                {t(`importer.severity.${p.severity}`)}
              </Tag>
            ),
          },
          { title: t('importer.report.value'), dataIndex: 'value', width: 160, ellipsis: true },
          { title: t('importer.report.problem'), render: (_v, p) => tr(p.key, p.params) },
          {
            title: t('importer.report.hint'),
            render: (_v, p) =>
              p.hintKey ? (
                <Typography.Text type="secondary">{tr(p.hintKey, p.hintParams)}</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

function MappingPanel() {
  const preview = useImport((s) => s.preview);
  if (!preview) return null;
  // Keyed by the preview, so that a new preview starts the editor from its mapping.
  return (
    <MappingEditor
      key={`${preview.previewId}:${JSON.stringify(preview.mapping)}`}
      preview={preview}
    />
  );
}

function MappingEditor({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const { remap, kind } = useImport(useShallow((s) => ({ remap: s.remap, kind: s.kind })));
  const [draft, setDraft] = useState<Record<string, number | null>>(preview.mapping);
  const options = [
    { value: -1, label: t('importer.ui.notMapped') },
    ...preview.columns.map((c) => ({
      value: c.index,
      label: `${c.letter} · ${c.header || t('importer.ui.emptyHeader')}`,
    })),
  ];
  const changed = JSON.stringify(draft) !== JSON.stringify(preview.mapping);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t(`importer.ui.mappingSource.${preview.mappingSource}`)}{' '}
        {t('importer.ui.headerRow', { row: preview.headerRowNumber })}
      </Typography.Text>
      <Table<ImportPreview['fields'][number]>
        size="small"
        data-testid="import-mapping"
        pagination={false}
        rowKey="key"
        dataSource={preview.fields}
        columns={[
          {
            title: t('importer.ui.field'),
            render: (_v, f) => (
              <span>
                {fieldLabel(kind, f.key)}
                {f.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
              </span>
            ),
          },
          {
            title: t('importer.ui.column'),
            render: (_v, f) => (
              <Select
                data-testid={`map-${f.key}`}
                style={{ width: 280 }}
                value={draft[f.key] ?? -1}
                options={options}
                status={preview.missingRequired.includes(f.key) ? 'error' : undefined}
                onChange={(v: number) => setDraft({ ...draft, [f.key]: v < 0 ? null : v })}
              />
            ),
          },
        ]}
      />
      <Button
        type="primary"
        disabled={!changed}
        onClick={() => void remap(draft)}
        data-testid="import-apply-mapping"
      >
        {t('importer.ui.applyMapping')}
      </Button>
    </Space>
  );
}

function DepartmentsPanel({ departments }: { departments: Department[] }) {
  const { t } = useTranslation();
  const { preview, decisions, decide } = useImport(
    useShallow((s) => ({ preview: s.preview, decisions: s.decisions, decide: s.decide })),
  );
  if (!preview) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('importer.ui.unknownDepartmentsHelp')}</Typography.Text>
      <Table
        size="small"
        data-testid="import-departments"
        pagination={false}
        rowKey="name"
        dataSource={preview.unknownDepartments}
        columns={[
          { title: t('importer.ui.nameInFile'), dataIndex: 'name' },
          { title: t('importer.ui.rows'), dataIndex: 'rows', width: 80 },
          {
            title: t('importer.ui.decision'),
            render: (_v, u: { name: string }) => {
              const d = decisions[u.name] ?? { action: 'create' };
              return (
                <Space wrap>
                  <Radio.Group
                    value={d.action}
                    onChange={(e) =>
                      decide(
                        u.name,
                        e.target.value === 'create'
                          ? { action: 'create' }
                          : {
                              action: 'map',
                              ...(d.departmentId ? { departmentId: d.departmentId } : {}),
                            },
                      )
                    }
                  >
                    <Radio value="create" data-testid={`dept-create-${u.name}`}>
                      {t('importer.ui.createDepartment')}
                    </Radio>
                    <Radio value="map" data-testid={`dept-map-${u.name}`}>
                      {t('importer.ui.mapDepartment')}
                    </Radio>
                  </Radio.Group>
                  {d.action === 'map' ? (
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 280 }}
                      value={d.departmentId}
                      placeholder={t('importer.ui.chooseDepartment')}
                      onChange={(id: string) => decide(u.name, { action: 'map', departmentId: id })}
                      options={departments.map((x) => ({ value: x.id, label: x.name }))}
                    />
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

function PreviewStep() {
  const { t } = useTranslation();
  const locale = usePreferences((s) => s.locale);
  const { preview, decisions, commit, discard, downloadProblems, kind } = useImport(
    useShallow((s) => ({
      preview: s.preview,
      decisions: s.decisions,
      commit: s.commit,
      discard: s.discard,
      downloadProblems: s.downloadProblems,
      kind: s.kind,
    })),
  );
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    void api.call('departments.list', {}).then((r) => r.ok && setDepartments(r.data.departments));
  }, []);
  const pending = useMemo(() => undecided(preview, decisions), [preview, decisions]);
  if (!preview) return null;
  const c = preview.counts;
  const writable = c.new + c.update;
  const blocked = preview.missingRequired.length > 0 || pending.length > 0 || writable === 0;
  const sampleFields = preview.fields.filter((f) => preview.mapping[f.key] !== null).slice(0, 8);

  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="import-preview"
    >
      <Typography.Text type="secondary">
        {preview.fileName} · {preview.format.toUpperCase()}
        {preview.encoding ? ` · ${preview.encoding.toUpperCase()}` : ''}
        {preview.sheetName ? ` · ${t('importer.ui.sheet', { name: preview.sheetName })}` : ''}
        {c.skippedBlank || c.skippedTotal
          ? ` · ${t('importer.ui.skipped', { blank: c.skippedBlank, total: c.skippedTotal })}`
          : ''}
      </Typography.Text>
      <Row gutter={16}>
        {(['new', 'update', 'duplicate', 'error'] as const).map((k) => (
          <Col span={5} key={k}>
            <Card size="small">
              <Statistic
                data-testid={`import-count-${k}`}
                title={t(`importer.ui.counts.${k}`)}
                value={c[k]}
                valueStyle={k === 'error' && c.error ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('importer.ui.counts.warningRows')} value={c.warningRows} />
          </Card>
        </Col>
      </Row>
      {preview.missingRequired.length ? (
        <Alert
          type="error"
          showIcon
          title={t('importer.errors.requiredUnmapped', {
            fields: preview.missingRequired.map((f) => fieldLabel(kind, f)).join('、'),
          })}
        />
      ) : null}
      {pending.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('importer.errors.departmentsUndecided', { names: pending.join('、') })}
        />
      ) : null}
      <Tabs
        defaultActiveKey={preview.problemsTotal ? 'problems' : 'sample'}
        items={[
          {
            key: 'problems',
            label: `${t('importer.ui.tabs.problems')} (${preview.problemsTotal})`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {preview.problemsTotal > preview.problems.length ? (
                  <Typography.Text type="secondary">
                    {t('importer.ui.problemsTruncated', {
                      shown: preview.problems.length,
                      total: preview.problemsTotal,
                    })}
                  </Typography.Text>
                ) : null}
                <Button
                  icon={<DownloadOutlined />}
                  disabled={!preview.problemsTotal}
                  onClick={() => void downloadProblems(locale)}
                  data-testid="import-download-problems"
                >
                  {t('importer.ui.downloadProblems')}
                </Button>
                <ProblemsTable problems={preview.problems} kind={kind} />
              </Space>
            ),
          },
          {
            key: 'departments',
            label: `${t('importer.ui.tabs.departments')} (${preview.unknownDepartments.length})`,
            children: <DepartmentsPanel departments={departments} />,
          },
          { key: 'mapping', label: t('importer.ui.tabs.mapping'), children: <MappingPanel /> },
          {
            key: 'sample',
            label: t('importer.ui.tabs.sample'),
            children: (
              <Table<ImportPreview['sample'][number]>
                size="small"
                rowKey="rowNumber"
                pagination={false}
                scroll={{ x: true }}
                dataSource={preview.sample}
                columns={[
                  {
                    title: t('importer.report.row'),
                    dataIndex: 'rowNumber',
                    width: 60,
                    fixed: 'left',
                  },
                  {
                    title: t('common.status'),
                    width: 80,
                    render: (_v, r) => <StatusTag status={r.status} />,
                  },
                  ...sampleFields.map((f) => ({
                    title: fieldLabel(kind, f.key),
                    ellipsis: true,
                    render: (_v: unknown, r: ImportPreview['sample'][number]) =>
                      r.values[f.key] ?? '',
                  })),
                ]}
              />
            ),
          },
        ]}
      />
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Button onClick={() => void discard()} data-testid="import-discard">
          {t('importer.ui.discard')}
        </Button>
        <Button
          type="primary"
          disabled={blocked}
          onClick={() => void commit()}
          data-testid="import-commit"
        >
          {t('importer.ui.commit', { count: writable, new: c.new, update: c.update })}
        </Button>
      </Space>
      {c.error ? (
        <Typography.Text type="secondary">
          {t('importer.ui.errorsSkipped', { count: c.error })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function DoneStep({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { result, reset, kind } = useImport(
    useShallow((s) => ({ result: s.result, reset: s.reset, kind: s.kind })),
  );
  if (!result) return null;
  const c = result.counts;
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={t('importer.ui.doneTitle')}
      subTitle={t('importer.ui.doneBody', {
        new: c.new,
        update: c.update,
        duplicate: c.duplicate,
        error: c.error,
        departments: c.departmentsCreated,
      })}
      extra={[
        <Button key="again" onClick={() => reset(kind)}>
          {t('importer.ui.another')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="import-close">
          {t('common.close')}
        </Button>,
      ]}
    />
  );
}

export function ImportWizard({
  kind,
  open,
  onClose,
}: {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { phase, error, reset } = useImport(
    useShallow((s) => ({ phase: s.phase, error: s.error, reset: s.reset })),
  );
  useEffect(() => {
    if (open) reset(kind);
  }, [open, kind, reset]);
  return (
    <Drawer
      open={open}
      width="min(1280px, 92vw)"
      title={t(kind === 'cases' ? 'importer.ui.titleCases' : 'importer.ui.titlePeople')}
      onClose={onClose}
      destroyOnHidden
      data-testid="import-wizard"
    >
      <ErrorAlert error={error} testId="import-error" />
      {phase === 'choose' ? <ChooseStep /> : null}
      {phase === 'working' ? <Working /> : null}
      {phase === 'preview' ? <PreviewStep /> : null}
      {phase === 'done' ? <DoneStep onClose={onClose} /> : null}
    </Drawer>
  );
}
