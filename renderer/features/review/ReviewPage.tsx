// 评查进度与复核 (#/review): the campaign dashboard (#/review/:campaignId, the latest campaign by
// default), the printable reminder list (#/review/:campaignId/reminders) and the 复核 screen of
// one file (#/review/:campaignId/:caseId).
import { Route, Routes } from 'react-router';
import { CampaignIndex } from './CampaignIndex';
import { DashboardPage } from './DashboardPage';
import { FileReviewPage } from './FileReviewPage';
import { RemindersPage } from './RemindersPage';
import './review.css';

export function ReviewPage() {
  return (
    <Routes>
      <Route index element={<CampaignIndex />} />
      <Route path=":campaignId" element={<DashboardPage />} />
      <Route path=":campaignId/reminders" element={<RemindersPage />} />
      <Route path=":campaignId/:caseId" element={<FileReviewPage />} />
    </Routes>
  );
}
