// The dashboard's head: which campaign (any in 评查中, 复核中 or 已完成), its state and settings,
// the reminder list, and the campaign's moves 评查中 → 复核中 → 已完成 (and back to 评查中 from
// 复核中), each confirmed; a refusal (files without a final score) shows why.
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import type { CampaignStatus } from '../../../core/campaigns/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CAMPAIGN_COLORS, localizeError, pts } from './format';
import { useReview } from './store';

type Move = 'toReview' | 'toDone' | 'backToScoring';

const MOVES: Record<CampaignStatus, { move: Move; to: CampaignStatus }[]> = {
  draft: [],
  drawn: [],
  assigned: [],
  scoring: [{ move: 'toReview', to: 'review' }],
  review: [
    { move: 'backToScoring', to: 'scoring' },
    { move: 'toDone', to: 'done' },
  ],
  done: [],
};

export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const { campaigns, progress, loading, load, setStatus } = useReview(
    useShallow((s) => ({
      campaigns: s.campaigns,
      progress: s.progress,
      loading: s.loading,
      load: s.load,
      setStatus: s.setStatus,
    })),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [errorFor, setErrorFor] = useState(campaign.id);
  if (errorFor !== campaign.id) {
    setErrorFor(campaign.id);
    setError(null);
  }

  const ask = (move: Move, to: CampaignStatus) => {
    modal.confirm({
      title: t(`reviewUi.flow.${move}.title`),
      content: t(`reviewUi.flow.${move}.content`, {
        review: progress?.files.review ?? 0,
        waiting: progress?.files.waiting ?? 0,
      }),
      okText: t(`reviewUi.flow.${move}.ok`),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'status-confirm-ok' },
      onOk: async () => {
        const r = await setStatus(to);
        if (r.ok) {
          setError(null);
          void message.success(
            t('reviewUi.flow.changed', { status: t(`campaigns.statuses.${to}`) }),
          );
        } else {
          setError(localizeError(r.error));
        }
      },
    });
  };

  const s = campaign.settings;
  const facts = [
    t(`campaigns.modes.${s.mode}`),
    s.mode === 'independent' ? t('reviewUi.header.threshold', { points: pts(s.threshold) }) : null,
    s.deadline
      ? t('reviewUi.header.deadline', { date: s.deadline })
      : t('reviewUi.header.noDeadline'),
  ].filter(Boolean);

  return (
    <Card className="review-head" data-testid="review-head">
      <div className="review-head-row">
        <Space size={12} wrap>
          <Select
            value={campaign.id}
            onChange={(id: string) => void navigate(`/review/${id}`)}
            options={campaigns.map((c) => ({
              value: c.id,
              label: t('reviewUi.header.campaignOption', {
                name: c.name,
                status: t(`campaigns.statuses.${c.status}`),
              }),
            }))}
            style={{ minWidth: 320 }}
            data-testid="review-campaign-select"
            aria-label={t('reviewUi.header.campaign')}
          />
          <Tag
            color={CAMPAIGN_COLORS[campaign.status]}
            data-testid="review-campaign-status"
            data-status={campaign.status}
          >
            {t(`campaigns.statuses.${campaign.status}`)}
          </Tag>
          <Typography.Text type="secondary" data-testid="review-campaign-facts">
            {facts.join(t('reviewUi.factSeparator'))}
          </Typography.Text>
        </Space>
        <Space wrap className="review-head-actions">
          <Button
            icon={<ReloadOutlined />}
            loading={loading}
            onClick={() => void load(campaign.id)}
            data-testid="review-refresh"
          >
            {t('reviewUi.header.refresh')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/review/${campaign.id}/reminders`)}
            data-testid="review-reminders"
          >
            {t('reviewUi.header.reminders')}
          </Button>
          {MOVES[campaign.status].map(({ move, to }) => (
            <Button
              key={move}
              type={move === 'backToScoring' ? 'default' : 'primary'}
              onClick={() => ask(move, to)}
              data-testid={`status-${move}`}
            >
              {t(`reviewUi.flow.${move}.button`)}
            </Button>
          ))}
        </Space>
      </div>
      <ErrorAlert error={error} testId="status-error" />
    </Card>
  );
}
