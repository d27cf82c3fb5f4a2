// The right pane of the scoring screen: the pinned template as a form. Veto items (checkbox and
// the reason), the categories with their items (each according to its deduction mode), bonus
// items when the template has them, free comments and 亮点. Scores shown beside each item and
// category are the scoring function's (core `score`), computed by the page from the same findings.
import { EyeOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { SheetContent } from '../../../core/scoring/schemas';
import { describeRule } from '../../../core/standards/describe';
import type { Item, TemplateContent, VetoItem } from '../../../core/standards/model';
import {
  itemDeduction,
  type ScoreResult,
  type ScoringProblem,
} from '../../../core/standards/score';
import { tr } from '../../i18n/errors';
import {
  exhausted,
  findingOf,
  mostOccurrences,
  patchItem,
  patchMark,
  rangeAmounts,
  rowKey,
  toggleMark,
  type ItemFinding,
  type ItemPatch,
  type NotePatch,
} from './findings';
import { pts } from './format';
import { useSheet } from './sheet-store';
import { tagLabel, useTags } from './tag-vocabulary';

type BonusItem = TemplateContent['bonus']['items'][number];

function ruleText(item: Item): string {
  return describeRule(item)
    .map((r) => tr(r.key, r.params))
    .join(tr('standards.rules.separator'));
}

/** DOM ids of a row and of its reason field, for the keyboard and for jumping to problems. */
export const rowId = (key: string) => `sheet-row-${key.replace(':', '-')}`;
export const reasonId = (key: string) => `sheet-reason-${key.replace(':', '-')}`;

// ---- shared pieces -----------------------------------------------------------------------------

function Stepper({
  value,
  onChange,
  max,
  disabled,
  label,
}: {
  value: number;
  onChange: (n: number) => void;
  max: number | null;
  disabled: boolean;
  label: string;
}) {
  const atMax = max !== null && value >= max;
  return (
    <Space.Compact size="small" className="sheet-stepper">
      <Button
        icon={<MinusOutlined />}
        disabled={disabled || value <= 0}
        onClick={() => onChange(Math.max(0, value - 1))}
        aria-label="−"
        data-testid="item-dec"
        tabIndex={-1}
      />
      <InputNumber<number>
        value={value}
        min={0}
        max={max ?? 10_000}
        precision={0}
        controls={false}
        disabled={disabled}
        onChange={(v) => onChange(v ?? 0)}
        style={{ width: 46, textAlign: 'center' }}
        data-testid="item-count"
        aria-label={label}
      />
      <Button
        icon={<PlusOutlined />}
        disabled={disabled || atMax}
        onClick={() => onChange(value + 1)}
        aria-label="+"
        data-testid="item-inc"
        tabIndex={-1}
      />
    </Space.Compact>
  );
}

/** The first page number a 第X页 field names ("3、5" → 3, "12-14" → 12), or null. */
export function firstPageOf(pages: string): number | null {
  const m = /\d+/.exec(pages);
  const n = m ? Number(m[0]) : 0;
  return n >= 1 && n <= 100_000 ? n : null;
}

function Notes({
  rowKeyValue,
  reason,
  pages,
  tags,
  linkedTags,
  reasonPlaceholder,
  reasonStatus,
  readOnly,
  onPatch,
  testPrefix,
}: {
  rowKeyValue: string;
  reason: string;
  pages: string;
  tags: string[];
  linkedTags: string[];
  reasonPlaceholder: string;
  reasonStatus: '' | 'warning' | 'error';
  readOnly: boolean;
  onPatch: (p: NotePatch) => void;
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const vocabulary = useTags();
  const showPage = useSheet((st) => st.showPage);
  const firstPage = firstPageOf(pages);
  const options = useMemo(() => {
    const { names } = vocabulary;
    const linked = new Set(linkedTags);
    // Inactive tags are offered no more, but a finding that already carries one keeps it.
    const other = vocabulary.tags.filter((g) => g.active && !linked.has(g.code)).map((g) => g.code);
    const offered = new Set(other);
    const extra = tags.filter((c) => !linked.has(c) && !offered.has(c));
    return [
      {
        label: t('tasksUi.form.tagsLinked'),
        options: linkedTags.map((c) => ({ value: c, label: tagLabel(names, c) })),
      },
      {
        label: t('tasksUi.form.tagsOther'),
        options: [...extra, ...other].map((c) => ({ value: c, label: tagLabel(names, c) })),
      },
    ].filter((g) => g.options.length);
  }, [linkedTags, tags, t, vocabulary]);
  return (
    <div className="sheet-notes" onClick={(e) => e.stopPropagation()}>
      <Input.TextArea
        id={reasonId(rowKeyValue)}
        value={reason}
        placeholder={readOnly ? undefined : reasonPlaceholder}
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={2000}
        readOnly={readOnly}
        status={reasonStatus}
        onChange={(e) => onPatch({ reason: e.target.value })}
        data-testid={`${testPrefix}-reason`}
        aria-label={t('tasksUi.form.reason')}
      />
      <div className="sheet-notes-line">
        <Input
          value={pages}
          prefix={t('tasksUi.form.pagesPrefix')}
          suffix={t('tasksUi.form.pagesSuffix')}
          placeholder={readOnly ? undefined : t('tasksUi.form.pagesPlaceholder')}
          maxLength={100}
          readOnly={readOnly}
          onChange={(e) => onPatch({ pages: e.target.value })}
          className="sheet-pages"
          data-testid={`${testPrefix}-pages`}
          aria-label={t('tasksUi.form.pages')}
        />
        {firstPage === null ? null : (
          <Tooltip title={t('tasksUi.form.showPage', { page: firstPage })}>
            <Button
              icon={<EyeOutlined />}
              onClick={() => showPage(firstPage)}
              aria-label={t('tasksUi.form.showPage', { page: firstPage })}
              data-testid={`${testPrefix}-show-page`}
            />
          </Tooltip>
        )}
        <Select
          mode="multiple"
          value={tags}
          options={options}
          disabled={readOnly}
          allowClear
          maxTagCount="responsive"
          placeholder={
            readOnly
              ? undefined
              : linkedTags.length
                ? t('tasksUi.form.tagsDefault', { tags: linkedTags.join('、') })
                : t('tasksUi.form.tagsNone')
          }
          onChange={(v: string[]) => onPatch({ tags: v.slice(0, 30) })}
          className="sheet-tags"
          data-testid={`${testPrefix}-tags`}
          aria-label={t('tasksUi.form.tags')}
          popupMatchSelectWidth={360}
          optionFilterProp="label"
        />
      </div>
    </div>
  );
}

// ---- items -------------------------------------------------------------------------------------

interface ItemRowProps {
  item: Item;
  finding: ItemFinding | undefined;
  score: number | null;
  focused: boolean;
  readOnly: boolean;
  /** A submit attempt listed this item's missing reason. */
  flagged: boolean;
  onPatch: (code: string, patch: ItemPatch) => void;
  onFocus: (key: string) => void;
}

const ItemRow = memo(function ItemRow({
  item,
  finding: f,
  score,
  focused,
  readOnly,
  flagged,
  onPatch,
  onFocus,
}: ItemRowProps) {
  const { t } = useTranslation();
  const key = rowKey('item', item.code);
  const { deducted, problems } = f ? itemDeduction(item, f) : { deducted: 0, problems: [] };
  const na = !!f?.na;
  const lock = readOnly || na;
  const patch = (p: ItemPatch) => onPatch(item.code, p);
  const missingReason = deducted > 0 && !f?.reason.trim();
  const showNotes =
    (focused && !readOnly) || deducted > 0 || !!f?.reason || !!f?.pages || !!f?.tags.length;
  const most = mostOccurrences(item);

  let entry: React.ReactNode;
  switch (item.mode) {
    case 'per_occurrence':
      entry = (
        <Space size={4}>
          <Stepper
            value={f?.count ?? 0}
            max={most}
            disabled={lock}
            onChange={(count) => patch({ count })}
            label={t('tasksUi.form.occurrences')}
          />
          <span className="sheet-unit">{t('tasksUi.form.occurrences')}</span>
        </Space>
      );
      break;
    case 'fixed':
      entry = (
        <Space size={8} wrap>
          <Space size={4}>
            <Switch
              size="small"
              checked={!!f?.missing}
              disabled={lock}
              onChange={(missing) => patch({ missing, count: missing ? undefined : f?.count })}
              data-testid="item-missing"
            />
            <span className="sheet-unit">{t('tasksUi.form.missing')}</span>
          </Space>
          {item.partialUnit ? (
            <Space size={4}>
              <Stepper
                value={f?.count ?? 0}
                max={null}
                disabled={lock || !!f?.missing}
                onChange={(count) => patch({ count })}
                label={t('tasksUi.form.defects')}
              />
              <span className="sheet-unit">{t('tasksUi.form.defects')}</span>
            </Space>
          ) : null}
        </Space>
      );
      break;
    case 'range':
      entry = (
        <Select<number>
          size="small"
          value={f?.amount ?? 0}
          disabled={lock}
          style={{ width: 112 }}
          onChange={(amount) => patch({ amount: amount || undefined })}
          data-testid="item-amount"
          options={[
            { value: 0, label: t('tasksUi.form.noDeduction') },
            ...rangeAmounts(item).map((a) => ({
              value: a,
              label: t('tasksUi.form.deductAmount', { points: pts(a) }),
            })),
          ]}
        />
      );
      break;
  }

  return (
    <div
      id={rowId(key)}
      className={[
        'sheet-row',
        focused ? 'sheet-row-focused' : '',
        deducted > 0 ? 'sheet-row-deducted' : '',
        na ? 'sheet-row-na' : '',
      ].join(' ')}
      data-testid="sheet-item"
      data-code={item.code}
      data-focused={focused ? 'true' : 'false'}
      onClick={() => onFocus(key)}
      onFocusCapture={() => onFocus(key)}
    >
      <div className="sheet-row-main">
        <span className="sheet-code">{item.code}</span>
        <div className="sheet-text">
          <div>{item.text}</div>
          <div className="sheet-rule">{ruleText(item)}</div>
        </div>
        <div className="sheet-entry" onClick={(e) => e.stopPropagation()}>
          {entry}
          {item.naFullMarks ? (
            <Checkbox
              checked={na}
              disabled={readOnly}
              onChange={(e) =>
                patch(
                  e.target.checked
                    ? { na: true, count: undefined, missing: undefined, amount: undefined }
                    : { na: false },
                )
              }
              data-testid="item-na"
            >
              {t('tasksUi.form.na')}
            </Checkbox>
          ) : null}
          {f && exhausted(item, f) && item.mode !== 'range' ? (
            <Tag color="orange" className="sheet-exhausted">
              {t('tasksUi.form.exhausted')}
            </Tag>
          ) : null}
        </div>
        <div className="sheet-score" data-testid="item-score" data-score={score ?? ''}>
          <span className={deducted > 0 ? 'sheet-score-lost' : ''}>
            {score === null ? '—' : pts(score)}
          </span>
          <span className="sheet-score-max"> / {pts(item.max)}</span>
        </div>
      </div>
      {problems.map((p: ScoringProblem, i) => (
        <div key={`${p.key}-${i}`} className="sheet-problem" data-testid="item-problem">
          {tr(p.key, p.params)}
        </div>
      ))}
      {showNotes ? (
        <Notes
          rowKeyValue={key}
          reason={f?.reason ?? ''}
          pages={f?.pages ?? ''}
          tags={f?.tags ?? []}
          linkedTags={item.tags}
          reasonPlaceholder={t('tasksUi.form.reasonPlaceholder')}
          reasonStatus={missingReason ? (flagged ? 'error' : 'warning') : ''}
          readOnly={readOnly}
          onPatch={patch}
          testPrefix="item"
        />
      ) : null}
      {missingReason && flagged ? (
        <div className="sheet-problem">{t('tasksUi.form.reasonRequired')}</div>
      ) : null}
    </div>
  );
});

// ---- veto and bonus items ----------------------------------------------------------------------

interface MarkRowProps {
  kind: 'veto' | 'bonus';
  mark: VetoItem | BonusItem;
  finding: { reason: string; pages: string; tags: string[] } | undefined;
  focused: boolean;
  readOnly: boolean;
  flagged: boolean;
  onToggle: (kind: 'veto' | 'bonus', code: string, on: boolean) => void;
  onPatch: (kind: 'veto' | 'bonus', code: string, patch: NotePatch) => void;
  onFocus: (key: string) => void;
}

const MarkRow = memo(function MarkRow({
  kind,
  mark,
  finding: f,
  focused,
  readOnly,
  flagged,
  onToggle,
  onPatch,
  onFocus,
}: MarkRowProps) {
  const { t } = useTranslation();
  const key = rowKey(kind, mark.code);
  const on = !!f;
  const missingReason = on && !f.reason.trim();
  return (
    <div
      id={rowId(key)}
      className={[
        'sheet-row',
        focused ? 'sheet-row-focused' : '',
        on ? (kind === 'veto' ? 'sheet-row-veto' : 'sheet-row-bonus') : '',
      ].join(' ')}
      data-testid={`sheet-${kind}`}
      data-code={mark.code}
      data-checked={on ? 'true' : 'false'}
      data-focused={focused ? 'true' : 'false'}
      onClick={() => onFocus(key)}
      onFocusCapture={() => onFocus(key)}
    >
      <div className="sheet-row-main">
        <Checkbox
          checked={on}
          disabled={readOnly}
          onChange={(e) => onToggle(kind, mark.code, e.target.checked)}
          onClick={(e) => e.stopPropagation()}
          data-testid={`${kind}-check`}
          className="sheet-mark-check"
        >
          <span className="sheet-code">{mark.code}</span>
        </Checkbox>
        <div className="sheet-text">
          <div>{mark.text}</div>
          <div className="sheet-rule">
            {'effect' in mark
              ? t(`standards.effects.${mark.effect}`)
              : `+${pts((mark as BonusItem).points)}`}
          </div>
        </div>
      </div>
      {on ? (
        <Notes
          rowKeyValue={key}
          reason={f.reason}
          pages={f.pages}
          tags={f.tags}
          linkedTags={mark.tags}
          reasonPlaceholder={
            kind === 'veto'
              ? t('tasksUi.form.vetoReasonPlaceholder')
              : t('tasksUi.form.bonusReasonPlaceholder')
          }
          reasonStatus={missingReason ? (flagged ? 'error' : 'warning') : ''}
          readOnly={readOnly}
          onPatch={(p) => onPatch(kind, mark.code, p)}
          testPrefix={kind}
        />
      ) : null}
      {missingReason && flagged ? (
        <div className="sheet-problem">{t('tasksUi.form.reasonRequired')}</div>
      ) : null}
    </div>
  );
});

// ---- the form ----------------------------------------------------------------------------------

/** Row keys a submit attempt flagged (reason missing), from its problems. */
export function flaggedRows(problems: ScoringProblem[] | null): Set<string> {
  const out = new Set<string>();
  for (const p of problems ?? []) {
    const code = String(p.params.code ?? '');
    if (p.key === 'scoring.submit.vetoReasonRequired') out.add(rowKey('veto', code));
    else if (p.key === 'scoring.submit.bonusReasonRequired') out.add(rowKey('bonus', code));
    else out.add(rowKey('item', code));
  }
  return out;
}

export function SheetForm({
  template,
  content,
  result,
  readOnly,
}: {
  template: TemplateContent;
  content: SheetContent;
  result: ScoreResult | null;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { edit, focus, setFocus, problems } = useSheet(
    useShallow((s) => ({
      edit: s.edit,
      focus: s.focus,
      setFocus: s.setFocus,
      problems: s.problems,
    })),
  );
  const flagged = useMemo(() => flaggedRows(problems), [problems]);
  const itemScores = useMemo(
    () => new Map((result?.items ?? []).map((i) => [i.code, i.score])),
    [result],
  );

  const onItem = useCallback(
    (code: string, patch: ItemPatch) => edit((c) => patchItem(template, c, code, patch)),
    [edit, template],
  );
  const onToggle = useCallback(
    (kind: 'veto' | 'bonus', code: string, on: boolean) =>
      edit((c) => toggleMark(template, c, kind, code, on)),
    [edit, template],
  );
  const onMark = useCallback(
    (kind: 'veto' | 'bonus', code: string, patch: NotePatch) =>
      edit((c) => patchMark(template, c, kind, code, patch)),
    [edit, template],
  );

  return (
    <div className="sheet-form" data-testid="sheet-form">
      {template.vetoItems.length ? (
        <Card
          size="small"
          className="sheet-card sheet-card-veto"
          title={t('tasksUi.form.veto')}
          extra={<span className="sheet-card-help">{t('tasksUi.form.vetoHelp')}</span>}
        >
          {template.vetoItems.map((v) => (
            <MarkRow
              key={v.code}
              kind="veto"
              mark={v}
              finding={findingOf(content, 'veto', v.code)}
              focused={focus === rowKey('veto', v.code)}
              readOnly={readOnly}
              flagged={flagged.has(rowKey('veto', v.code))}
              onToggle={onToggle}
              onPatch={onMark}
              onFocus={setFocus}
            />
          ))}
        </Card>
      ) : null}
      {template.categories.map((c) => {
        const cat = result?.categories.find((x) => x.code === c.code);
        return (
          <Card
            key={c.code}
            size="small"
            className="sheet-card"
            data-testid="sheet-category"
            data-code={c.code}
            title={
              <span>
                {c.code} {c.name}
              </span>
            }
            extra={
              <span
                className="sheet-category-score"
                data-testid="category-score"
                data-score={cat?.score ?? ''}
              >
                {t('tasksUi.form.categoryScore', {
                  score: cat ? pts(cat.score) : '—',
                  max: pts(c.max),
                })}
              </span>
            }
          >
            {c.items.map((i) => (
              <ItemRow
                key={i.code}
                item={i}
                finding={findingOf(content, 'item', i.code)}
                score={itemScores.get(i.code) ?? null}
                focused={focus === rowKey('item', i.code)}
                readOnly={readOnly}
                flagged={flagged.has(rowKey('item', i.code))}
                onPatch={onItem}
                onFocus={setFocus}
              />
            ))}
          </Card>
        );
      })}
      {template.bonus.enabled && template.bonus.items.length ? (
        <Card
          size="small"
          className="sheet-card"
          title={t('tasksUi.form.bonus')}
          extra={
            <span className="sheet-card-help">
              {t('tasksUi.form.bonusCap', { cap: pts(template.bonus.cap) })}
            </span>
          }
        >
          {template.bonus.items.map((b) => (
            <MarkRow
              key={b.code}
              kind="bonus"
              mark={b}
              finding={findingOf(content, 'bonus', b.code)}
              focused={focus === rowKey('bonus', b.code)}
              readOnly={readOnly}
              flagged={flagged.has(rowKey('bonus', b.code))}
              onToggle={onToggle}
              onPatch={onMark}
              onFocus={setFocus}
            />
          ))}
        </Card>
      ) : null}
      <Card size="small" className="sheet-card" title={t('tasksUi.form.notes')}>
        <div className="sheet-free">
          <label>
            <Typography.Text strong>{t('tasksUi.form.comments')}</Typography.Text>
            <Input.TextArea
              value={content.comments}
              placeholder={t('tasksUi.form.commentsPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 10 }}
              maxLength={4000}
              readOnly={readOnly}
              onChange={(e) => {
                const comments = e.target.value;
                edit((c) => ({ ...c, comments }));
              }}
              data-testid="sheet-comments"
            />
          </label>
          <label>
            <Typography.Text strong>{t('tasksUi.form.highlights')}</Typography.Text>
            <Input.TextArea
              value={content.highlights}
              placeholder={t('tasksUi.form.highlightsPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 10 }}
              maxLength={4000}
              readOnly={readOnly}
              onChange={(e) => {
                const highlights = e.target.value;
                edit((c) => ({ ...c, highlights }));
              }}
              data-testid="sheet-highlights"
            />
          </label>
        </div>
      </Card>
    </div>
  );
}
