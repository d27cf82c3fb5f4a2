// First run: create the first coordinator account (组织者) and the workspace's name, load the
// demo workspace instead, or (an evaluator on their own laptop) import a task package.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../i18n/errors';
import { DemoSection } from '../demo/DemoSection';
import { useDemo } from '../demo/store';
import { TaskPackageSection } from '../packages/TaskPackageSection';
import { usePreferences } from '../preferences/store';
import { AccountFields } from './AccountFields';
import { AuthLayout } from './AuthLayout';
import { useAuth } from './store';

interface SetupForm {
  orgName: string;
  displayName: string;
  username: string;
  password: string;
  confirm: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupForm>();
  const setup = useAuth((s) => s.setup);
  const locale = usePreferences((s) => s.locale);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const demoLoading = useDemo((s) => s.loading);

  const submit = async (v: SetupForm) => {
    setBusy(true);
    setError(null);
    const r = await setup({
      orgName: v.orgName,
      displayName: v.displayName,
      username: v.username,
      password: v.password,
      locale,
    });
    setBusy(false);
    if (!r.ok && !applyFieldErrors(form, r.error)) setError(r.error);
  };

  return (
    <AuthLayout width={520}>
      <Typography.Title level={5} data-testid="setup-title">
        {t('setup.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('setup.intro')} style={{ marginBottom: 20 }} />
      <ErrorAlert error={error} />
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="orgName"
          label={t('setup.orgName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input
            data-testid="setup-org"
            placeholder={t('setup.orgNamePlaceholder')}
            maxLength={60}
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('setup.displayName')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input
            data-testid="setup-name"
            placeholder={t('setup.displayNamePlaceholder')}
            maxLength={40}
          />
        </Form.Item>
        <AccountFields
          testPrefix="setup"
          labels={{
            username: t('setup.username'),
            usernameHelp: t('setup.usernameHelp'),
            password: t('setup.password'),
            passwordHelp: t('setup.passwordHelp'),
            confirm: t('setup.confirmPassword'),
          }}
        />
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={busy}
          disabled={demoLoading}
          data-testid="setup-submit"
        >
          {t('setup.submit')}
        </Button>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}
        >
          {t('setup.dataLocation')}
        </Typography.Paragraph>
      </Form>
      <DemoSection disabled={busy} />
      <TaskPackageSection disabled={busy || demoLoading} />
    </AuthLayout>
  );
}
