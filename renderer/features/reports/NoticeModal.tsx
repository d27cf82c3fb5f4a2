// 导出通报: the notice's variable parts, prefilled from results.noticeDefaults (issuer, 发文字号,
// 主送机关, title, date, days to rectify); the free paragraphs, 抄送 and 印发机关 keep their
// defaults. Exporting saves the DOCX; a refusal shows in the form.
import { App, Form, Input, InputNumber, Modal, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MIME } from './format';
import { useReports, type NoticeDefaults } from './store';

interface NoticeValues {
  issuer: string;
  docCode?: string;
  docYear: number;
  docSerial: number;
  recipients: string;
  title: string;
  date: string;
  rectifyDays: number;
}

const toValues = (d: NoticeDefaults): NoticeValues => ({
  issuer: d.issuer,
  docCode: d.docNumber.code,
  docYear: d.docNumber.year,
  docSerial: d.docNumber.serial,
  recipients: d.recipients,
  title: d.title,
  date: d.date,
  rectifyDays: d.rectifyDays,
});

/** Mounted while open (a fresh form each time). */
export function NoticeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeValues>();
  const noticeDefaults = useReports((s) => s.noticeDefaults);
  const noticeDocx = useReports((s) => s.noticeDocx);
  const [defaults, setDefaults] = useState<NoticeDefaults | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void noticeDefaults().then((r) => {
      if (!live) return;
      if (r.ok) {
        setDefaults(r.data);
        form.setFieldsValue(toValues(r.data));
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [noticeDefaults, form]);

  const submit = async () => {
    if (!defaults) return;
    const v = await form.validateFields();
    setBusy(true);
    const r = await noticeDocx({
      ...defaults,
      issuer: v.issuer,
      docNumber: { code: v.docCode ?? '', year: v.docYear, serial: v.docSerial },
      recipients: v.recipients,
      title: v.title,
      date: v.date,
      rectifyDays: v.rectifyDays,
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, MIME.docx);
    void message.success(t('reportsUi.export.done', { fileName: r.data.fileName }));
    onClose();
  };

  const required = [{ required: true, whitespace: true, message: t('reportsUi.notice.required') }];
  return (
    <Modal
      open
      title={t('reportsUi.notice.title')}
      okText={t('reportsUi.notice.ok')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ disabled: !defaults, 'data-testid': 'notice-export' }}
      width={640}
    >
      <div data-testid="notice-form">
        <ErrorAlert error={error} testId="notice-error" />
        {!defaults && !error ? <Spin /> : null}
        <Form form={form} layout="vertical" hidden={!defaults} preserve={false}>
          <Form.Item name="issuer" label={t('reportsUi.notice.issuer')} rules={required}>
            <Input data-testid="notice-issuer" maxLength={60} />
          </Form.Item>
          <Form.Item label={t('reportsUi.notice.docNumber')} required>
            <Space wrap>
              <Form.Item name="docCode" noStyle>
                <Input
                  data-testid="notice-doc-code"
                  placeholder={t('reportsUi.notice.docCode')}
                  maxLength={20}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <span>〔</span>
              <Form.Item name="docYear" noStyle rules={[{ required: true }]}>
                <InputNumber
                  data-testid="notice-doc-year"
                  min={2000}
                  max={2100}
                  precision={0}
                  placeholder={t('reportsUi.notice.docYear')}
                />
              </Form.Item>
              <span>〕</span>
              <Form.Item name="docSerial" noStyle rules={[{ required: true }]}>
                <InputNumber
                  data-testid="notice-doc-serial"
                  min={1}
                  max={99_999}
                  precision={0}
                  placeholder={t('reportsUi.notice.docSerial')}
                />
              </Form.Item>
              <span>号</span>
            </Space>
          </Form.Item>
          <Form.Item name="recipients" label={t('reportsUi.notice.recipients')} rules={required}>
            <Input.TextArea data-testid="notice-recipients" autoSize maxLength={300} />
          </Form.Item>
          <Form.Item name="title" label={t('reportsUi.notice.noticeTitle')} rules={required}>
            <Input data-testid="notice-title" maxLength={120} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item
              name="date"
              label={t('reportsUi.notice.date')}
              rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
            >
              <Input data-testid="notice-date" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="rectifyDays"
              label={t('reportsUi.notice.rectifyDays')}
              rules={[{ required: true }]}
            >
              <InputNumber data-testid="notice-rectify-days" min={1} max={365} precision={0} />
            </Form.Item>
          </Space>
        </Form>
      </div>
    </Modal>
  );
}
