// Coordinators create evaluator (and coordinator) accounts, activate/deactivate them and reset
// passwords (which also lifts a lock).
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ROLES, type Role, type UserSummary } from '../../../core/accounts/schemas';
import type { ApiError } from '../../../core/api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors, errorText } from '../../i18n/errors';
import { useAuth } from '../auth/store';
import { useAccounts } from './store';

interface CreateForm {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const create = useAccounts((s) => s.create);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const r = await create(v);
    setBusy(false);
    if (r.ok) {
      void message.success(t('accounts.created', { name: r.data.displayName }));
      form.resetFields();
      onClose();
    } else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'account-create-ok' }}
    >
      <ErrorAlert error={error} />
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ role: 'evaluator' }}
        preserve={false}
      >
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input data-testid="account-displayName" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('accounts.username')}
          extra={t('setup.usernameHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 3, message: t('validation.string_min', { min: 3 }) },
            { pattern: /^[A-Za-z0-9_.-]+$/, message: t('validation.username_chars') },
          ]}
        >
          <Input data-testid="account-username" maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')}>
          <Select
            data-testid="account-role"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts.password')}
          extra={t('setup.passwordHelp')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.string_min', { min: 8 }) },
          ]}
        >
          <Input.Password data-testid="account-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const resetPassword = useAccounts((s) => s.resetPassword);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    const r = await resetPassword(user.id, v.password);
    if (r.ok) {
      void message.success(t('accounts.passwordReset'));
      onClose();
    } else if (!applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <Modal
      open={user !== null}
      title={`${t('accounts.resetPassword')} · ${user?.displayName ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('accounts.newPassword')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.string_min', { min: 8 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useAuth((s) => s.user);
  const { users, loading, error, load, update } = useAccounts(
    useShallow((s) => ({
      users: s.users,
      loading: s.loading,
      error: s.error,
      load: s.load,
      update: s.update,
    })),
  );
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserSummary | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const toggle = async (u: UserSummary) => {
    const r = await update({ id: u.id, active: !u.active });
    if (r.ok) void message.success(t('accounts.updated'));
    else void message.error(errorText(r.error));
  };

  return (
    <Card
      title={t('settings.accountsTitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-create"
        >
          {t('accounts.create')}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Table<UserSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={users}
        pagination={false}
        locale={{ emptyText: t('accounts.empty') }}
        data-testid="accounts-table"
        columns={[
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          { title: t('accounts.username'), dataIndex: 'username' },
          {
            title: t('accounts.role'),
            dataIndex: 'role',
            render: (r: Role) => (
              <Tag color={r === 'coordinator' ? 'red' : 'blue'}>{t(`roles.${r}`)}</Tag>
            ),
          },
          {
            title: t('accounts.status'),
            render: (_v, u) => (
              <Space size={4} wrap>
                <Tag color={u.active ? 'green' : 'default'}>
                  {u.active ? t('common.active') : t('common.inactive')}
                </Tag>
                {u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? (
                  <Tag color="orange">
                    {t('accounts.locked', { time: dayjs(u.lockedUntil).format('HH:mm:ss') })}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('accounts.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: string | null) =>
              v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('common.never'),
          },
          {
            title: t('common.actions'),
            render: (_v, u) => (
              <Space>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t('accounts.resetPassword')}
                </Button>
                {u.id !== me?.id ? (
                  <Button size="small" danger={u.active} onClick={() => void toggle(u)}>
                    {u.active ? t('accounts.deactivate') : t('accounts.activate')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
