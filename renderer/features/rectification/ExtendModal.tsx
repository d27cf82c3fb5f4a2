// 整改延期 for one notified department: the new deadline (later than the current one) and the
// reason. The services refuse an extension from a deadline someone else changed meanwhile; the
// refusal shows in the form.
import { App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { DATE_PATTERN } from './format';
import { useRectify, type Overview } from './store';

interface Values {
  deadline: string;
  reason: string;
}

export function ExtendModal({
  department,
  onClose,
}: {
  department: Overview['departments'][number];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const extend = useRectify((s) => s.extend);
  const refresh = useRectify((s) => s.refresh);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = department.notice!;

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await extend({
      departmentId: department.departmentId,
      deadline: v.deadline.trim(),
      reason: v.reason,
      expected: notice.deadline,
    });
    setBusy(false);
    if (!r.ok) {
      applyFieldErrors(form, r.error);
      setError(r.error);
      return;
    }
    void refresh();
    void message.success(
      t('rectifyUi.extend.done', { name: department.departmentName, deadline: r.data.deadline }),
    );
    onClose();
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal
      open
      title={t('rectifyUi.extend.title', { name: department.departmentName })}
      okText={t('rectifyUi.extend.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'rect-extend-submit' }}
      width={560}
    >
      <div data-testid="rect-extend-form">
        <Typography.Paragraph type="secondary">
          {t('rectifyUi.extend.intro', { notified: notice.notifiedDeadline })}
        </Typography.Paragraph>
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('rectifyUi.extend.current')}>
            <span data-testid="rect-extend-current">{notice.deadline}</span>
          </Descriptions.Item>
        </Descriptions>
        <ErrorAlert error={error} testId="rect-extend-error" />
        <Form<Values> form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="deadline"
            label={t('rectifyUi.extend.deadline')}
            rules={[required, { pattern: DATE_PATTERN, message: t('validation.date') }]}
          >
            <Input
              data-testid="rect-extend-deadline"
              placeholder="YYYY-MM-DD"
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('rectifyUi.extend.reason')}
            extra={t('rectifyUi.extend.reasonHelp')}
            rules={[required]}
          >
            <Input.TextArea data-testid="rect-extend-reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
