// The arbiter's decision, kept in view at the bottom of the 复核 screen: which sheet is kept (or
// which one the reconciled sheet starts from), the score the decision gives, the arbiter's
// reason, and what is still missing — the same rules the service applies (a reason for the
// decision; for a written sheet a reason for every deduction, veto and bonus; for a reconciled
// sheet a reason for every change), so a refusal is explained before anything is sent.
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../core/api/errors';
import type { Sheet } from '../../../core/api/methods/scoring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { tr } from '../../i18n/errors';
import type { Decided } from './DashboardPage';
import { changedKeys, draftProblems, outcomeOf } from './draft';
import { countingSheets, useFileReview } from './file-store';
import { GradeTag, localizeError, pts } from './format';

export function DecisionBar({
  attempted,
  setAttempted,
  onDecided,
}: {
  attempted: boolean;
  setAttempted: (v: boolean) => void;
  onDecided: (d: Omit<Decided, 'caseId' | 'caseNo'>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const s = useFileReview(
    useShallow((x) => ({
      data: x.data!,
      mode: x.mode,
      keepSheetId: x.keepSheetId,
      baseSheetId: x.baseSheetId,
      findings: x.findings,
      changeReasons: x.changeReasons,
      reason: x.reason,
      setKeep: x.setKeep,
      setBase: x.setBase,
      setReason: x.setReason,
      decide: x.decide,
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const tpl = s.data.template.content;
  const counting = useMemo(() => countingSheets(s.data.sheets), [s.data.sheets]);
  const nameOf = (sheet: Sheet) => sheet.evaluatorName ?? t(`scoring.kinds.${sheet.kind}`);

  const scored = useMemo(
    () =>
      new Map(
        counting.map((c) => {
          const o = outcomeOf(tpl, c.content.findings);
          return [c.id, 'result' in o ? o.result : null] as const;
        }),
      ),
    [counting, tpl],
  );
  const base = s.data.sheets.find((x) => x.id === s.baseSheetId);
  const changed = useMemo(
    () =>
      s.mode === 'reconciled' ? changedKeys(tpl, base?.content.findings ?? [], s.findings) : [],
    [s.mode, tpl, base, s.findings],
  );
  const writing = s.mode === 'reconciled' || s.mode === 'arbiter';
  const draft = writing ? outcomeOf(tpl, s.findings) : null;
  const preview =
    s.mode === 'keep'
      ? (scored.get(s.keepSheetId ?? '') ?? null)
      : draft && 'result' in draft
        ? draft.result
        : null;

  const problems: string[] = [];
  if (writing) {
    const p = draftProblems(tpl, s.findings, changed, s.changeReasons);
    problems.push(...p.sheet.map((x) => tr(x.key, x.params)));
    if (p.changesWithoutReason.length) {
      problems.push(
        t('reviewUi.decision.changeReasonsMissing', {
          codes: p.changesWithoutReason
            .map((k) => k.split(':').slice(1).join(':'))
            .join(t('reviewUi.listSeparator')),
        }),
      );
    }
  }
  if (s.mode === 'keep' && !s.keepSheetId) problems.push(t('reviewUi.decision.chooseSheet'));
  if (!s.reason.trim()) problems.push(t('reviewUi.decision.reasonRequired'));

  const confirm = async () => {
    setAttempted(true);
    if (problems.length) return;
    setBusy(true);
    const r = await s.decide();
    setBusy(false);
    if (!r.ok) {
      setError(localizeError(r.error));
      return;
    }
    setError(null);
    setAttempted(false);
    if (r.data.total !== null && r.data.grade !== null) {
      void message.success(
        t('reviewUi.decision.done', { points: pts(r.data.total), grade: r.data.grade }),
      );
      onDecided({ total: r.data.total, grade: r.data.grade, bandIndex: r.data.bandIndex ?? 0 });
    }
  };

  return (
    <div className="decision-bar" data-testid="decision-bar" data-mode={s.mode}>
      <ErrorAlert error={error} testId="decision-error" />
      {attempted && problems.length ? (
        <Alert
          type="error"
          showIcon
          className="decision-problems"
          data-testid="decision-problems"
          title={t('reviewUi.decision.problemsTitle', { count: problems.length })}
          description={
            <ul className="review-list">
              {problems.map((p, i) => (
                <li key={i} data-testid="decision-problem">
                  {p}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <div className="decision-row">
        <div className="decision-choice">
          {s.mode === 'keep' ? (
            <>
              <Typography.Text strong>{t('reviewUi.decision.keepLabel')}</Typography.Text>
              <Radio.Group
                value={s.keepSheetId}
                onChange={(e) => s.setKeep(e.target.value as string)}
                data-testid="decision-keep"
              >
                <Space direction="vertical" size={2}>
                  {counting.map((c) => {
                    const r = scored.get(c.id);
                    return (
                      <Radio key={c.id} value={c.id}>
                        <span data-testid="decision-keep-option">
                          {nameOf(c)}
                          {r
                            ? ` · ${t('reviewUi.points', { points: pts(r.total) })} · ${r.grade}`
                            : ''}
                        </span>
                      </Radio>
                    );
                  })}
                </Space>
              </Radio.Group>
            </>
          ) : null}
          {s.mode === 'reconciled' ? (
            <>
              <Typography.Text strong>{t('reviewUi.decision.baseLabel')}</Typography.Text>
              <Select
                value={s.baseSheetId}
                onChange={(id: string) => s.setBase(id)}
                style={{ minWidth: 220 }}
                data-testid="decision-base"
                options={counting.map((c) => ({
                  value: c.id,
                  label: `${nameOf(c)}${
                    scored.get(c.id)
                      ? ` · ${t('reviewUi.points', { points: pts(scored.get(c.id)!.total) })}`
                      : ''
                  }`,
                }))}
              />
              <Typography.Text type="secondary" data-testid="decision-changes">
                {t('reviewUi.decision.changes', { count: changed.length })}
              </Typography.Text>
            </>
          ) : null}
          {s.mode === 'arbiter' ? (
            <Typography.Text type="secondary">{t('reviewUi.decision.arbiterNote')}</Typography.Text>
          ) : null}
        </div>
        <div className="decision-score" data-testid="decision-score">
          <span className="decision-score-label">{t('reviewUi.decision.finalScore')}</span>
          {preview ? (
            <Space size={6}>
              <span className="review-num decision-total" data-testid="decision-total">
                {t('reviewUi.points', { points: pts(preview.total) })}
              </span>
              <GradeTag
                grade={preview.grade}
                bandIndex={preview.bandIndex}
                testId="decision-grade"
              />
            </Space>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </div>
        <div className="decision-reason">
          <Input.TextArea
            value={s.reason}
            onChange={(e) => s.setReason(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={1000}
            placeholder={t('reviewUi.decision.reasonPlaceholder')}
            status={attempted && !s.reason.trim() ? 'error' : ''}
            data-testid="decision-reason"
            aria-label={t('reviewUi.decision.reasonLabel')}
          />
        </div>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy}
          onClick={() => void confirm()}
          data-testid="decision-confirm"
        >
          {t(`reviewUi.decision.confirm.${s.mode as 'keep'}`)}
        </Button>
      </div>
    </div>
  );
}
