import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { useAuth } from '../features/auth/store';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { StartupRecovery } from '../features/settings/RecoveryPage';
import { usePreferences } from '../features/preferences/store';
import { antdLocales } from '../i18n';
import { errorText } from '../i18n/errors';
import { createRouter } from './routes';
import { theme } from './theme';

function Root() {
  const { t } = useTranslation();
  const phase = useAuth((s) => s.phase);
  const loadError = useAuth((s) => s.loadError);
  const init = useAuth((s) => s.init);
  const router = useMemo(() => createRouter(), []);
  useEffect(() => {
    void init();
  }, [init]);

  switch (phase) {
    case 'loading':
      return (
        <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
          <Spin size="large" />
        </div>
      );
    case 'unavailable':
      // A workspace file that failed its check at start: the recovery page offers a backup.
      return (
        <StartupRecovery
          onRestored={() => void init()}
          fallback={
            <Result
              status="warning"
              title={t('app.name')}
              subTitle={loadError ? errorText(loadError) : ''}
              extra={<Button onClick={() => void init()}>{t('common.retry')}</Button>}
            />
          }
        />
      );
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    case 'ready':
      return <RouterProvider router={router} />;
  }
}

export function App() {
  const locale = usePreferences((s) => s.locale);
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme}>
      <AntApp style={{ height: '100%' }}>
        <Root />
      </AntApp>
    </ConfigProvider>
  );
}
