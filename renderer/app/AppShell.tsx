// The main window: navigation on the left (only the areas the user's role may open), the
// current area's title, language and account controls on top.
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { useAuth } from '../features/auth/store';
import { LanguageSwitch } from '../features/preferences/LanguageSwitch';
import { AREAS, areaForPath } from './areas';

const { Sider, Header, Content } = Layout;

export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, status, logout } = useAuth(
    useShallow((s) => ({ user: s.user, status: s.status, logout: s.logout })),
  );
  const current = areaForPath(location.pathname);
  const items = useMemo(
    () =>
      AREAS.filter((a) => user && a.roles.includes(user.role)).map((a) => ({
        key: a.key,
        icon: a.icon,
        label: t(`nav.${a.key}`),
        'data-testid': `nav-${a.key}`,
      })),
    [t, user],
  );
  if (!user) return null;

  return (
    <Layout style={{ height: '100%' }}>
      <Sider width={220} breakpoint="lg" collapsedWidth={64}>
        <div className="shell-logo">
          <span className="brand-mark">评</span>
          <span>{t('app.shortName')}</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          items={items}
          onClick={({ key }) => {
            const area = AREAS.find((a) => a.key === key);
            if (area) void navigate(area.path);
          }}
        />
      </Sider>
      <Layout>
        <Header className="shell-header">
          <Space direction="vertical" size={0}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
              {current ? t(`nav.${current.key}`) : ''}
            </Typography.Title>
          </Space>
          <Space size="middle">
            {status?.orgName ? (
              <Typography.Text type="secondary" data-testid="org-name">
                {status.orgName}
              </Typography.Text>
            ) : null}
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: <span data-testid="logout">{t('common.logout')}</span>,
                    onClick: () => void logout(),
                  },
                ],
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1e5aa8' }} />
                <span>
                  {t('shell.signedInAs', { name: user.displayName, role: t(`roles.${user.role}`) })}
                </span>
              </Space>
            </Dropdown>
          </Space>
        </Header>
        <Content className="shell-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
