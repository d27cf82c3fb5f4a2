// What an area shows when it is not built yet, or when the user's role may not open it.
import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AreaKey } from '../app/areas';

export function NotBuilt({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="not-built"
      icon={<ToolOutlined style={{ color: '#8a94a6' }} />}
      title={t('notBuilt.title', { area: t(`nav.${area}`) })}
      subTitle={t('notBuilt.body')}
    />
  );
}

export function Forbidden({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.body', { area: t(`nav.${area}`) })}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('forbidden.home')}
        </Button>
      }
    />
  );
}
