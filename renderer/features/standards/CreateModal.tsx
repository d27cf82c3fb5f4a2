// 新建评查标准: a name and where to start from (blank, or a copy of a built-in template).
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { PRESETS } from '../../../core/api/methods/standards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { useStandards, type Preset } from './store';

interface CreateForm {
  name: string;
  preset: Preset;
}

export function CreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (versionId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const create = useStandards((s) => s.create);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await create(v.name.trim(), v.preset);
    setBusy(false);
    if (r.ok) {
      void message.success(t('standardsUi.create.created', { name: r.data.content.name }));
      onCreated(r.data.id);
    } else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <Modal
      open={open}
      title={t('standardsUi.create.title')}
      okText={t('standardsUi.create.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-ok' }}
      width={560}
    >
      <ErrorAlert error={error} testId="create-error" />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: '', preset: 'blank' }}
      >
        <Form.Item
          name="name"
          label={t('standardsUi.create.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            maxLength={60}
            placeholder={t('standardsUi.create.namePlaceholder')}
            data-testid="create-name"
            autoFocus
          />
        </Form.Item>
        <Form.Item name="preset" label={t('standardsUi.create.preset')} style={{ marginBottom: 0 }}>
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
            {PRESETS.map((p) => (
              <Radio key={p} value={p} data-testid={`create-preset-${p}`}>
                <div>{t(`standardsUi.create.presets.${p}`)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`standardsUi.create.presetHelp.${p}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}
