// The user name, password and repeated password of a new account, with the rules the API
// applies (3+ characters of A–Z, 0–9, _ . -; a password of 8+ characters): the first-run page's
// coordinator account and the evaluator account made by importing a task package.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export interface AccountFieldLabels {
  username: string;
  usernameHelp?: string;
  password: string;
  passwordHelp?: string;
  confirm: string;
}

export function AccountFields({
  labels,
  testPrefix,
}: {
  labels: AccountFieldLabels;
  /** Test ids are `${testPrefix}-username`, `-password` and `-confirm`. */
  testPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="username"
        label={labels.username}
        extra={labels.usernameHelp}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 3, message: t('validation.string_min', { min: 3 }) },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: t('validation.username_chars') },
        ]}
      >
        <Input data-testid={`${testPrefix}-username`} autoComplete="username" maxLength={32} />
      </Form.Item>
      <Form.Item
        name="password"
        label={labels.password}
        extra={labels.passwordHelp}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 8, message: t('validation.string_min', { min: 8 }) },
        ]}
      >
        <Input.Password data-testid={`${testPrefix}-password`} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={labels.confirm}
        dependencies={['password']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: (_r, value) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('setup.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password data-testid={`${testPrefix}-confirm`} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
