// 导出通报: the notice's variable parts — issuer, 发文字号, 主送机关, title, date, the deadline
// (a date, or days after the date), the free paragraphs, 抄送 and 印发机关 — prefilled from
// results.noticeDefaults, beside a live, paged A4 preview of the notice. The preview is the notice
// content model (results.noticeContent, the one the DOCX is written from) laid out to GB/T 9704
// by NoticeDocument; it follows every edit (after a short pause). The notice exports as DOCX, or
// as PDF through the print path (the same component, printed).
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { NoticeFormInput } from '../../../core/api/methods/results';
import { saveBytes } from '../../api/download';
import { printPdf } from '../../components/print/print';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MIME } from './format';
import { NoticeDocument, NOTICE_PAGE_CSS } from './NoticeDocument';
import { useReports, type NoticeContentOut, type NoticeDefaults } from './store';

interface NoticeValues {
  issuer: string;
  docCode?: string;
  docYear: number;
  docSerial: number;
  recipients: string;
  title: string;
  date: string;
  rectifyDays: number;
  deadline?: string;
  basis?: string;
  nextSteps?: string;
  cc?: string;
  printer?: string;
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
  deadline: d.deadline ?? '',
  basis: d.paragraphs.basis.join('\n'),
  nextSteps: d.paragraphs.nextSteps.join('\n'),
  cc: d.cc,
  printer: d.printer,
});

/** One paragraph per non-empty line. */
const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

const toNotice = (v: NoticeValues): NoticeFormInput => ({
  issuer: v.issuer,
  docNumber: { code: (v.docCode ?? '').trim(), year: v.docYear, serial: v.docSerial },
  recipients: v.recipients,
  title: v.title,
  date: v.date,
  rectifyDays: v.rectifyDays,
  deadline: v.deadline?.trim() ? v.deadline.trim() : null,
  paragraphs: { basis: lines(v.basis), nextSteps: lines(v.nextSteps) },
  cc: v.cc ?? '',
  printer: v.printer ?? '',
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PREVIEW_DELAY_MS = 300;
/** A4's width in CSS pixels (210 mm at 96 dpi) and the preview's side margins. */
const A4_PX = (210 * 96) / 25.4;

/** Mounted while open (a fresh form each time). */
export function NoticeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeValues>();
  const noticeDefaults = useReports((s) => s.noticeDefaults);
  const noticeDocx = useReports((s) => s.noticeDocx);
  const noticeContent = useReports((s) => s.noticeContent);
  const [defaults, setDefaults] = useState<NoticeDefaults | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const [content, setContent] = useState<NoticeContentOut | null>(null);
  const [updating, setUpdating] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [zoom, setZoom] = useState(0.6);
  const [pages, setPages] = useState(0);
  const deskObserver = useRef<ResizeObserver | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);

  /** Fetches the content for the form as it is now; the last request wins. */
  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    let values: NoticeValues;
    try {
      values = await form.validateFields({ validateOnly: true });
    } catch {
      if (ticket === latest.current) setInvalid(true);
      return;
    }
    setUpdating(true);
    const r = await noticeContent(toNotice(values));
    if (ticket !== latest.current) return;
    setUpdating(false);
    if (r.ok) {
      setContent(r.data);
      setInvalid(false);
    } else {
      setInvalid(true);
    }
  }, [form, noticeContent]);

  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
  };

  useEffect(() => {
    let live = true;
    void noticeDefaults().then((r) => {
      if (!live) return;
      if (r.ok) {
        setDefaults(r.data);
        form.setFieldsValue(toValues(r.data));
        void refresh();
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [noticeDefaults, form, refresh]);

  // The pages fill the preview's width.
  const deskRef = useCallback((el: HTMLDivElement | null) => {
    deskObserver.current?.disconnect();
    deskObserver.current = null;
    if (!el) return;
    const fit = () => setZoom(Math.max(0.3, Math.min(1, (el.clientWidth - 32) / A4_PX)));
    fit();
    deskObserver.current = new ResizeObserver(fit);
    deskObserver.current.observe(el);
  }, []);

  const exportDocx = async () => {
    if (!defaults) return;
    const v = await form.validateFields();
    setBusy('docx');
    const r = await noticeDocx(toNotice(v));
    setBusy(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    saveBytes(r.data.fileName, r.data.bytes, MIME.docx);
    void message.success(t('reportsUi.export.done', { fileName: r.data.fileName }));
    onClose();
  };

  const exportPdf = async () => {
    if (!defaults) return;
    const v = await form.validateFields();
    setBusy('pdf');
    try {
      // The content for the form exactly as it is now (the preview may be a moment behind).
      const r = await noticeContent(toNotice(v));
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError(null);
      const fileName = `${r.data.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`;
      const outcome = await printPdf({
        fileName,
        pageCss: NOTICE_PAGE_CSS,
        content: <NoticeDocument content={r.data} mode="print" />,
      });
      void message.success(
        outcome === 'saved'
          ? t('reportsUi.export.done', { fileName })
          : t('reportsUi.export.printed'),
      );
    } catch (e) {
      void message.error(
        t('reportsUi.export.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(null);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('reportsUi.notice.required') }];
  const dateRule = { pattern: DATE, message: t('reportsUi.notice.dateFormat') };
  return (
    <Modal
      open
      title={t('reportsUi.notice.title')}
      onCancel={onClose}
      width="min(1440px, 96vw)"
      style={{ top: 24 }}
      className="notice-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="pdf"
          icon={<FilePdfOutlined />}
          disabled={!defaults}
          loading={busy === 'pdf'}
          onClick={() => void exportPdf()}
          data-testid="notice-export-pdf"
        >
          {t('reportsUi.export.pdf')}
        </Button>,
        <Button
          key="docx"
          type="primary"
          icon={<FileWordOutlined />}
          disabled={!defaults}
          loading={busy === 'docx'}
          onClick={() => void exportDocx()}
          data-testid="notice-export"
        >
          {t('reportsUi.notice.ok')}
        </Button>,
      ]}
    >
      <div className="notice-layout" data-testid="notice-form">
        <div className="notice-form">
          <ErrorAlert error={error} testId="notice-error" />
          {!defaults && !error ? <Spin /> : null}
          <Form
            form={form}
            layout="vertical"
            size="small"
            hidden={!defaults}
            preserve={false}
            onValuesChange={schedule}
          >
            <Form.Item name="issuer" label={t('reportsUi.notice.issuer')} rules={required}>
              <Input data-testid="notice-issuer" maxLength={60} />
            </Form.Item>
            <Form.Item label={t('reportsUi.notice.docNumber')} required>
              <Space wrap size={4}>
                <Form.Item name="docCode" noStyle>
                  <Input
                    data-testid="notice-doc-code"
                    placeholder={t('reportsUi.notice.docCode')}
                    maxLength={20}
                    style={{ width: 120 }}
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
                    style={{ width: 76 }}
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
                    style={{ width: 72 }}
                  />
                </Form.Item>
                <span>{t('reportsUi.notice.docSuffix')}</span>
              </Space>
            </Form.Item>
            <Form.Item name="recipients" label={t('reportsUi.notice.recipients')} rules={required}>
              <Input.TextArea data-testid="notice-recipients" autoSize maxLength={300} />
            </Form.Item>
            <Form.Item name="title" label={t('reportsUi.notice.noticeTitle')} rules={required}>
              <Input data-testid="notice-title" maxLength={120} />
            </Form.Item>
            <Space size="middle" wrap align="start">
              <Form.Item
                name="date"
                label={t('reportsUi.notice.date')}
                rules={[...required, dateRule]}
              >
                <Input data-testid="notice-date" placeholder="YYYY-MM-DD" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item
                name="rectifyDays"
                label={t('reportsUi.notice.rectifyDays')}
                rules={[{ required: true }]}
              >
                <InputNumber data-testid="notice-rectify-days" min={1} max={365} precision={0} />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t('reportsUi.notice.deadline')}
                tooltip={t('reportsUi.notice.deadlineHelp')}
                rules={[dateRule]}
              >
                <Input
                  data-testid="notice-deadline"
                  placeholder="YYYY-MM-DD"
                  style={{ width: 120 }}
                />
              </Form.Item>
            </Space>
            <Form.Item
              name="basis"
              label={t('reportsUi.notice.basis')}
              tooltip={t('reportsUi.notice.paragraphsHelp')}
            >
              <Input.TextArea data-testid="notice-basis" autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            <Form.Item
              name="nextSteps"
              label={t('reportsUi.notice.nextSteps')}
              tooltip={t('reportsUi.notice.paragraphsHelp')}
            >
              <Input.TextArea
                data-testid="notice-next-steps"
                autoSize={{ minRows: 2, maxRows: 8 }}
              />
            </Form.Item>
            <Form.Item name="cc" label={t('reportsUi.notice.cc')}>
              <Input data-testid="notice-cc" maxLength={300} />
            </Form.Item>
            <Form.Item name="printer" label={t('reportsUi.notice.printer')}>
              <Input data-testid="notice-printer" maxLength={60} />
            </Form.Item>
          </Form>
        </div>
        <div className="notice-preview-pane">
          <div className="notice-preview-head">
            <Typography.Text strong>{t('reportsUi.notice.preview')}</Typography.Text>
            <Space size={4}>
              {updating ? <Spin size="small" /> : null}
              {invalid ? (
                <Typography.Text type="warning" data-testid="notice-preview-invalid">
                  {t('reportsUi.notice.invalid')}
                </Typography.Text>
              ) : null}
              {content && pages ? (
                <Tag data-testid="notice-preview-pages" data-pages={pages}>
                  {t('reportsUi.notice.pages', { count: pages })}
                </Tag>
              ) : null}
            </Space>
          </div>
          <div className="notice-desk" ref={deskRef}>
            {content ? (
              <NoticeDocument content={content} mode="preview" zoom={zoom} onPages={setPages} />
            ) : (
              <Spin />
            )}
          </div>
        </div>
      </div>
    </Modal>
  );
}
