// On the login page of the demo workspace: its documented accounts; a click fills the form.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoInfo } from '../../../core/api/methods/demo';

type DemoAccount = DemoInfo['accounts'][number];

export function DemoAccounts({
  demo,
  onPick,
}: {
  demo: DemoInfo;
  onPick: (username: string, password: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="demo-accounts" style={{ marginTop: 24 }}>
      <Typography.Text strong style={{ fontSize: 13 }} data-testid="demo-accounts-title">
        {t('demo.accountsTitle', { password: demo.password })}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        {t('people.demo.accountsHelp')}
      </Typography.Paragraph>
      <Table<DemoAccount>
        rowKey="username"
        size="small"
        bordered
        pagination={false}
        dataSource={demo.accounts}
        onRow={(a) => ({
          'data-testid': `demo-account-${a.username}`,
          style: { cursor: 'pointer' },
          title: t('people.demo.accountsHelp'),
          onClick: () => onPick(a.username, demo.password),
        })}
        columns={[
          {
            title: t('people.demo.username'),
            dataIndex: 'username',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { title: t('people.demo.name'), dataIndex: 'displayName' },
          {
            title: t('people.demo.role'),
            dataIndex: 'role',
            render: (r: DemoAccount['role']) => (
              <Tag color={r === 'coordinator' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {t(`roles.${r}`)}
              </Tag>
            ),
          },
        ]}
      />
    </div>
  );
}
