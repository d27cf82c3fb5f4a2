// 更新整改状态: one problem — what was found, its current status and history — with the new status
// (only the moves the rules allow are offered), the department's reply, a note, and the evidence
// files (upload, download, remove; locked once 已复核). A refusal of the service shows in the form.
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { RectifyStatus } from '../../../core/rectify/status';
import { localDateTime } from '../../../core/time';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../i18n/errors';
import { choicesFrom, MAX_EVIDENCE_MB, StatusTag } from './format';
import { useRectify, type ItemDetail } from './store';

interface Values {
  status: RectifyStatus;
  reply: string;
  note: string;
}

export function UpdateModal({
  itemId,
  onClose,
  onChanged,
}: {
  itemId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { item: load, update, attach, detach, evidence, refresh } = useRectify.getState();
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await load(itemId);
    if (r.ok) setDetail(r.data);
    else setError(r.error);
    return r;
  }, [load, itemId]);

  useEffect(() => {
    let live = true;
    void load(itemId).then((r) => {
      if (!live) return;
      if (r.ok) {
        setDetail(r.data);
        form.setFieldsValue({ status: r.data.item.status, reply: r.data.item.reply, note: '' });
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [load, itemId, form]);

  const item = detail?.item;
  const locked = item?.status === 'verified';

  const save = async () => {
    if (!item) return;
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await update({
      itemId: item.id,
      status: v.status,
      reply: v.reply ?? '',
      note: v.note ?? '',
      expected: item.status,
    });
    setBusy(false);
    if (!r.ok) {
      applyFieldErrors(form, r.error);
      setError(r.error);
      return;
    }
    void message.success(
      t('rectifyUi.update.saved', { status: t(`rectify.statuses.${r.data.status}`) }),
    );
    onChanged();
    void refresh();
    onClose();
  };

  const add = async (file: File) => {
    if (!item) return;
    if (file.size > MAX_EVIDENCE_MB * 1048576) {
      void message.error(
        t('rectifyUi.update.tooLarge', { name: file.name, maxMb: MAX_EVIDENCE_MB }),
      );
      return;
    }
    setUploading(file.name);
    const r = await attach(item.id, file);
    setUploading(null);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    void message.success(t('rectifyUi.update.uploaded', { name: r.data.fileName }));
    await reload();
    onChanged();
  };

  const remove = async (id: string, name: string) => {
    const r = await detach(id);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    void message.success(t('rectifyUi.update.removed', { name }));
    await reload();
    onChanged();
  };

  const open = async (id: string) => {
    const r = await evidence(id);
    if (!r.ok) {
      void message.error(errorText(r.error));
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, r.data.mime);
  };

  return (
    <Modal
      open
      width={760}
      title={item ? t('rectifyUi.update.title', { caseNo: item.caseNo }) : ''}
      okText={t('rectifyUi.update.save')}
      cancelText={t('common.close')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !item || locked, 'data-testid': 'rect-update-save' }}
    >
      <div data-testid="rect-update-form" data-status={item?.status ?? ''}>
        <ErrorAlert error={error} testId="rect-update-error" />
        {!item ? (
          <Spin />
        ) : (
          <>
            <Descriptions size="small" column={1} bordered className="rect-detail">
              <Descriptions.Item label={t('rectifyUi.problems.department')}>
                {item.departmentName}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifyUi.problems.problem')}>
                {item.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifyUi.problems.reason')}>
                {item.reason || '—'}
                {item.pages ? (
                  <Typography.Text type="secondary">
                    {' '}
                    （{t('rectifyUi.problems.pages')} {item.pages}）
                  </Typography.Text>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifyUi.update.current')}>
                <StatusTag status={item.status} />
              </Descriptions.Item>
            </Descriptions>
            {locked ? (
              <Typography.Paragraph type="secondary" className="rect-locked">
                {t('rectifyUi.update.locked')}
              </Typography.Paragraph>
            ) : null}
            <Form<Values> form={form} layout="vertical" disabled={locked} className="rect-form">
              <Form.Item name="status" label={t('rectifyUi.update.status')}>
                <Select
                  data-testid="rect-update-status"
                  options={choicesFrom(item.status).map((s) => ({
                    value: s,
                    label: t(`rectify.statuses.${s}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="reply"
                label={t('rectifyUi.update.reply')}
                extra={t('rectifyUi.update.replyHelp')}
              >
                <Input.TextArea
                  data-testid="rect-update-reply"
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('rectifyUi.update.note')}
                extra={t('rectifyUi.update.noteHelp')}
              >
                <Input data-testid="rect-update-note" maxLength={500} />
              </Form.Item>
            </Form>
            <div className="rect-evidence" data-testid="rect-evidence">
              <Space className="rect-evidence-head">
                <Typography.Text strong>{t('rectifyUi.update.evidence')}</Typography.Text>
                <Upload
                  accept=".pdf,.jpg,.jpeg,.png,.gif,.webp,.tif,.tiff,.bmp,.docx,application/pdf,image/*"
                  multiple
                  showUploadList={false}
                  disabled={locked}
                  beforeUpload={(file) => {
                    void add(file);
                    return false;
                  }}
                >
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    loading={uploading !== null}
                    disabled={locked}
                    data-testid="rect-evidence-upload"
                  >
                    {t('rectifyUi.update.upload')}
                  </Button>
                </Upload>
                <Typography.Text type="secondary" className="rect-small">
                  {uploading
                    ? t('rectifyUi.update.uploading', { name: uploading })
                    : t('rectifyUi.update.evidenceHelp', { maxMb: MAX_EVIDENCE_MB })}
                </Typography.Text>
              </Space>
              {item.evidence.length ? (
                <List
                  size="small"
                  dataSource={item.evidence}
                  renderItem={(e) => (
                    <List.Item
                      data-testid="rect-evidence-item"
                      data-name={e.fileName}
                      actions={[
                        <Button
                          key="open"
                          size="small"
                          type="link"
                          icon={<DownloadOutlined />}
                          onClick={() => void open(e.id)}
                          data-testid="rect-evidence-download"
                        />,
                        <Button
                          key="remove"
                          size="small"
                          type="link"
                          danger
                          disabled={locked}
                          icon={<DeleteOutlined />}
                          onClick={() => void remove(e.id, e.fileName)}
                          aria-label={t('rectifyUi.update.remove')}
                        />,
                      ]}
                    >
                      <Space size={12}>
                        <Typography.Text>{e.fileName}</Typography.Text>
                        <Typography.Text type="secondary" className="rect-small">
                          {localDateTime(e.addedAt)} {e.addedBy ?? ''}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('rectifyUi.update.noEvidence')}
                />
              )}
            </div>
            {detail.changes.length ? (
              <div className="rect-history" data-testid="rect-history">
                <Typography.Text strong>{t('rectifyUi.update.history')}</Typography.Text>
                <Timeline
                  className="rect-timeline"
                  items={detail.changes.map((c) => ({
                    children: (
                      <span>
                        {t('rectifyUi.update.historyItem', {
                          time: localDateTime(c.changedAt),
                          name: c.changedBy ?? '',
                          from: t(`rectify.statuses.${c.from}`),
                          to: t(`rectify.statuses.${c.to}`),
                        })}
                        {c.note ? (
                          <Typography.Text type="secondary">（{c.note}）</Typography.Text>
                        ) : null}
                      </span>
                    ),
                  }))}
                />
              </div>
            ) : null}
          </>
        )}
      </div>
    </Modal>
  );
}
