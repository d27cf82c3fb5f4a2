// Create or edit one department: name, short name (机关代字), kind, active.
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { DEPARTMENT_KINDS, type Department } from '../../../core/registry/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { usePeople } from './store';

interface DepartmentForm {
  name: string;
  shortName?: string;
  kind?: Department['kind'];
  active: boolean;
}

/** `department` undefined: closed; null: create; a department: edit it. */
export function DepartmentModal({
  department,
  onClose,
}: {
  department: Department | null | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const save = usePeople((s) => s.saveDepartment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Keeps the title and fields of the last one shown while the dialog animates closed.
  const [shown, setShown] = useState(department);
  if (department !== undefined && department !== shown) setShown(department);
  const editing = (department === undefined ? shown : department) ?? null;

  const close = () => {
    setError(null);
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await save(
      {
        name: v.name.trim(),
        shortName: v.shortName?.trim() ? v.shortName.trim() : null,
        kind: v.kind ?? null,
        active: v.active,
      },
      editing?.id ?? null,
    );
    setBusy(false);
    if (r.ok) {
      void message.success(
        t(editing ? 'people.departments.updated' : 'people.departments.created', {
          name: r.data.name,
        }),
      );
      close();
    } else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <Modal
      open={department !== undefined}
      title={
        editing
          ? t('people.departments.editTitle', { name: editing.name })
          : t('people.departments.createTitle')
      }
      okText={editing ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'department-ok' }}
    >
      <ErrorAlert error={error} testId="department-error" />
      <Form<DepartmentForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: editing?.name ?? '',
          shortName: editing?.shortName ?? '',
          kind: editing?.kind ?? undefined,
          active: editing?.active ?? true,
        }}
      >
        <Form.Item
          name="name"
          label={t('people.departments.name')}
          extra={editing ? t('people.departments.renameHint') : undefined}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: 2, message: t('validation.string_min', { min: 2 }) },
          ]}
        >
          <Input data-testid="department-name" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('people.departments.shortName')}
          extra={t('people.departments.shortNameHelp')}
        >
          <Input data-testid="department-shortName" maxLength={20} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('people.departments.kind')}>
          <Select
            data-testid="department-kind"
            allowClear
            placeholder={t('people.departments.kindNone')}
            options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: t(`people.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('people.departments.active')}
          valuePropName="checked"
          style={{ marginBottom: 0 }}
        >
          <Switch
            data-testid="department-active"
            checkedChildren={t('common.active')}
            unCheckedChildren={t('common.inactive')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
