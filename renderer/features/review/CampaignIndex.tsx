// #/review without a campaign: opens the latest campaign in 评查中, 复核中 or 已完成, or says that
// none has started scoring yet.
import { Button, Card, Empty, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReview } from './store';

export function CampaignIndex() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { campaigns, loaded, error, loadCampaigns } = useReview(
    useShallow((s) => ({
      campaigns: s.campaigns,
      loaded: s.campaignsLoaded,
      error: s.error,
      loadCampaigns: s.loadCampaigns,
    })),
  );
  useEffect(() => {
    void loadCampaigns();
  }, [loadCampaigns]);

  const latest = campaigns[0];
  if (loaded && latest) return <Navigate to={latest.id} replace />;
  return (
    <Card data-testid="review-page">
      <ErrorAlert error={error} />
      {!loaded ? (
        <Spin />
      ) : (
        <Empty description={t('reviewUi.index.none')} data-testid="review-no-campaign">
          <Button type="primary" onClick={() => void navigate('/campaigns')}>
            {t('reviewUi.index.toCampaigns')}
          </Button>
        </Empty>
      )}
    </Card>
  );
}
