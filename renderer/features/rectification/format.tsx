// Small shared pieces of the rectification screen: the status tag, dates and the allowed moves.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS, type RectifyStatus } from '../../../core/rectify/status';

export const STATUS_COLORS: Record<RectifyStatus, string> = {
  open: 'default',
  in_progress: 'processing',
  rectified: 'cyan',
  verified: 'green',
};

export function StatusTag({ status }: { status: RectifyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="rect-status" data-status={status}>
      {t(`rectify.statuses.${status}`)}
    </Tag>
  );
}

/** The statuses a problem may be given from `from`: itself (edit the reply) and its moves. */
export const choicesFrom = (from: RectifyStatus): RectifyStatus[] =>
  from === 'verified' ? [] : [from, ...TRANSITIONS[from]];

/** A rate in hundredths of a percent as "37.50%"; "—" without problems. */
export const rate = (h: number | null) => (h === null ? '—' : `${(h / 100).toFixed(2)}%`);

/** What the date fields accept (the services check the date exists). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Same limit as the service (MAX_ATTACHMENT_BYTES), checked before a file is read. */
export const MAX_EVIDENCE_MB = 200;
