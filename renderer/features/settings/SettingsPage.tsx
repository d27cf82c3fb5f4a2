import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountsCard } from '../accounts/AccountsCard';
import { useAuth } from '../auth/store';
import { CaseTypesCard } from '../caseTypes/CaseTypesCard';
import { LanguageSwitch } from '../preferences/LanguageSwitch';
import { BackupCard } from './BackupCard';
import { ChangePasswordCard } from './ChangePasswordCard';

export function SettingsPage() {
  const { t } = useTranslation();
  const role = useAuth((s) => s.user?.role);
  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }} data-testid="settings">
      <Card title={t('settings.languageTitle')}>
        <Space direction="vertical">
          <LanguageSwitch bordered />
          <Typography.Text type="secondary">{t('settings.languageHelp')}</Typography.Text>
        </Space>
      </Card>
      <ChangePasswordCard />
      {role === 'coordinator' ? <AccountsCard /> : null}
      {role === 'coordinator' ? <CaseTypesCard /> : null}
      {role === 'coordinator' ? <BackupCard /> : null}
    </Space>
  );
}
