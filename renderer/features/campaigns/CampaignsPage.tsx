// 评查活动: the list of campaigns (#/campaigns) and the wizard of one campaign
// (#/campaigns/:id/:step), nested routes like the registry's.
import { Route, Routes } from 'react-router';
import { CampaignListPage } from './CampaignListPage';
import { CampaignPage } from './CampaignPage';
import './campaigns.css';

export function CampaignsPage() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path=":id/*" element={<CampaignPage />} />
    </Routes>
  );
}
