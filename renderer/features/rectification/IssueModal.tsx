// 下发整改通知 for one department: the issuer, an optional 发文字号, the date and the deadline
// (prefilled: the campaign's organiser, today, today + 30 days). Issuing records the tracking rows
// and then downloads the 整改通知书; a refusal shows in the form.
import { App, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { saveBytes } from '../../api/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { DATE_PATTERN, DOCX_MIME } from './format';
import { useRectify, type Overview } from './store';

interface Values {
  issuer: string;
  docCode?: string;
  docYear: number;
  docSerial: number;
  date: string;
  deadline: string;
}

export function IssueModal({
  overview,
  department,
  onClose,
}: {
  overview: Overview;
  department: Overview['departments'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useRectify((s) => s.issue);
  const noticeDocx = useRectify((s) => s.noticeDocx);
  const refresh = useRectify((s) => s.refresh);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const d = overview.defaults;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const code = (v.docCode ?? '').trim();
    const r = await issue({
      departmentIds: [department.departmentId],
      issuer: v.issuer,
      docNumber: code ? { code, year: v.docYear, serial: v.docSerial } : null,
      date: v.date,
      deadline: v.deadline,
    });
    if (!r.ok) {
      setBusy(false);
      applyFieldErrors(form, r.error);
      setError(r.error);
      return;
    }
    const created = r.data.notices[0]?.created ?? false;
    const file = await noticeDocx(department.departmentId);
    setBusy(false);
    void refresh();
    if (!file.ok) {
      setError(file.error);
      return;
    }
    saveBytes(file.data.fileName, file.data.bytes, DOCX_MIME);
    void message.success(
      t(created ? 'rectifyUi.issue.done' : 'rectifyUi.issue.already', {
        name: department.departmentName,
        fileName: file.data.fileName,
      }),
    );
    onClose();
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const dateRules = [...required, { pattern: DATE_PATTERN, message: t('validation.date') }];
  return (
    <Modal
      open
      title={t('rectifyUi.issue.title', { name: department.departmentName })}
      okText={t('rectifyUi.issue.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'rect-issue-submit' }}
      width={600}
    >
      <div data-testid="rect-issue-form">
        <Typography.Paragraph type="secondary">
          {t('rectifyUi.issue.intro', {
            problems: department.problems,
            files: department.problemFiles,
          })}
        </Typography.Paragraph>
        <ErrorAlert error={error} testId="rect-issue-error" />
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            issuer: d.issuer,
            docCode: '',
            docYear: Number(d.date.slice(0, 4)),
            docSerial: 1,
            date: d.date,
            deadline: d.deadline,
          }}
        >
          <Form.Item name="issuer" label={t('rectifyUi.issue.issuer')} rules={required}>
            <Input data-testid="rect-issuer" maxLength={60} />
          </Form.Item>
          <Form.Item
            label={t('rectifyUi.issue.docNumber')}
            extra={t('rectifyUi.issue.docCodeHelp')}
          >
            <Space wrap>
              <Form.Item name="docCode" noStyle>
                <Input
                  data-testid="rect-doc-code"
                  maxLength={20}
                  style={{ width: 160 }}
                  placeholder={t('rectifyUi.issue.docCode')}
                />
              </Form.Item>
              <span>〔</span>
              <Form.Item name="docYear" noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={2000}
                  max={2100}
                  precision={0}
                  aria-label={t('rectifyUi.issue.docYear')}
                />
              </Form.Item>
              <span>〕</span>
              <Form.Item name="docSerial" noStyle rules={[{ required: true }]}>
                <InputNumber
                  min={1}
                  max={99_999}
                  precision={0}
                  aria-label={t('rectifyUi.issue.docSerial')}
                />
              </Form.Item>
              <span>{t('rectifyUi.issue.docSuffix')}</span>
            </Space>
          </Form.Item>
          <Space size="large" wrap align="start">
            <Form.Item name="date" label={t('rectifyUi.issue.date')} rules={dateRules}>
              <Input data-testid="rect-date" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('rectifyUi.issue.deadline')}
              extra={t('rectifyUi.issue.deadlineHelp')}
              rules={dateRules}
            >
              <Input data-testid="rect-deadline" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
            </Form.Item>
          </Space>
        </Form>
      </div>
    </Modal>
  );
}
