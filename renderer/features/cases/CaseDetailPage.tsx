// One case file: every field, edit and delete, its attachments, and the viewer beside them so the
// scans can be read next to the catalogue data.
import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { Attachment, CaseFile } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileViewer } from '../../components/FileViewer';
import { errorText } from '../../i18n/errors';
import { CaseFormModal } from './CaseFormModal';
import { MAX_ATTACHMENT_MB, useCaseDetail } from './detail-store';
import { formatBytes, formatFen } from './format';
import { useCases } from './store';

const VIEWER_HEIGHT = 'calc(100vh - 250px)';

function fileIcon(mime: string) {
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ color: '#c0392b' }} />;
  if (mime.startsWith('image/')) return <FileImageOutlined style={{ color: '#1e5aa8' }} />;
  return <FileOutlined />;
}

function CaseFields({ c }: { c: CaseFile }) {
  const { t } = useTranslation();
  const typeName = useCases((s) => s.caseTypes.find((ct) => ct.code === c.caseType)?.name);
  const field = (key: string) => t(`import.fields.case.${key}` as 'import.fields.case.caseNo');
  const value = (v: ReactNode) =>
    v === null || v === undefined || v === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      v
    );
  const items: DescriptionsItemType[] = [
    { key: 'caseNo', label: field('caseNo'), children: c.caseNo },
    ...(c.caseNoRaw !== c.caseNo
      ? [{ key: 'caseNoRaw', label: t('registry.detail.caseNoRaw'), children: c.caseNoRaw }]
      : []),
    { key: 'filingNo', label: field('filingNo'), children: value(c.filingNo) },
    { key: 'caseType', label: field('caseType'), children: typeName ?? c.caseType },
    {
      key: 'procedure',
      label: field('procedure'),
      children: value(c.procedure ? t(`import.procedures.${c.procedure}`) : null),
    },
    { key: 'cause', label: field('cause'), children: value(c.cause) },
    { key: 'partyName', label: field('partyName'), children: value(c.partyName) },
    { key: 'partyType', label: field('partyType'), children: value(c.partyType) },
    { key: 'partyCode', label: field('partyCode'), children: value(c.partyCode) },
    { key: 'department', label: field('department'), children: c.departmentName },
    { key: 'handlers', label: field('handlers'), children: value(c.handlers) },
    { key: 'handlerCertNos', label: field('handlerCertNos'), children: value(c.handlerCertNos) },
    { key: 'filedOn', label: field('filedOn'), children: value(c.filedOn) },
    { key: 'decidedOn', label: field('decidedOn'), children: value(c.decidedOn) },
    { key: 'closedOn', label: field('closedOn'), children: value(c.closedOn) },
    { key: 'penaltyKinds', label: field('penaltyKinds'), children: value(c.penaltyKinds) },
    {
      key: 'amount',
      label: field('amount'),
      children: value(c.amountFen === null ? null : formatFen(c.amountFen)),
    },
    { key: 'legalBasis', label: field('legalBasis'), children: value(c.legalBasis) },
    {
      key: 'status',
      label: field('status'),
      children: (
        <Tag color={c.status === 'closed' ? 'default' : 'processing'}>
          {t(`import.statuses.${c.status}`)}
        </Tag>
      ),
    },
    { key: 'pageCount', label: field('pageCount'), children: value(c.pageCount) },
    { key: 'year', label: t('registry.detail.year'), children: value(c.year) },
    ...(c.caseUid ? [{ key: 'caseUid', label: field('caseUid'), children: c.caseUid }] : []),
    { key: 'notes', label: field('notes'), children: value(c.notes) },
    {
      key: 'source',
      label: t('registry.detail.source'),
      children: c.batchId ? t('registry.detail.sourceImport') : t('registry.detail.sourceManual'),
    },
    {
      key: 'createdAt',
      label: t('registry.detail.createdAt'),
      children: dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'updatedAt',
      label: t('registry.detail.updatedAt'),
      children: dayjs(c.updatedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <Descriptions
      data-testid="case-fields"
      bordered
      size="small"
      column={1}
      items={items.map((i) => ({
        ...i,
        children: <span data-field={i.key}>{i.children}</span>,
      }))}
      styles={{ label: { width: 128 } }}
    />
  );
}

function Attachments() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { attachments, selectedId, select, addAttachment, removeAttachment } = useCaseDetail(
    useShallow((s) => ({
      attachments: s.attachments,
      selectedId: s.selectedId,
      select: s.select,
      addAttachment: s.addAttachment,
      removeAttachment: s.removeAttachment,
    })),
  );
  const [adding, setAdding] = useState<string | null>(null);

  const add = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_MB * 1048576) {
      void message.error(
        t('registry.attachments.tooLarge', { name: file.name, maxMb: MAX_ATTACHMENT_MB }),
      );
      return;
    }
    setAdding(file.name);
    const r = await addAttachment(file);
    setAdding(null);
    if (r.ok) void message.success(t('registry.attachments.added', { name: r.data.fileName }));
    else void message.error(errorText(r.error));
  };

  const remove = async (a: Attachment) => {
    const r = await removeAttachment(a.id);
    if (r.ok) void message.success(t('registry.attachments.removed', { name: a.fileName }));
    else void message.error(errorText(r.error));
  };

  return (
    <Card
      title={t('registry.attachments.title')}
      size="small"
      className="cases-card"
      extra={
        <Upload
          accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.bmp,application/pdf,image/*"
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void add(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={adding !== null}
            data-testid="attachment-add"
          >
            {t('registry.attachments.add')}
          </Button>
        </Upload>
      }
      data-testid="attachments"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {adding
          ? t('registry.attachments.adding', { name: adding })
          : t('registry.attachments.addHelp', { maxMb: MAX_ATTACHMENT_MB })}
      </Typography.Paragraph>
      <Table<Attachment>
        data-testid="attachments-table"
        size="small"
        rowKey="id"
        pagination={false}
        showHeader={false}
        dataSource={attachments}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('registry.attachments.empty')}
            />
          ),
        }}
        rowClassName={(a) => (a.id === selectedId ? 'attachment-selected' : '')}
        onRow={(a) => ({ onClick: () => void select(a.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'file',
            title: t('registry.attachments.fileName'),
            ellipsis: true,
            render: (_v, a) => (
              <div className="attachment-item">
                <span className="attachment-icon">{fileIcon(a.mime)}</span>
                <div style={{ minWidth: 0 }}>
                  <Typography.Link
                    ellipsis
                    data-testid="attachment-name"
                    style={{ display: 'block', maxWidth: '100%' }}
                  >
                    {a.fileName}
                  </Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <span title={t('registry.attachments.size')}>{formatBytes(a.size)}</span>
                    {' · '}
                    <span title={t('registry.attachments.addedAt')}>
                      {dayjs(a.addedAt).format('YYYY-MM-DD HH:mm')}
                    </span>
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            key: 'actions',
            width: 64,
            render: (_v, a) => (
              <Popconfirm
                title={t('registry.attachments.removeTitle', { name: a.fileName })}
                description={t('registry.attachments.removeBody')}
                okText={t('registry.attachments.remove')}
                okButtonProps={{ danger: true, 'data-testid': 'attachment-remove-ok' }}
                cancelText={t('common.cancel')}
                onConfirm={() => remove(a)}
                onPopupClick={(e) => e.stopPropagation()}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('registry.attachments.remove')}
                  onClick={(e) => e.stopPropagation()}
                  data-testid="attachment-remove"
                />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Viewer() {
  const { t } = useTranslation();
  const { attachments, content, contentLoading, contentError } = useCaseDetail(
    useShallow((s) => ({
      attachments: s.attachments,
      content: s.content,
      contentLoading: s.contentLoading,
      contentError: s.contentError,
    })),
  );
  if (contentError) return <ErrorAlert error={contentError} testId="viewer-error" />;
  if (content) {
    return (
      <Spin spinning={contentLoading}>
        <FileViewer
          bytes={content.bytes}
          mime={content.mime}
          fileName={content.fileName}
          height={VIEWER_HEIGHT}
        />
      </Spin>
    );
  }
  return (
    <div className="case-viewer-empty" style={{ height: VIEWER_HEIGHT }}>
      {contentLoading ? (
        <Spin />
      ) : (
        <Empty
          description={
            attachments.length ? t('registry.viewer.choose') : t('registry.viewer.noAttachments')
          }
        />
      )}
    </div>
  );
}

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { caseFile, attachments, loading, error, open, update, remove } = useCaseDetail(
    useShallow((s) => ({
      caseFile: s.caseFile,
      attachments: s.attachments,
      loading: s.loading,
      error: s.error,
      open: s.open,
      update: s.update,
      remove: s.remove,
    })),
  );
  const loadRefs = useCases((s) => s.loadRefs);
  const typeName = useCases((s) => s.caseTypes.find((ct) => ct.code === caseFile?.caseType)?.name);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    void open(id);
    void loadRefs();
  }, [id, open, loadRefs]);

  const back = (
    <Link to="/cases" data-testid="case-back">
      <ArrowLeftOutlined /> {t('registry.detail.back')}
    </Link>
  );

  if (!caseFile) {
    if (loading) return <Skeleton active paragraph={{ rows: 10 }} />;
    return (
      <div data-testid="case-detail">
        {back}
        {error?.code === 'NOT_FOUND' ? (
          <Result status="404" title={t('registry.detail.notFound')} data-testid="case-not-found" />
        ) : (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} testId="case-error" />
          </div>
        )}
      </div>
    );
  }

  const confirmDelete = () => {
    modal.confirm({
      title: t('registry.detail.deleteTitle', { caseNo: caseFile.caseNo }),
      content: t('registry.detail.deleteBody', { count: attachments.length }),
      okText: t('registry.detail.delete'),
      okButtonProps: { danger: true, 'data-testid': 'case-delete-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const r = await remove();
        if (r.ok) {
          void message.success(t('registry.detail.deleted', { caseNo: caseFile.caseNo }));
          void navigate('/cases');
        } else void message.error(errorText(r.error));
      },
    });
  };

  return (
    <div className="case-detail" data-testid="case-detail">
      <div className="case-detail-head">
        <div>
          {back}
          <div className="case-detail-title">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
              {caseFile.caseNo}
            </Typography.Title>
            <Tag color="blue">{typeName ?? caseFile.caseType}</Tag>
            {caseFile.procedure ? <Tag>{t(`import.procedures.${caseFile.procedure}`)}</Tag> : null}
            <Tag color={caseFile.status === 'closed' ? 'default' : 'processing'}>
              {t(`import.statuses.${caseFile.status}`)}
            </Tag>
          </div>
          <Typography.Text type="secondary">
            {[caseFile.departmentName, caseFile.partyName, caseFile.cause]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="case-edit">
            {t('registry.detail.edit')}
          </Button>
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={confirmDelete}
            data-testid="case-delete"
          >
            {t('registry.detail.delete')}
          </Button>
        </Space>
      </div>
      <ErrorAlert error={error} testId="case-error" />
      <Row gutter={16} wrap={false} className="case-detail-body">
        <Col flex="0 0 440px" className="case-detail-side">
          <Attachments />
          <Card
            title={t('registry.detail.info')}
            size="small"
            className="cases-card"
            styles={{ body: { padding: 12 } }}
          >
            <CaseFields c={caseFile} />
          </Card>
        </Col>
        <Col flex="1 1 auto" style={{ minWidth: 0 }}>
          <div className="case-viewer" data-testid="case-viewer">
            <Viewer />
          </div>
        </Col>
      </Row>
      <CaseFormModal
        open={editing}
        caseFile={caseFile}
        onClose={() => setEditing(false)}
        onSubmit={(input) => update({ ...input, id: caseFile.id })}
        onSaved={() => {
          setEditing(false);
          void message.success(t('registry.form.saved'));
        }}
      />
    </div>
  );
}
