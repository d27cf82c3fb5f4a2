import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import { DemoAccounts } from '../demo/DemoAccounts';
import { AuthLayout } from './AuthLayout';
import { useAuth } from './store';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const login = useAuth((s) => s.login);
  const notice = useAuth((s) => s.notice);
  const orgName = useAuth((s) => s.status?.orgName);
  const demo = useAuth((s) => s.status?.demo ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    const r = await login(v.username, v.password);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      form.setFieldValue('password', '');
    }
  };

  const pick = (username: string, password: string) => {
    setError(null);
    form.setFieldsValue({ username, password });
  };

  return (
    <AuthLayout width={demo ? 460 : 420}>
      <Typography.Title level={5} data-testid="login-title">
        {t('login.title')}
      </Typography.Title>
      {orgName ? (
        <Typography.Paragraph type="secondary">
          {t('login.org', { org: orgName })}
        </Typography.Paragraph>
      ) : null}
      {notice ? (
        <Alert type="warning" showIcon title={tr(notice)} style={{ marginBottom: 16 }} />
      ) : null}
      <ErrorAlert error={error} testId="login-error" />
      <Form<LoginForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input
            data-testid="login-username"
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password
            data-testid="login-password"
            prefix={<LockOutlined />}
            autoComplete="current-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={busy}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
      {demo ? <DemoAccounts demo={demo} onPick={pick} /> : null}
    </AuthLayout>
  );
}
