import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../core/accounts/schemas';
import { usePreferences } from './store';

export function LanguageSwitch({ bordered = false }: { bordered?: boolean }) {
  const { t } = useTranslation();
  const locale = usePreferences((s) => s.locale);
  const setLocale = usePreferences((s) => s.setLocale);
  return (
    <Select<Locale>
      data-testid="language-switch"
      aria-label={t('common.language')}
      value={locale}
      variant={bordered ? 'outlined' : 'borderless'}
      prefix={<GlobalOutlined />}
      style={{ minWidth: 130 }}
      onChange={(v) => void setLocale(v)}
      options={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
