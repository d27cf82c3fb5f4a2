// The sheets of a file side by side, item by item in the template's order (veto items, the
// categories and their items, bonus items), each finding with its reason and pages; rows where
// the evaluators differ are highlighted. While the arbiter writes a sheet (reconciled or own
// scoring), one more column holds it: entries as on the scoring form, the finding's reason and
// pages, and — for a reconciled sheet — the reason of every change against the kept sheet. A
// click takes an evaluator's finding for a row.
import { HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Sheet } from '../../../core/api/methods/scoring';
import { taskStatus } from '../../../core/scoring/schemas';
import type { Finding, Item, TemplateContent } from '../../../core/standards/model';
import type { ScoreResult } from '../../../core/standards/score';
import { ItemEntryControls } from '../../components/ItemEntryControls';
import { tr } from '../../i18n/errors';
import {
  changedKeys,
  entryOf,
  itemProblems,
  keyOf,
  outcomeOf,
  withCopy,
  withEntry,
  withMark,
  withText,
} from './draft';
import { countingSheets, useFileReview } from './file-store';
import { dataAttrs, dateTime, entryText, GradeTag, pts, ruleText, TaskTag } from './format';

const NONE: readonly Finding[] = [];
const NONE_KEYS: readonly string[] = [];

interface Column {
  sheet: Sheet;
  result: ScoreResult | null;
  findings: Map<string, Finding>;
  /** The sheet holds the file's final score (a kept or decision sheet). */
  final: boolean;
}

function columnsOf(
  t: TemplateContent,
  sheets: readonly Sheet[],
  keptSheetId: string | null,
): Column[] {
  const counting = countingSheets(sheets);
  const kept = sheets.find((s) => s.id === keptSheetId && !counting.includes(s));
  return [...counting, ...(kept ? [kept] : [])].map((sheet) => {
    const o = outcomeOf(t, sheet.content.findings);
    return {
      sheet,
      result: 'result' in o ? o.result : null,
      findings: new Map(sheet.content.findings.map((f) => [keyOf(f), f])),
      final: sheet.id === keptSheetId,
    };
  });
}

/** Whether the evaluators' sheets differ on a row (scored difference, or a mark on some only). */
function differs(cols: readonly Column[], key: string, itemCode: string | null): boolean {
  const counting = cols.filter((c) => c.sheet.kind === 'evaluator' || c.sheet.kind === 'joint');
  if (counting.length < 2) return false;
  const values = counting.map((c) =>
    itemCode !== null
      ? String(c.result?.items.find((i) => i.code === itemCode)?.deducted ?? 0)
      : String(c.findings.has(key)),
  );
  return new Set(values).size > 1;
}

function FindingNote({ f }: { f: Finding | undefined }) {
  const { t } = useTranslation();
  if (!f) return null;
  return (
    <>
      {f.reason ? (
        <div className="cmp-reason" data-testid="cmp-reason">
          {f.reason}
        </div>
      ) : null}
      {f.pages ? (
        <div className="cmp-pages" data-testid="cmp-pages">
          {t('reviewUi.compare.pages', { pages: f.pages })}
        </div>
      ) : null}
    </>
  );
}

/** The arbiter's reason and pages for a finding, and the reason of the change when it changed. */
function DraftTexts({
  findingKey,
  finding,
  changed,
  attempted,
}: {
  findingKey: string;
  finding: Finding | undefined;
  changed: boolean;
  attempted: boolean;
}) {
  const { t } = useTranslation();
  const { setFindings, changeReason, setChangeReason } = useFileReview(
    useShallow((s) => ({
      setFindings: s.setFindings,
      changeReason: s.changeReasons[findingKey] ?? '',
      setChangeReason: s.setChangeReason,
    })),
  );
  return (
    <>
      {finding ? (
        <div className="cmp-draft-texts">
          <Input.TextArea
            size="small"
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={finding.reason}
            placeholder={t('reviewUi.compare.reasonPlaceholder')}
            status={attempted && !finding.reason.trim() ? 'error' : ''}
            onChange={(e) =>
              setFindings((fs) => withText(fs, findingKey, 'reason', e.target.value))
            }
            data-testid="draft-reason"
          />
          <Input
            size="small"
            maxLength={100}
            value={finding.pages}
            placeholder={t('reviewUi.compare.pagesPlaceholder')}
            prefix={<span className="review-sub">{t('reviewUi.compare.pagesPrefix')}</span>}
            onChange={(e) => setFindings((fs) => withText(fs, findingKey, 'pages', e.target.value))}
            data-testid="draft-pages"
            style={{ width: 180 }}
          />
        </div>
      ) : null}
      {changed ? (
        <div className="cmp-change">
          <Tag color="purple" data-testid="draft-changed">
            {t('reviewUi.compare.changed')}
          </Tag>
          <Input
            size="small"
            maxLength={1000}
            value={changeReason}
            placeholder={t('reviewUi.compare.changeReasonPlaceholder')}
            status={attempted && !changeReason.trim() ? 'error' : ''}
            onChange={(e) => setChangeReason(findingKey, e.target.value)}
            data-testid="draft-change-reason"
          />
        </div>
      ) : null}
    </>
  );
}

function SheetHead({
  col,
  canReturn,
  onReturn,
  onVersions,
}: {
  col: Column;
  canReturn: boolean;
  onReturn: (s: Sheet) => void;
  onVersions: (s: Sheet) => void;
}) {
  const { t } = useTranslation();
  const s = col.sheet;
  const counting = s.kind === 'evaluator' || s.kind === 'joint';
  return (
    <div className="cmp-head" data-testid="cmp-head" data-sheet={s.id}>
      <div className="cmp-head-name">
        <span data-testid="cmp-head-name">
          {s.evaluatorName ??
            (s.kind === 'joint'
              ? s.signatures.map((g) => g.name).join(t('reviewUi.listSeparator'))
              : t(`scoring.kinds.${s.kind}`))}
        </span>
        {s.kind !== 'evaluator' ? <Tag>{t(`scoring.kinds.${s.kind}`)}</Tag> : null}
        {col.final ? (
          <Tag color="green" data-testid="cmp-head-final">
            {t('reviewUi.compare.final')}
          </Tag>
        ) : null}
      </div>
      <Space size={4} wrap>
        <TaskTag status={taskStatus(s.status, s.revision)} />
        {col.result ? (
          <>
            <span className="review-num cmp-head-total" data-testid="cmp-head-total">
              {t('reviewUi.points', { points: pts(col.result.total) })}
            </span>
            <GradeTag grade={col.result.grade} bandIndex={col.result.bandIndex} />
          </>
        ) : null}
      </Space>
      {s.submittedAt ? (
        <div className="review-sub">
          {t('reviewUi.compare.submittedAt', { time: dateTime(s.submittedAt) })}
        </div>
      ) : null}
      {s.returnedReason ? (
        <div className="cmp-returned" data-testid="cmp-head-returned">
          {t('reviewUi.compare.returnedReason', { reason: s.returnedReason })}
        </div>
      ) : null}
      <Space size={4} className="cmp-head-actions">
        {counting && canReturn && s.status === 'submitted' ? (
          <Button
            size="small"
            icon={<RollbackOutlined />}
            onClick={() => onReturn(s)}
            data-testid="sheet-return"
          >
            {t('reviewUi.compare.return')}
          </Button>
        ) : null}
        <Button
          size="small"
          icon={<HistoryOutlined />}
          onClick={() => onVersions(s)}
          data-testid="sheet-versions"
        >
          {t('reviewUi.compare.versions')}
        </Button>
      </Space>
    </div>
  );
}

export function CompareTable({
  attempted,
  compact,
  canReturn,
  onReturn,
  onVersions,
}: {
  attempted: boolean;
  /** Only rows some sheet (or the arbiter's) records something on; the rest folded. */
  compact: boolean;
  canReturn: boolean;
  onReturn: (s: Sheet) => void;
  onVersions: (s: Sheet) => void;
}) {
  const { t } = useTranslation();
  const entryLabels = useMemo(
    () => ({
      occurrences: t('reviewUi.entry.occurrencesLabel'),
      defects: t('reviewUi.entry.defectsLabel'),
      missing: t('reviewUi.entry.missing'),
      amount: t('reviewUi.entry.amountLabel'),
      na: t('reviewUi.entry.na'),
    }),
    [t],
  );
  const { data, mode, findings, baseSheetId, setFindings } = useFileReview(
    useShallow((s) => ({
      data: s.data!,
      mode: s.mode,
      findings: s.findings,
      baseSheetId: s.baseSheetId,
      setFindings: s.setFindings,
    })),
  );
  const tpl = data.template.content;
  const baseFindings = useMemo(
    () =>
      mode === 'reconciled'
        ? (data.sheets.find((s) => s.id === baseSheetId)?.content.findings ?? NONE)
        : NONE,
    [mode, data, baseSheetId],
  );
  const changed = useMemo(
    () => (mode === 'reconciled' ? changedKeys(tpl, baseFindings, findings) : NONE_KEYS),
    [mode, tpl, baseFindings, findings],
  );
  const cols = columnsOf(tpl, data.sheets, data.result.keptSheetId);
  const editing = mode === 'reconciled' || mode === 'arbiter';
  const draft = new Map(findings.map((f) => [keyOf(f), f]));
  const draftOutcome = editing ? outcomeOf(tpl, findings) : null;
  const draftResult = draftOutcome && 'result' in draftOutcome ? draftOutcome.result : null;
  const changedSet = new Set(changed);
  const width = 1 + cols.length + (editing ? 1 : 0);

  /** "采用" on an evaluator's cell: takes that sheet's finding for the row into the draft. */
  const take = (col: Column, key: string) =>
    editing && col.sheet.kind !== 'reconciled' && col.sheet.kind !== 'arbiter' ? (
      (draft.get(key) ? JSON.stringify(draft.get(key)) : '') !==
      (col.findings.get(key) ? JSON.stringify(col.findings.get(key)) : '') ? (
        <Button
          type="link"
          size="small"
          className="cmp-take"
          onClick={() => setFindings((fs) => withCopy(fs, key, col.findings.get(key)))}
          data-testid="cmp-take"
        >
          {t('reviewUi.compare.take')}
        </Button>
      ) : null
    ) : null;

  const markRow = (kind: 'veto' | 'bonus', code: string, label: ReactNode) => {
    const key = keyOf({ kind, code });
    const diff = differs(cols, key, null);
    const mine = draft.get(key);
    return (
      <tr
        key={key}
        className={diff ? 'cmp-diff' : ''}
        {...dataAttrs({ 'data-testid': 'cmp-row', 'data-key': key, 'data-diff': String(diff) })}
      >
        <td className="cmp-label">{label}</td>
        {cols.map((c) => {
          const f = c.findings.get(key);
          return (
            <td key={c.sheet.id} className="cmp-cell" data-testid="cmp-cell">
              {f ? (
                <>
                  <Tag color={kind === 'veto' ? 'red' : 'green'} data-testid="cmp-mark">
                    {t(kind === 'veto' ? 'reviewUi.compare.vetoHit' : 'reviewUi.compare.bonusHit')}
                  </Tag>
                  <FindingNote f={f} />
                </>
              ) : (
                <span className="cmp-none">—</span>
              )}
              {take(c, key)}
            </td>
          );
        })}
        {editing ? (
          <td className={changedSet.has(key) ? 'cmp-edit cmp-edit-changed' : 'cmp-edit'}>
            <Checkbox
              checked={!!mine}
              onChange={(e) =>
                setFindings((fs) => withMark(fs, kind, code, e.target.checked, baseFindings))
              }
              data-testid={kind === 'veto' ? 'draft-veto' : 'draft-bonus'}
            >
              {t(kind === 'veto' ? 'reviewUi.compare.vetoHit' : 'reviewUi.compare.bonusHit')}
            </Checkbox>
            <DraftTexts
              findingKey={key}
              finding={mine}
              changed={changedSet.has(key)}
              attempted={attempted}
            />
          </td>
        ) : null}
      </tr>
    );
  };

  const itemRow = (item: Item) => {
    const key = keyOf({ kind: 'item', code: item.code });
    const diff = differs(cols, key, item.code);
    const mine = draft.get(key);
    const mineScore = draftResult?.items.find((i) => i.code === item.code);
    const problems = editing ? itemProblems(tpl, item, mine) : [];
    return (
      <tr
        key={key}
        className={diff ? 'cmp-diff' : ''}
        {...dataAttrs({ 'data-testid': 'cmp-row', 'data-key': key, 'data-diff': String(diff) })}
      >
        <td className="cmp-label">
          <div>
            <Typography.Text strong>{item.code}</Typography.Text> {item.text}
          </div>
          <div className="review-sub">
            {t('reviewUi.compare.max', { points: pts(item.max) })}
            {t('reviewUi.factSeparator')}
            {ruleText(item)}
          </div>
        </td>
        {cols.map((c) => {
          const f = c.findings.get(key);
          const s = c.result?.items.find((i) => i.code === item.code);
          return (
            <td key={c.sheet.id} className="cmp-cell" data-testid="cmp-cell">
              {s && s.deducted > 0 ? (
                <div>
                  <span className="cmp-deducted" data-testid="cmp-deducted">
                    −{pts(s.deducted)}
                  </span>{' '}
                  <Typography.Text type="secondary">{entryText(item, f)}</Typography.Text>
                </div>
              ) : f && f.kind === 'item' && f.na ? (
                <Typography.Text type="secondary">{entryText(item, f)}</Typography.Text>
              ) : (
                <span className="cmp-none">—</span>
              )}
              <FindingNote f={f} />
              {take(c, key)}
            </td>
          );
        })}
        {editing ? (
          <td className={changedSet.has(key) ? 'cmp-edit cmp-edit-changed' : 'cmp-edit'}>
            <div className="cmp-edit-entry">
              <ItemEntryControls
                item={item}
                entry={entryOf(mine)}
                onChange={(e) => setFindings((fs) => withEntry(fs, item.code, e, baseFindings))}
                labels={entryLabels}
                testPrefix="draft"
              />
              <span
                className={mineScore && mineScore.deducted ? 'cmp-deducted' : 'cmp-none review-num'}
                data-testid="draft-item-deducted"
              >
                {mineScore && mineScore.deducted ? `−${pts(mineScore.deducted)}` : ''}
              </span>
            </div>
            {problems.map((p) => (
              <div key={p.key} className="cmp-problem" data-testid="draft-item-problem">
                {tr(p.key, p.params)}
              </div>
            ))}
            <DraftTexts
              findingKey={key}
              finding={mine}
              changed={changedSet.has(key)}
              attempted={attempted}
            />
          </td>
        ) : null}
      </tr>
    );
  };

  const shown = (key: string) =>
    !compact || draft.has(key) || changedSet.has(key) || cols.some((c) => c.findings.has(key));
  /** The line that says how many rows of a group are folded (compact view). */
  const visible = (keys: readonly string[]) => {
    const hidden = keys.filter((k) => !shown(k)).length;
    return hidden ? (
      <tr className="cmp-hidden" data-testid="cmp-hidden">
        <td colSpan={width}>{t('reviewUi.compare.hidden', { count: hidden })}</td>
      </tr>
    ) : null;
  };

  const scoreCells = (pick: (r: ScoreResult) => ReactNode) => (
    <>
      {cols.map((c) => (
        <td key={c.sheet.id} className="cmp-sum-cell">
          {c.result ? pick(c.result) : <span className="cmp-none">—</span>}
        </td>
      ))}
      {editing ? (
        <td className="cmp-sum-cell cmp-edit">
          {draftResult ? pick(draftResult) : <span className="cmp-none">—</span>}
        </td>
      ) : null}
    </>
  );

  return (
    <div className="cmp-wrap">
      <table
        className="cmp-table"
        data-testid="compare-table"
        style={{ minWidth: 280 + cols.length * 200 + (editing ? 320 : 0) }}
      >
        <colgroup>
          <col style={{ width: 280 }} />
          {cols.map((c) => (
            <col key={c.sheet.id} />
          ))}
          {editing ? <col style={{ width: 320 }} /> : null}
        </colgroup>
        <thead>
          <tr>
            <th>{t('reviewUi.compare.item')}</th>
            {cols.map((c) => (
              <th key={c.sheet.id} className={c.final ? 'cmp-final' : ''}>
                <SheetHead
                  col={c}
                  canReturn={canReturn}
                  onReturn={onReturn}
                  onVersions={onVersions}
                />
              </th>
            ))}
            {editing ? (
              <th className="cmp-edit" data-testid="cmp-edit-head">
                <div className="cmp-head-name">
                  {t(
                    mode === 'reconciled'
                      ? 'reviewUi.compare.draftReconciled'
                      : 'reviewUi.compare.draftArbiter',
                  )}
                </div>
                {draftResult ? (
                  <Space size={4}>
                    <span className="review-num cmp-head-total" data-testid="draft-head-total">
                      {t('reviewUi.points', { points: pts(draftResult.total) })}
                    </span>
                    <GradeTag grade={draftResult.grade} bandIndex={draftResult.bandIndex} />
                  </Space>
                ) : null}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {tpl.vetoItems.length ? (
            <>
              <tr className="cmp-section">
                <td colSpan={width}>{t('reviewUi.compare.vetoTitle')}</td>
              </tr>
              {tpl.vetoItems
                .filter((v) => shown(keyOf({ kind: 'veto', code: v.code })))
                .map((v) =>
                  markRow(
                    'veto',
                    v.code,
                    <>
                      <div>
                        <Typography.Text strong>{v.code}</Typography.Text> {v.text}
                      </div>
                      <div className="review-sub">{t(`standards.effects.${v.effect}`)}</div>
                    </>,
                  ),
                )}
              {visible(tpl.vetoItems.map((v) => keyOf({ kind: 'veto', code: v.code })))}
            </>
          ) : null}
          {tpl.categories.map((cat) => (
            <Fragment key={cat.code}>
              <tr className="cmp-section" data-testid="cmp-category" data-code={cat.code}>
                <td>
                  {cat.code} {cat.name}
                  <span className="review-sub">
                    {' '}
                    {t('reviewUi.compare.max', { points: pts(cat.max) })}
                  </span>
                </td>
                {scoreCells((r) => {
                  const s = r.categories.find((x) => x.code === cat.code);
                  return s ? (
                    <span className="review-num">
                      {t('reviewUi.compare.of', { score: pts(s.score), max: pts(s.max) })}
                    </span>
                  ) : null;
                })}
              </tr>
              {cat.items.filter((i) => shown(keyOf({ kind: 'item', code: i.code }))).map(itemRow)}
              {visible(cat.items.map((i) => keyOf({ kind: 'item', code: i.code })))}
            </Fragment>
          ))}
          {tpl.bonus.enabled && tpl.bonus.items.length ? (
            <>
              <tr className="cmp-section">
                <td colSpan={width}>
                  {t('reviewUi.compare.bonusTitle', { cap: pts(tpl.bonus.cap) })}
                </td>
              </tr>
              {tpl.bonus.items
                .filter((b) => shown(keyOf({ kind: 'bonus', code: b.code })))
                .map((b) =>
                  markRow(
                    'bonus',
                    b.code,
                    <div>
                      <Typography.Text strong>{b.code}</Typography.Text> {b.text}（+{pts(b.points)}
                      ）
                    </div>,
                  ),
                )}
              {visible(tpl.bonus.items.map((b) => keyOf({ kind: 'bonus', code: b.code })))}
            </>
          ) : null}
          <tr className="cmp-sum">
            <td>{t('reviewUi.compare.subtotal')}</td>
            {scoreCells((r) => (
              <span className="review-num">{pts(r.subtotal)}</span>
            ))}
          </tr>
          {tpl.bonus.enabled ? (
            <tr className="cmp-sum">
              <td>{t('reviewUi.compare.bonus')}</td>
              {scoreCells((r) => (
                <span className="review-num">+{pts(r.bonus)}</span>
              ))}
            </tr>
          ) : null}
          <tr className="cmp-sum cmp-total" data-testid="cmp-total-row">
            <td>{t('reviewUi.compare.total')}</td>
            {scoreCells((r) => (
              <Space size={4} wrap>
                <span className="review-num cmp-total-value" data-testid="cmp-total">
                  {pts(r.total)}
                </span>
                <GradeTag grade={r.grade} bandIndex={r.bandIndex} />
                {r.vetoHits.length ? (
                  <Tooltip title={t('reviewUi.compare.vetoApplied')}>
                    <Tag color="red">{r.vetoHits.map((h) => h.code).join(' ')}</Tag>
                  </Tooltip>
                ) : null}
              </Space>
            ))}
          </tr>
          {cols.some((c) => c.sheet.content.comments || c.sheet.content.highlights) ? (
            <tr className="cmp-notes">
              <td>{t('reviewUi.compare.comments')}</td>
              {cols.map((c) => (
                <td key={c.sheet.id} className="cmp-cell">
                  {c.sheet.content.comments ? <div>{c.sheet.content.comments}</div> : null}
                  {c.sheet.content.highlights ? (
                    <div className="cmp-highlights">
                      {t('reviewUi.compare.highlights', { text: c.sheet.content.highlights })}
                    </div>
                  ) : null}
                </td>
              ))}
              {editing ? <td className="cmp-edit" /> : null}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
