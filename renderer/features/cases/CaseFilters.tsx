// The registry's filter bar. Every choice goes to the store, which asks the API again from page 1;
// typed values (free text, amounts) wait until the user pauses.
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  CASE_DATE_FIELDS,
  CASE_STATUSES,
  PROCEDURES,
  type CaseFilter,
} from '../../../core/registry/schemas';
import { fenToYuan, yuanFormatter, yuanParser, yuanToFen } from './format';
import { isFiltered, useCases } from './store';

const TYPING_PAUSE_MS = 300;
type DateField = (typeof CASE_DATE_FIELDS)[number];

function useDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return useCallback(
    (...args: A) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => latest.current(...args), ms);
    },
    [ms],
  );
}

/** A typed value shown at once and sent after a pause; follows the store when it changes there. */
function useTypedValue<T>(stored: T, commit: (v: T) => void) {
  const [value, setValue] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    // Changed elsewhere (cleared filters): show the store's value.
    setSeen(stored);
    setValue(stored);
  }
  const later = useDebounced(commit, TYPING_PAUSE_MS);
  return [
    value,
    (v: T) => {
      setValue(v);
      later(v);
    },
  ] as const;
}

export function CaseFilters() {
  const { t } = useTranslation();
  const { filter, setFilter, resetFilter, caseTypes, departments, years } = useCases(
    useShallow((s) => ({
      filter: s.filter,
      setFilter: s.setFilter,
      resetFilter: s.resetFilter,
      caseTypes: s.caseTypes,
      departments: s.departments,
      years: s.years,
    })),
  );
  const set = (patch: Partial<CaseFilter>) => setFilter(patch);

  const [q, typeQ] = useTypedValue(filter.q ?? '', (v) => set({ q: v || undefined }));
  const [minYuan, typeMin] = useTypedValue(fenToYuan(filter.amountMinFen), (v) =>
    set({ amountMinFen: yuanToFen(v) ?? undefined }),
  );
  const [maxYuan, typeMax] = useTypedValue(fenToYuan(filter.amountMaxFen), (v) =>
    set({ amountMaxFen: yuanToFen(v) ?? undefined }),
  );
  const dateField: DateField = filter.dateField ?? 'decidedOn';
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    filter.dateFrom ? dayjs(filter.dateFrom) : null,
    filter.dateTo ? dayjs(filter.dateTo) : null,
  ];
  const single = <T extends string>(values: T[] | undefined) => values?.[0];

  return (
    <div className="cases-filters" data-testid="cases-filters">
      <div className="cases-filters-row">
        <Input
          className="cases-filter-q"
          allowClear
          prefix={<SearchOutlined style={{ color: '#8a94a6' }} />}
          placeholder={t('registry.filters.q')}
          value={q}
          onChange={(e) => typeQ(e.target.value)}
          onPressEnter={() => set({ q: q || undefined })}
          maxLength={100}
          data-testid="filter-q"
        />
        <Select<string[]>
          className="cases-filter-types"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('registry.filters.caseTypes')}
          value={filter.caseTypes ?? []}
          onChange={(v) => set({ caseTypes: v.length ? v : undefined })}
          options={caseTypes.map((ct) => ({ value: ct.code, label: ct.name }))}
          data-testid="filter-caseTypes"
        />
        <Select
          className="cases-filter-small"
          allowClear
          placeholder={t('registry.filters.procedure')}
          value={single(filter.procedures)}
          onChange={(v?: (typeof PROCEDURES)[number]) => set({ procedures: v ? [v] : undefined })}
          options={PROCEDURES.map((p) => ({ value: p, label: t(`import.procedures.${p}`) }))}
          data-testid="filter-procedure"
        />
        <Select<string[]>
          className="cases-filter-departments"
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('registry.filters.departments')}
          value={filter.departmentIds ?? []}
          onChange={(v) => set({ departmentIds: v.length ? v : undefined })}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          data-testid="filter-departments"
        />
        <Select
          className="cases-filter-small"
          allowClear
          placeholder={t('registry.filters.status')}
          value={single(filter.statuses)}
          onChange={(v?: (typeof CASE_STATUSES)[number]) => set({ statuses: v ? [v] : undefined })}
          options={CASE_STATUSES.map((s) => ({ value: s, label: t(`import.statuses.${s}`) }))}
          data-testid="filter-status"
        />
        <Select<number>
          className="cases-filter-year"
          allowClear
          placeholder={t('registry.filters.year')}
          value={filter.year}
          onChange={(v?: number) => set({ year: v })}
          options={years.map((y) => ({
            value: y,
            label: t('registry.filters.yearItem', { year: y }),
          }))}
          data-testid="filter-year"
        />
      </div>
      <div className="cases-filters-row">
        <Space.Compact>
          <Select<DateField>
            className="cases-filter-datefield"
            aria-label={t('registry.filters.dateField')}
            value={dateField}
            onChange={(v) => set({ dateField: v })}
            options={CASE_DATE_FIELDS.map((f) => ({
              value: f,
              label: t(`import.fields.case.${f}`),
            }))}
            data-testid="filter-dateField"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={range}
            placeholder={[t('registry.filters.dateFrom'), t('registry.filters.dateTo')]}
            onChange={(v) =>
              set({
                dateField,
                dateFrom: v?.[0]?.format('YYYY-MM-DD'),
                dateTo: v?.[1]?.format('YYYY-MM-DD'),
              })
            }
            data-testid="filter-dates"
          />
        </Space.Compact>
        <Space.Compact className="cases-filter-amount">
          <Space.Addon>{t('registry.filters.amount')}</Space.Addon>
          <InputNumber<number>
            min={0}
            precision={2}
            placeholder={t('registry.filters.amountMin')}
            value={minYuan}
            onChange={(v) => typeMin(v)}
            formatter={yuanFormatter}
            parser={yuanParser}
            style={{ width: 130 }}
            data-testid="filter-amountMin"
          />
          <Space.Addon>–</Space.Addon>
          <InputNumber<number>
            min={0}
            precision={2}
            placeholder={t('registry.filters.amountMax')}
            value={maxYuan}
            onChange={(v) => typeMax(v)}
            formatter={yuanFormatter}
            parser={yuanParser}
            style={{ width: 130 }}
            data-testid="filter-amountMax"
          />
          <Space.Addon>{t('registry.filters.yuan')}</Space.Addon>
        </Space.Compact>
        <Button
          icon={<ClearOutlined />}
          disabled={!isFiltered(filter)}
          onClick={resetFilter}
          data-testid="filter-reset"
        >
          {t('registry.filters.reset')}
        </Button>
      </div>
    </div>
  );
}
