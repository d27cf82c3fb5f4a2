import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { AREAS } from '../../app/areas';
import { useAuth } from '../auth/store';

export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, status } = useAuth(useShallow((s) => ({ user: s.user, status: s.status })));
  if (!user) return null;
  const areas = AREAS.filter((a) => a.key !== 'dashboard' && a.roles.includes(user.role));

  return (
    <div data-testid="dashboard">
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
          {t('dashboard.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {user.role === 'coordinator'
            ? t('dashboard.coordinatorIntro')
            : t('dashboard.evaluatorIntro')}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('dashboard.org')}>{status?.orgName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dashboard.role')}>
            <Tag color={user.role === 'coordinator' ? 'red' : 'blue'}>
              {t(`roles.${user.role}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.workspace')}>
            <Typography.Text code>{status?.workspaceId.slice(0, 8) ?? '—'}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {areas.map((a) => (
          <Col key={a.key} xs={24} sm={12} lg={8} xl={6}>
            <Card
              hoverable
              onClick={() => void navigate(a.path)}
              data-testid={`area-card-${a.key}`}
            >
              <Card.Meta
                avatar={<span style={{ fontSize: 22, color: '#1e5aa8' }}>{a.icon}</span>}
                title={t(`nav.${a.key}`)}
                description={
                  a.built ? (
                    <Tag color="green">{t('dashboard.available')}</Tag>
                  ) : (
                    <Tag>{t('dashboard.comingLater')}</Tag>
                  )
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
