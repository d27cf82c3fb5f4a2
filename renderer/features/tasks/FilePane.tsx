// The left pane of the scoring screen: the file under evaluation. Its key facts, the rest on
// demand, its attachments, and the chosen attachment in the shared viewer (PDF pages, images).
import { FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Spin, Tag, Typography } from 'antd';
import type { DescriptionsItemType } from 'antd/es/descriptions';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaseFile } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileViewer } from '../../components/FileViewer';
import { useSheet } from './sheet-store';

function fileIcon(mime: string) {
  if (mime === 'application/pdf') return <FilePdfOutlined style={{ color: '#c0392b' }} />;
  if (mime.startsWith('image/')) return <FileImageOutlined style={{ color: '#1e5aa8' }} />;
  return <FileOutlined />;
}

/** 123456789 fen → '¥1,234,567.89'. */
function yuan(fen: number): string {
  const digits = String(Math.floor(Math.abs(fen) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${digits}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
}

function CaseFacts({ c, typeName }: { c: CaseFile; typeName: string }) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  const field = (key: string) => t(`import.fields.case.${key}` as 'import.fields.case.caseNo');
  const v = (x: ReactNode) =>
    x === null || x === undefined || x === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      x
    );
  const main: DescriptionsItemType[] = [
    { key: 'partyName', label: field('partyName'), children: v(c.partyName) },
    { key: 'cause', label: field('cause'), children: v(c.cause) },
    { key: 'decidedOn', label: field('decidedOn'), children: v(c.decidedOn) },
    {
      key: 'amount',
      label: field('amount'),
      children: v(
        c.amountFen === null ? null : (
          <span style={{ whiteSpace: 'nowrap' }}>{yuan(c.amountFen)}</span>
        ),
      ),
    },
  ];
  const extra: DescriptionsItemType[] = [
    { key: 'filingNo', label: field('filingNo'), children: v(c.filingNo) },
    { key: 'partyType', label: field('partyType'), children: v(c.partyType) },
    { key: 'handlers', label: field('handlers'), children: v(c.handlers) },
    { key: 'handlerCertNos', label: field('handlerCertNos'), children: v(c.handlerCertNos) },
    { key: 'filedOn', label: field('filedOn'), children: v(c.filedOn) },
    { key: 'closedOn', label: field('closedOn'), children: v(c.closedOn) },
    { key: 'penaltyKinds', label: field('penaltyKinds'), children: v(c.penaltyKinds) },
    { key: 'legalBasis', label: field('legalBasis'), children: v(c.legalBasis) },
    { key: 'pageCount', label: field('pageCount'), children: v(c.pageCount) },
    { key: 'notes', label: field('notes'), children: v(c.notes) },
  ];
  return (
    <div className="file-facts" data-testid="file-facts">
      <div className="file-facts-head">
        <Typography.Text strong>{t('tasksUi.file.info')}</Typography.Text>
        <Tag color="blue">{typeName}</Tag>
        {c.procedure ? <Tag>{t(`import.procedures.${c.procedure}`)}</Tag> : null}
        <Typography.Text type="secondary" className="file-dept">
          {c.departmentName}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          onClick={() => setMore(!more)}
          data-testid="file-more"
          style={{ marginInlineStart: 'auto' }}
        >
          {more ? t('tasksUi.file.less') : t('tasksUi.file.more')}
        </Button>
      </div>
      <Descriptions
        size="small"
        column={more ? 1 : 2}
        items={(more ? [...main, ...extra] : main).map((i) => ({
          ...i,
          children: <span data-field={i.key}>{i.children}</span>,
        }))}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      />
    </div>
  );
}

/** `typeName`: the case type's name (the task list has it; tasks.open gives the code). */
export function FilePane({ typeName }: { typeName: string | undefined }) {
  const { t } = useTranslation();
  const s = useSheet(
    useShallow((st) => ({
      opened: st.opened!,
      attachmentId: st.attachmentId,
      attachment: st.attachment,
      loading: st.attachmentLoading,
      error: st.attachmentError,
      select: st.selectAttachment,
      pageRequest: st.pageRequest,
    })),
  );
  const { case: c, attachments } = s.opened;
  return (
    <div className="file-pane" data-testid="file-pane">
      <CaseFacts c={c} typeName={typeName ?? c.caseType} />
      <div className="file-attachments" data-testid="file-attachments">
        <Typography.Text type="secondary" className="file-attachments-label">
          {t('tasksUi.file.attachments')}
        </Typography.Text>
        {attachments.length ? (
          attachments.map((a) => (
            <Button
              key={a.id}
              size="small"
              type={a.id === s.attachmentId ? 'primary' : 'default'}
              ghost={a.id === s.attachmentId}
              icon={fileIcon(a.mime)}
              onClick={() => void s.select(a.id)}
              data-testid="file-attachment"
              data-selected={a.id === s.attachmentId ? 'true' : 'false'}
              className="file-attachment"
            >
              <span className="file-attachment-name">{a.fileName}</span>
            </Button>
          ))
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </div>
      <div className="file-viewer-slot">
        {s.error ? (
          <ErrorAlert error={s.error} testId="file-viewer-error" />
        ) : s.attachment ? (
          <Spin spinning={s.loading} wrapperClassName="file-viewer-spin">
            <FileViewer
              bytes={s.attachment.bytes}
              mime={s.attachment.mime}
              fileName={s.attachment.fileName}
              height="100%"
              goTo={s.pageRequest}
            />
          </Spin>
        ) : (
          <div className="file-viewer-empty">
            {s.loading ? (
              <Spin />
            ) : (
              <Empty
                description={
                  attachments.length ? t('tasksUi.file.choose') : t('tasksUi.file.noAttachments')
                }
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}
