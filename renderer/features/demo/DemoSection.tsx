// On the first-run page: "想先试用？" — load the demo workspace instead of starting empty.
import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDemo } from './store';

export function DemoSection({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { loading, error, load } = useDemo(
    useShallow((s) => ({ loading: s.loading, error: s.error, load: s.load })),
  );

  const run = async () => {
    const r = await load();
    if (r) void message.success(t('demo.loaded', r.counts));
  };

  return (
    <div data-testid="demo-section">
      <Divider plain style={{ margin: '20px 0 16px', color: '#8a94a6', fontSize: 12 }}>
        {t('people.demo.or')}
      </Divider>
      <ErrorAlert error={error} testId="demo-error" />
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          padding: '12px 16px',
          background: '#f6f8fb',
          border: '1px solid #e3e8ef',
          borderRadius: 8,
        }}
      >
        <Typography.Text type="secondary" style={{ flex: 1, fontSize: 13 }}>
          {loading ? t('demo.loading') : t('demo.loadHelp')}
        </Typography.Text>
        <Button
          icon={<ExperimentOutlined />}
          loading={loading}
          disabled={disabled}
          onClick={() => void run()}
          data-testid="demo-load"
        >
          {t('demo.load')}
        </Button>
      </div>
    </div>
  );
}
