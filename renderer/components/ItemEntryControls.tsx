// What was found on one deduction item, as compact inputs by the item's mode: occurrences
// (per_occurrence), missing and defects (fixed), points (range), and 不适用 where the item allows
// it. The standards editor's try-it pane and the 复核 arbiter's column use it; the scoring screen
// has its own, larger controls with steppers.
import { Checkbox, InputNumber, Space, Typography } from 'antd';
import type { Item } from '../../core/standards/model';

/** An entry on an item: occurrences/defects, missing, amount (tenths of a point), n/a. */
export interface ItemEntry {
  count?: number | undefined;
  missing?: boolean | undefined;
  /** Tenths of a point. */
  amount?: number | undefined;
  na?: boolean | undefined;
}

export interface ItemEntryLabels {
  occurrences: string;
  defects: string;
  missing: string;
  amount: string;
  na: string;
}

/** How a number of points reads in a field: 40, 2.5 (not 40.0, as a 0.5 step would make it). */
export function pointsFormatter(
  value: number | string | undefined,
  info: { userTyping: boolean; input: string },
): string {
  if (info.userTyping) return info.input;
  if (value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : String(value);
}

export function ItemEntryControls({
  item,
  entry,
  onChange,
  labels,
  testPrefix,
  gap = 8,
}: {
  item: Item;
  entry: ItemEntry;
  onChange: (e: ItemEntry) => void;
  labels: ItemEntryLabels;
  /** Test ids are `${testPrefix}-count`, `-missing`, `-amount`, `-na`. */
  testPrefix: string;
  gap?: number;
}) {
  const na = item.naFullMarks ? (
    <Checkbox
      checked={!!entry.na}
      onChange={(e) => onChange({ ...entry, na: e.target.checked })}
      data-testid={`${testPrefix}-na`}
    >
      {labels.na}
    </Checkbox>
  ) : null;
  const count = (label: string) => (
    <Space size={4}>
      <InputNumber<number>
        size="small"
        value={entry.count ?? null}
        min={0}
        precision={0}
        style={{ width: 72 }}
        onChange={(v) => onChange({ ...entry, count: v ?? undefined })}
        data-testid={`${testPrefix}-count`}
        aria-label={label}
      />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Space>
  );
  switch (item.mode) {
    case 'per_occurrence':
      return (
        <Space size={gap} wrap>
          {count(labels.occurrences)}
          {na}
        </Space>
      );
    case 'fixed':
      return (
        <Space size={gap} wrap>
          <Checkbox
            checked={!!entry.missing}
            onChange={(e) => onChange({ ...entry, missing: e.target.checked })}
            data-testid={`${testPrefix}-missing`}
          >
            {labels.missing}
          </Checkbox>
          {item.partialUnit ? count(labels.defects) : null}
          {na}
        </Space>
      );
    case 'range':
      return (
        <Space size={gap} wrap>
          <Space size={4}>
            <InputNumber<number>
              size="small"
              value={entry.amount === undefined ? null : entry.amount / 10}
              min={0}
              step={0.5}
              formatter={pointsFormatter}
              style={{ width: 80 }}
              onChange={(v) =>
                onChange({ ...entry, amount: v === null ? undefined : Math.round(v * 10) })
              }
              data-testid={`${testPrefix}-amount`}
              aria-label={labels.amount}
            />
            <Typography.Text type="secondary">{labels.amount}</Typography.Text>
          </Space>
          {na}
        </Space>
      );
  }
}
