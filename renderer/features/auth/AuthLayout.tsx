import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../preferences/LanguageSwitch';

/** The frame of the first-run and login pages: brand, language switch, a centred card. */
export function AuthLayout({ children, width = 420 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <LanguageSwitch bordered />
      </div>
      <div className="auth-center">
        <Card style={{ width, boxShadow: '0 8px 30px rgba(15, 42, 74, 0.10)' }}>
          <div className="auth-brand">
            <span className="brand-mark">评</span>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('app.tagline')}
              </Typography.Text>
            </div>
          </div>
          {children}
        </Card>
      </div>
      <div className="auth-footer">{t('login.offline')}</div>
    </div>
  );
}
