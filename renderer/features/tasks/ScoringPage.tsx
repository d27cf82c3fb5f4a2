// The scoring screen (#/tasks/:campaignId/:caseId): the file on the left, the sheet on the right,
// a header that stays in view with the live total and grade (core `score`, the same function the
// service uses) and the autosave state. Submit (or sign, in joint mode) checks the same problems
// the service checks and jumps to the first. Keyboard-first: see SHORTCUTS.
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  ExclamationCircleFilled,
  LoadingOutlined,
  QuestionCircleOutlined,
  SendOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { taskStatus } from '../../../core/scoring/schemas';
import { submitProblems } from '../../../core/scoring/submit';
import {
  score,
  ScoringError,
  type ScoreResult,
  type ScoringProblem,
} from '../../../core/standards/score';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText, tr } from '../../i18n/errors';
import { FilePane } from './FilePane';
import {
  findingOf,
  keyboardCount,
  keyboardMax,
  keyboardPatch,
  patchItem,
  rowsOf,
  toggleMark,
} from './findings';
import { bandColor, dateTime, pts, STATUS_COLORS } from './format';
import type { SaveStatus } from './saver';
import { flaggedRows, reasonId, rowId, SheetForm } from './SheetForm';
import { editable, flushNow, useSheet, type Opened } from './sheet-store';
import { nextTask, useTasks } from './store';

const SHORTCUTS = [
  { keys: ['J', '↓'], what: 'down' },
  { keys: ['K', '↑'], what: 'up' },
  { keys: ['0 – 9'], what: 'count' },
  { keys: ['+', '−'], what: 'plusMinus' },
  { keys: ['R'], what: 'reason' },
  { keys: ['Esc'], what: 'escape' },
  { keys: ['N'], what: 'next' },
  { keys: ['Ctrl', 'Enter'], what: 'submit' },
  { keys: ['?'], what: 'help' },
] as const;

/** Keys typed into a text field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

function SaveIndicator({ save, onRetry }: { save: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  const state = save.state;
  const icon =
    state === 'saved' ? (
      <CheckCircleFilled style={{ color: '#389e0d' }} />
    ) : state === 'error' ? (
      <ExclamationCircleFilled style={{ color: '#cf1322' }} />
    ) : (
      <LoadingOutlined />
    );
  const label = t(`tasksUi.sheet.saveState.${state === 'pending' ? 'saving' : state}`);
  return (
    <Space size={4} className="save-state" data-testid="save-state" data-state={state}>
      {state === 'error' && save.error ? (
        <Tooltip title={`${errorText(save.error)} ${t('tasksUi.sheet.saveErrorHelp')}`}>
          <Space size={4}>
            {icon}
            <span className="save-state-error">{label}</span>
          </Space>
        </Tooltip>
      ) : (
        <Tooltip
          title={
            state === 'saved' && save.savedAt
              ? t('tasksUi.sheet.savedAt', { time: dateTime(save.savedAt) })
              : undefined
          }
        >
          <Space size={4}>
            {icon}
            <span>{label}</span>
          </Space>
        </Tooltip>
      )}
      {state === 'error' ? (
        <Button size="small" type="link" onClick={onRetry} data-testid="save-retry">
          {t('tasksUi.sheet.retry')}
        </Button>
      ) : null}
    </Space>
  );
}

function ShortcutsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('tasksUi.keys.title')}
      onCancel={onClose}
      footer={null}
      width={560}
      data-testid="shortcuts"
    >
      <Typography.Paragraph type="secondary">{t('tasksUi.keys.intro')}</Typography.Paragraph>
      <table className="shortcut-table" data-testid="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s, i) => (
            <tr key={i}>
              <td className="shortcut-keys">
                {s.keys.map((k, j) => (
                  <span key={k}>
                    {j > 0 ? (s.keys[0] === 'Ctrl' ? ' + ' : ' / ') : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`tasksUi.keys.${s.what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

function Signatures({ opened }: { opened: Opened }) {
  const { t } = useTranslation();
  const sheet = opened.sheet;
  return (
    <Space size={6} wrap data-testid="signatures">
      <Typography.Text strong>{t('tasksUi.sheet.signatures')}</Typography.Text>
      {sheet.signatures.map((g) => {
        const current = g.signedRevision !== null && g.signedRevision === sheet.revision;
        const old = g.signedRevision !== null && !current;
        return (
          <Tag
            key={g.personId}
            color={current ? 'green' : old ? 'orange' : 'default'}
            data-testid="signature"
            data-signed={current ? 'true' : 'false'}
          >
            {g.name} ·{' '}
            {current
              ? t('tasksUi.sheet.signedCurrent')
              : old
                ? t('tasksUi.sheet.signedOld')
                : t('tasksUi.sheet.notSignedYet')}
          </Tag>
        );
      })}
    </Space>
  );
}

function scoreOf(
  opened: Opened,
  findings: Parameters<typeof score>[1],
): { result: ScoreResult | null; problems: ScoringProblem[] } {
  try {
    return { result: score(opened.template.content, findings), problems: [] };
  } catch (e) {
    if (e instanceof ScoringError) return { result: null, problems: e.problems };
    throw e;
  }
}

export function ScoringPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { campaignId = '', caseId = '' } = useParams();
  const s = useSheet(
    useShallow((st) => ({
      opened: st.opened,
      loading: st.loading,
      loadError: st.loadError,
      content: st.content,
      save: st.save,
      restored: st.restored,
      problems: st.problems,
      submitting: st.submitting,
      submitError: st.submitError,
      open: st.open,
      close: st.close,
      retrySave: st.retrySave,
      dismissRestored: st.dismissRestored,
    })),
  );
  const { campaigns, loadTasks } = useTasks(
    useShallow((st) => ({ campaigns: st.campaigns, loadTasks: st.load })),
  );
  const [helpOpen, setHelpOpen] = useState(false);
  const confirming = useRef(false);

  const { open, close } = s;
  useEffect(() => {
    void open(campaignId, caseId);
  }, [campaignId, caseId, open]);
  useEffect(() => () => close(), [close]);
  useEffect(() => {
    if (!useTasks.getState().loaded) void loadTasks();
  }, [loadTasks]);
  // Closing or hiding the window sends what is pending (and the safety copy keeps it anyway).
  useEffect(() => {
    const onHide = () => flushNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const opened = s.opened;
  const content = s.content;
  const canEdit = editable(opened) && !s.submitting;
  const joint = opened?.campaign.mode === 'joint';
  const campaign = campaigns.find((c) => c.campaignId === campaignId);
  const task = campaign?.tasks.find((x) => x.caseId === caseId);
  const rows = useMemo(() => (opened ? rowsOf(opened.template.content) : []), [opened]);
  const scored = useMemo(
    () => (opened && content ? scoreOf(opened, content.findings) : null),
    [opened, content],
  );

  /** Shows a row: focused, scrolled into view, and its reason field focused when asked. */
  const reveal = useCallback((key: string, reason: boolean) => {
    useSheet.getState().setFocus(key);
    // After the row has rendered its reason field.
    setTimeout(() => {
      const row = document.getElementById(rowId(key));
      row?.scrollIntoView({ block: 'nearest', behavior: 'auto' });
      if (reason) {
        const field = document.getElementById(reasonId(key));
        if (field) {
          field.focus();
          field.scrollIntoView({ block: 'nearest' });
        }
      }
    }, 30);
  }, []);

  const jumpTo = useCallback(
    (p: ScoringProblem) => {
      const key = [...flaggedRows([p])][0];
      if (key) reveal(key, true);
    },
    [reveal],
  );

  const goNext = useCallback(() => {
    const next = nextTask(campaign, caseId);
    if (!next) {
      void message.info(t('tasksUi.sheet.noNext'));
      return;
    }
    void navigate(`/tasks/${campaignId}/${next.caseId}`);
  }, [campaign, caseId, campaignId, navigate, message, t]);

  const requestSubmit = useCallback(() => {
    const st = useSheet.getState();
    const o = st.opened;
    if (!o || !st.content || !editable(o) || st.submitting || confirming.current) return;
    const problems = submitProblems(o.template.content, st.content.findings);
    if (problems.length) {
      useSheet.setState({ problems, submitError: null });
      jumpTo(problems[0]!);
      return;
    }
    const result = scoreOf(o, st.content.findings).result;
    const isJoint = o.campaign.mode === 'joint';
    confirming.current = true;
    modal.confirm({
      title: isJoint ? t('tasksUi.sheet.signTitle') : t('tasksUi.sheet.submitTitle'),
      content: isJoint
        ? t('tasksUi.sheet.signBody', {
            total: pts(result?.total ?? 0),
            grade: result?.grade ?? '',
            revision: st.save.revision + (st.save.state === 'saved' ? 0 : 1),
          })
        : t('tasksUi.sheet.submitBody', {
            total: pts(result?.total ?? 0),
            grade: result?.grade ?? '',
          }),
      okText: isJoint ? t('tasksUi.sheet.signOk') : t('tasksUi.sheet.submitOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-ok' },
      afterClose: () => {
        confirming.current = false;
      },
      onOk: async () => {
        const r = await useSheet.getState().submit();
        if (r.kind === 'problems' && r.problems[0]) jumpTo(r.problems[0]);
        else if (r.kind === 'error') {
          void message.error(t('tasksUi.sheet.submitFailed', { message: errorText(r.error) }));
        } else if (r.kind === 'done') {
          void message.success(
            r.sheet.status === 'submitted'
              ? t('tasksUi.sheet.submittedDone')
              : t('tasksUi.sheet.signedDone'),
          );
        }
      },
    });
  }, [jumpTo, message, modal, t]);

  // ---- the keyboard --------------------------------------------------------------------------
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      // A dialog of this screen is open: its keys are its own.
      if (helpOpen || confirming.current) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        requestSubmit();
        return;
      }
      if (target?.closest('.ant-select-dropdown, .ant-dropdown')) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const st = useSheet.getState();
      const o = st.opened;
      if (!o || !st.content) return;
      const at = rows.findIndex((r) => r.key === st.focus);
      const move = (delta: number) => {
        const i = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : at + delta;
        const row = rows[Math.min(Math.max(i, 0), rows.length - 1)];
        if (row) reveal(row.key, false);
      };
      const inViewer = !!target?.closest('.file-pane');
      const row = at >= 0 ? rows[at] : undefined;
      const setCount = (count: (current: number, max: number) => number) => {
        if (!row || !editable(o)) return;
        const template = o.template.content;
        if (row.kind === 'item') {
          const item = template.categories.flatMap((c) => c.items).find((i) => i.code === row.code);
          if (!item) return;
          const f = findingOf(st.content!, 'item', item.code);
          if (f?.na) return;
          const max = keyboardMax(item);
          const wanted = count(keyboardCount(item, f), max);
          if (wanted > max) {
            if (item.mode === 'per_occurrence') {
              void message.warning(t('tasksUi.form.refused', { most: max }));
            }
            return;
          }
          st.edit((c) =>
            patchItem(template, c, item.code, keyboardPatch(item, Math.max(0, wanted))),
          );
        } else {
          const on = count(findingOf(st.content!, row.kind, row.code) ? 1 : 0, 1) > 0;
          st.edit((c) => toggleMark(template, c, row.kind as 'veto' | 'bonus', row.code, on));
        }
      };
      switch (e.key) {
        case 'j':
        case 'J':
          move(1);
          break;
        case 'ArrowDown':
          if (inViewer) return;
          move(1);
          break;
        case 'k':
        case 'K':
          move(-1);
          break;
        case 'ArrowUp':
          if (inViewer) return;
          move(-1);
          break;
        case 'r':
        case 'R':
          if (!row) return;
          reveal(row.key, true);
          break;
        case 'n':
        case 'N':
          goNext();
          break;
        case '?':
          setHelpOpen(true);
          break;
        case '+':
        case '=':
          setCount((n) => n + 1);
          break;
        case '-':
        case '_':
          setCount((n) => Math.max(0, n - 1));
          break;
        default:
          if (/^[0-9]$/.test(e.key)) setCount(() => Number(e.key));
          else return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, helpOpen, reveal, goNext, requestSubmit, message, t]);

  // ---- rendering -----------------------------------------------------------------------------
  if (!opened || !content) {
    if (s.loadError) {
      return (
        <div data-testid="scoring-page">
          <Link to="/tasks" data-testid="scoring-back">
            <ArrowLeftOutlined /> {t('tasksUi.sheet.back')}
          </Link>
          <Result status="warning" title={t('tasksUi.sheet.notFound')} />
          <ErrorAlert error={s.loadError} testId="scoring-error" />
        </div>
      );
    }
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }

  const sheet = opened.sheet;
  const status = taskStatus(sheet.status, s.save.revision);
  const result = scored?.result ?? null;
  const template = opened.template.content;
  const c = opened.case;
  const subtitle = [c.departmentName, c.partyName, c.cause].filter(Boolean).join(' · ');
  const readOnlyReason =
    sheet.status === 'submitted'
      ? null
      : !editable(opened)
        ? t('tasksUi.sheet.readonlyCampaign', {
            status: t(`campaigns.statuses.${opened.campaign.status}`),
          })
        : null;

  return (
    <div
      className="scoring-page"
      data-testid="scoring-page"
      data-sheet-status={sheet.status}
      data-editable={canEdit ? 'true' : 'false'}
    >
      <div className="scoring-head" data-testid="scoring-head">
        <div className="scoring-head-left">
          <Link to="/tasks" className="scoring-back" data-testid="scoring-back">
            <ArrowLeftOutlined /> {t('tasksUi.sheet.back')}
          </Link>
          <div className="scoring-title">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="scoring-case-no">
              {c.caseNo}
            </Typography.Title>
            <Tag
              color={STATUS_COLORS[status]}
              data-testid="scoring-status"
              data-status={status}
              style={{ marginInlineEnd: 0 }}
            >
              {t(`scoring.taskStatus.${status}`)}
            </Tag>
            {joint ? <Tag color="purple">{t('tasksUi.list.modes.joint')}</Tag> : null}
          </div>
          <Typography.Text type="secondary" className="scoring-subtitle" ellipsis>
            {subtitle} — {opened.campaign.name}
          </Typography.Text>
        </div>
        <div className="scoring-head-right">
          <div className="scoring-score" data-testid="scoring-score">
            <div className="scoring-score-label">{t('tasksUi.sheet.total')}</div>
            {result ? (
              <div className="scoring-score-value">
                <span data-testid="sheet-total" data-total={result.total}>
                  {pts(result.total)}
                </span>
                <span className="scoring-score-max"> / {pts(result.maxTotal)}</span>
              </div>
            ) : (
              <div className="scoring-score-value scoring-score-bad" data-testid="sheet-total">
                {t('tasksUi.sheet.unscorable')}
              </div>
            )}
          </div>
          <div className="scoring-score">
            <div className="scoring-score-label">{t('tasksUi.sheet.grade')}</div>
            {result ? (
              <Tag
                color={bandColor(result.bandIndex, template.bands.length)}
                className="scoring-grade"
                data-testid="sheet-grade"
              >
                {result.grade}
              </Tag>
            ) : (
              <span>—</span>
            )}
          </div>
          {result?.vetoHits.length ? (
            <Tag color="red" data-testid="sheet-veto-hits" className="scoring-veto">
              {t('tasksUi.sheet.vetoHit', { codes: result.vetoHits.map((h) => h.code).join('、') })}
            </Tag>
          ) : null}
          <div className="scoring-actions">
            {sheet.status !== 'submitted' ? (
              <SaveIndicator save={s.save} onRetry={() => void s.retrySave()} />
            ) : null}
            <Tooltip title={t('tasksUi.sheet.shortcuts')}>
              <Button
                icon={<QuestionCircleOutlined />}
                onClick={() => setHelpOpen(true)}
                aria-label={t('tasksUi.sheet.shortcuts')}
                data-testid="shortcuts-open"
              />
            </Tooltip>
            <Tooltip title={t('tasksUi.sheet.next')}>
              <Button
                icon={<StepForwardOutlined />}
                onClick={goNext}
                aria-label={t('tasksUi.sheet.next')}
                data-testid="next-file"
              />
            </Tooltip>
            {sheet.status === 'submitted' ? (
              <Tag color="success" className="scoring-submitted" data-testid="sheet-submitted">
                {t('tasksUi.sheet.submitted')}
              </Tag>
            ) : (
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={!editable(opened)}
                loading={s.submitting}
                onClick={requestSubmit}
                data-testid="sheet-submit"
              >
                {joint ? t('tasksUi.sheet.sign') : t('tasksUi.sheet.submit')}
              </Button>
            )}
          </div>
        </div>
      </div>

      <div className="scoring-alerts">
        {sheet.status === 'returned' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="sheet-returned"
            title={t('tasksUi.sheet.returned')}
            description={t('tasksUi.sheet.returnedReason', { reason: sheet.returnedReason ?? '' })}
          />
        ) : null}
        {sheet.status === 'submitted' ? (
          <Alert
            type="success"
            showIcon
            data-testid="sheet-locked"
            title={t('tasksUi.sheet.submittedAt', { time: dateTime(sheet.submittedAt) })}
          />
        ) : null}
        {readOnlyReason ? (
          <Alert type="info" showIcon data-testid="sheet-readonly" title={readOnlyReason} />
        ) : null}
        {s.restored ? (
          <Alert
            type="info"
            showIcon
            closable={{ onClose: s.dismissRestored }}
            data-testid="sheet-restored"
            title={t('tasksUi.sheet.restored')}
          />
        ) : null}
        {joint && sheet.signatures.length ? (
          <Alert
            type="info"
            data-testid="sheet-joint"
            title={<Signatures opened={opened} />}
            description={t('tasksUi.sheet.jointHelp')}
          />
        ) : null}
        {s.problems?.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="submit-problems"
            title={t('tasksUi.sheet.problemsTitle', { count: s.problems.length })}
            description={
              <ul className="submit-problems">
                {s.problems.map((p, i) => (
                  <li key={`${p.key}-${i}`} data-testid="submit-problem">
                    <a onClick={() => jumpTo(p)}>{tr(p.key, p.params)}</a>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        {scored && !scored.result ? (
          <Alert
            type="error"
            showIcon
            data-testid="sheet-unscorable"
            title={t('tasksUi.sheet.unscorable')}
            description={
              <ul className="submit-problems">
                {scored.problems.map((p, i) => (
                  <li key={`${p.key}-${i}`}>
                    <a onClick={() => jumpTo(p)}>{tr(p.key, p.params)}</a>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <ErrorAlert error={s.submitError} testId="submit-error" />
      </div>

      <div className="scoring-body">
        <FilePane typeName={task?.caseTypeName} />
        <div className="sheet-pane" data-testid="sheet-pane">
          <SheetForm template={template} content={content} result={result} readOnly={!canEdit} />
        </div>
      </div>
      <ShortcutsModal open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
