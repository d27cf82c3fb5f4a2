import { Alert } from 'antd';
import type { ApiError } from '../../core/api/errors';
import { errorText } from '../i18n/errors';

export function ErrorAlert({
  error,
  testId = 'error',
}: {
  error: ApiError | null;
  testId?: string;
}) {
  if (!error) return null;
  return (
    <Alert
      data-testid={testId}
      type="error"
      showIcon
      title={errorText(error)}
      style={{ marginBottom: 16 }}
    />
  );
}
