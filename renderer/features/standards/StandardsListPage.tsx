// 评查标准 list page: the templates tab and the problem-tags tab. The tab is part of the address
// (#/standards, #/standards/tags), so a reload keeps it.
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TagsTab } from './TagsTab';
import { TemplatesTab } from './TemplatesTab';

type TabKey = 'templates' | 'tags';

export function StandardsListPage({ tab }: { tab: TabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card data-testid="standards-page" styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(k === 'tags' ? '/standards/tags' : '/standards')}
        destroyOnHidden
        items={(['templates', 'tags'] as const).map((k) => ({
          key: k,
          label: <span data-testid={`standards-tab-${k}`}>{t(`standardsUi.tabs.${k}`)}</span>,
          children: k === 'templates' ? <TemplatesTab /> : <TagsTab />,
        }))}
      />
    </Card>
  );
}
