// Small pieces shared by the standards screens: points typed and shown as decimals (the model
// keeps integer tenths), local dates, and problems in words.
import { InputNumber } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import type { CaseType } from '../../../core/registry/schemas';
import { describeRule } from '../../../core/standards/describe';
import { formatPoints, type Item, type TemplateContent } from '../../../core/standards/model';
import { tr } from '../../i18n/errors';
import { nodeOfPath, type EditorProblem, type NodeRef } from './content-ops';
import { pointsFormatter } from '../../components/ItemEntryControls';

export const pts = formatPoints;

/** Local date and time of an ISO timestamp. */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';

/** Tenths → the number people type (2.5), and back, rounded to a tenth. */
const toPoints = (tenths: number | undefined) => (tenths === undefined ? null : tenths / 10);
const toTenths = (points: number | null) =>
  points === null || Number.isNaN(points) ? undefined : Math.round(points * 10);

/** A points field: shows decimals in 0.5 steps, holds tenths. No clamping: checks say why. */
export function PointsInput({
  value,
  onChange,
  disabled,
  testId,
  style,
  status,
  placeholder,
}: {
  value: number | undefined;
  onChange: (tenths: number | undefined) => void;
  disabled?: boolean;
  testId?: string;
  style?: CSSProperties;
  status?: 'error' | 'warning' | '';
  placeholder?: string;
}) {
  return (
    <InputNumber<number>
      value={toPoints(value)}
      onChange={(v) => onChange(toTenths(v))}
      step={0.5}
      formatter={pointsFormatter}
      disabled={disabled}
      data-testid={testId}
      style={{ width: 120, ...style }}
      status={status}
      placeholder={placeholder}
      suffix={tr('standardsUi.form.pointsSuffix')}
    />
  );
}

/** An item's rule as the printed standard writes it ("每处扣2分；扣完为止"). */
export function ruleText(item: Item): string {
  return describeRule(item)
    .map((r) => tr(r.key, r.params))
    .join(tr('standards.rules.separator'));
}

/** Case types and procedures a template applies to, in words. */
export function scopeText(
  caseTypes: readonly string[],
  procedures: readonly string[],
  types: readonly CaseType[],
): string {
  const names = new Map(types.map((c) => [c.code, c.name]));
  const parts = [
    ...caseTypes.map((c) => names.get(c) ?? c),
    ...procedures.map((p) => tr(`import.procedures.${p}`)),
  ];
  return parts.join('、');
}

/** Where a problem is, in words: "项目 A3", "基本信息". */
export function nodeLabel(t: TemplateContent, ref: NodeRef): string {
  switch (ref.kind) {
    case 'settings':
      return tr('standardsUi.problems.where.settings');
    case 'vetoGroup':
      return tr('standardsUi.problems.where.vetoGroup');
    case 'bonusGroup':
      return tr('standardsUi.problems.where.bonusGroup');
    case 'veto':
      return tr('standardsUi.problems.where.veto', {
        code: t.vetoItems[ref.index]?.code || `#${ref.index + 1}`,
      });
    case 'bonus':
      return tr('standardsUi.problems.where.bonus', {
        code: t.bonus.items[ref.index]?.code || `#${ref.index + 1}`,
      });
    case 'category':
      return tr('standardsUi.problems.where.category', {
        code: t.categories[ref.index]?.name || `#${ref.index + 1}`,
      });
    case 'item':
      return tr('standardsUi.problems.where.item', {
        code: t.categories[ref.category]?.items[ref.index]?.code || `#${ref.index + 1}`,
      });
  }
}

/** The message alone (for a field's help line). */
export const problemMessage = (p: EditorProblem) => tr(p.key, p.params);

/**
 * The problem in the list: rule problems name their place already ("项目“A3”的…"); schema
 * problems ("必填") get the node and the field in front.
 */
export function problemText(t: TemplateContent, p: EditorProblem): string {
  const message = problemMessage(p);
  if (p.source === 'rule') return message;
  const where = nodeLabel(t, nodeOfPath(p.path));
  const last = p.path
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .pop();
  const known = [
    'code',
    'text',
    'name',
    'max',
    'total',
    'deduct',
    'unit',
    'partialUnit',
    'rangeMin',
    'rangeMax',
    'step',
    'points',
    'items',
    'bands',
    'tags',
    'guidance',
    'description',
    'cap',
    'categories',
  ];
  return last && known.includes(last)
    ? tr('standardsUi.problems.field', {
        where,
        field: tr(`standardsUi.problems.fields.${last}`),
        message,
      })
    : tr('standardsUi.problems.node', { where, message });
}
