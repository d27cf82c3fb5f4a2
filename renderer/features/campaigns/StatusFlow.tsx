// The moves a campaign can make from its state, each confirmed; going back warns what it drops
// (已分配 → 已抽取 drops the assignment, 已抽取 → 草稿 drops the draw). 草稿 → 已抽取 happens by
// drawing and 已抽取 → 已分配 by confirming an assignment, so they are not offered here.
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { TRANSITIONS, type CampaignStatus } from '../../../core/campaigns/schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCampaign } from './campaign-store';
import { localizeError } from './format';

type Action = 'scoring' | 'review' | 'done' | 'backToScoring' | 'backToDrawn' | 'backToDraft';

function actionOf(from: CampaignStatus, to: CampaignStatus): Action | null {
  if (to === 'assigned' || (from === 'draft' && to === 'drawn')) return null;
  if (to === 'scoring') return from === 'review' ? 'backToScoring' : 'scoring';
  if (to === 'review') return 'review';
  if (to === 'done') return 'done';
  if (to === 'drawn') return 'backToDrawn';
  return 'backToDraft';
}

const BACKWARD = new Set<Action>(['backToScoring', 'backToDrawn', 'backToDraft']);
const DESTRUCTIVE = new Set<Action>(['backToDrawn', 'backToDraft']);

export function StatusFlow({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const setStatus = useCampaign((s) => s.setStatus);
  const [error, setError] = useState<ApiError | null>(null);

  const moves = TRANSITIONS[campaign.status]
    .map((to) => ({ to, action: actionOf(campaign.status, to) }))
    .filter((m): m is { to: CampaignStatus; action: Action } => m.action !== null);
  if (!moves.length && !error) return null;

  const ask = (to: CampaignStatus, action: Action) => {
    modal.confirm({
      title: t('campaignsUi.flow.confirmTitle', {
        from: t(`campaigns.statuses.${campaign.status}`),
        to: t(`campaigns.statuses.${to}`),
      }),
      content: t(`campaignsUi.flow.confirm.${action}`, campaign.counts),
      okText: t('campaignsUi.flow.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: {
        danger: DESTRUCTIVE.has(action),
        'data-testid': 'status-confirm-ok',
      },
      onOk: async () => {
        const r = await setStatus(to);
        if (r.ok) {
          setError(null);
          void message.success(
            t('campaignsUi.flow.changed', { status: t(`campaigns.statuses.${to}`) }),
          );
        } else {
          setError(localizeError(r.error));
        }
      },
    });
  };

  return (
    <div style={{ marginTop: 12 }}>
      <ErrorAlert error={error} testId="status-error" />
      <Space wrap>
        {moves.map(({ to, action }) => (
          <Button
            key={to}
            type={BACKWARD.has(action) ? 'default' : 'primary'}
            danger={DESTRUCTIVE.has(action)}
            onClick={() => ask(to, action)}
            data-testid={`status-${action}`}
          >
            {t(`campaignsUi.flow.actions.${action}`)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
