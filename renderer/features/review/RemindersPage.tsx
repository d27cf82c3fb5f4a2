// 催办名单 (#/review/:campaignId/reminders): every task not yet submitted — evaluator, department,
// phone, case number, status — as a page to print (window.print); the navigation and the toolbar
// are left off the paper.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReview } from './store';

export function RemindersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const { campaign, reminders, error, load, loadReminders } = useReview(
    useShallow((s) => ({
      campaign: s.campaign,
      reminders: s.reminders,
      error: s.error,
      load: s.load,
      loadReminders: s.loadReminders,
    })),
  );
  useEffect(() => {
    if (useReview.getState().campaign?.id !== campaignId) void load(campaignId);
    void loadReminders(campaignId);
  }, [campaignId, load, loadReminders]);

  const current = campaign?.id === campaignId ? campaign : null;
  const deadline = current?.settings.deadline ?? null;
  const overdue = deadline !== null && dayjs().format('YYYY-MM-DD') > deadline;
  const people = new Set((reminders ?? []).map((r) => r.personId)).size;

  return (
    <div className="review-print" data-testid="reminders-page">
      <div className="review-print-toolbar">
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void navigate(`/review/${campaignId}`)}
          data-testid="reminders-back"
        >
          {t('reviewUi.reminders.back')}
        </Button>
        <Typography.Text type="secondary">{t('reviewUi.reminders.help')}</Typography.Text>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!reminders}
          data-testid="reminders-print"
        >
          {t('reviewUi.reminders.print')}
        </Button>
      </div>
      <ErrorAlert error={error} />
      <div className="review-paper" data-testid="reminders-paper">
        <h1 className="review-paper-title">{t('reviewUi.reminders.title')}</h1>
        <div className="review-paper-subtitle">
          {[
            current?.name ?? '',
            deadline
              ? t(overdue ? 'reviewUi.reminders.deadlinePassed' : 'reviewUi.reminders.deadline', {
                  date: deadline,
                })
              : t('reviewUi.reminders.noDeadline'),
            t('reviewUi.reminders.printedOn', { date: dayjs().format('YYYY-MM-DD') }),
          ]
            .filter(Boolean)
            .join('\u3000')}
        </div>
        {!reminders ? (
          <Skeleton active />
        ) : !reminders.length ? (
          <Empty description={t('reviewUi.reminders.empty')} data-testid="reminders-empty" />
        ) : (
          <>
            <p className="review-paper-p" data-testid="reminders-summary">
              {t('reviewUi.reminders.summary', { people, tasks: reminders.length })}
            </p>
            <table className="review-paper-table" data-testid="reminders-table">
              <colgroup>
                <col style={{ width: '7%' }} />
                <col style={{ width: '12%' }} />
                <col style={{ width: '25%' }} />
                <col style={{ width: '16%' }} />
                <col />
                <col style={{ width: '10%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('reviewUi.reminders.index')}</th>
                  <th>{t('reviewUi.reminders.name')}</th>
                  <th>{t('reviewUi.reminders.department')}</th>
                  <th>{t('reviewUi.reminders.phone')}</th>
                  <th>{t('reviewUi.reminders.caseNo')}</th>
                  <th>{t('reviewUi.reminders.status')}</th>
                </tr>
              </thead>
              <tbody>
                {reminders.map((r, i) => (
                  <tr key={`${r.personId}:${r.caseNo}`} data-testid="reminder-row">
                    <td className="c">{i + 1}</td>
                    <td className="c" data-testid="reminder-name">
                      {r.name}
                    </td>
                    <td>{r.departmentName}</td>
                    <td className="c" data-testid="reminder-phone">
                      {r.phone ?? '—'}
                    </td>
                    <td data-testid="reminder-case">{r.caseNo}</td>
                    <td className="c" data-testid="reminder-status">
                      {t(`scoring.taskStatus.${r.status}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </div>
  );
}
