// The statistics screen's charts (issue 7 item 3), drawn by ECharts with its SVG renderer from the
// one results model (results.get): the grade distribution, the departments ranked by mean score,
// the problem Pareto chart (bars by frequency, the cumulative share as a line) and the
// evaluators' leniency (mean difference from their co-evaluators, a diverging bar). Each chart
// exports as PNG: its SVG drawn on a white canvas at twice its size.
import { FileImageOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerECharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultTableName } from '../../../core/api/methods/results';
import type { Leniency, LeniencyReading } from '../../../core/results/agreement';
import { saveBytes } from '../../api/download';
import { gradeColor } from '../review/format';
import { XlsxButton } from './exports';
import { MIME } from './format';
import type { Results } from './store';

// Only what these charts draw, so the bundle carries no more of ECharts than that.
registerECharts([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption
>;

type Model = Results['model'];

/** Bar colours of the grade tags (antd's green, blue, gold, red). */
const GRADE_FILLS: Record<string, string> = {
  green: '#52c41a',
  blue: '#1677ff',
  gold: '#d4a017',
  red: '#ff4d4f',
};
const DEPARTMENT_FILL = '#2f6fde';
const PARETO_FILL = '#e8833a';
const PARETO_LINE = '#b8324a';
const LENIENCY_FILLS: Record<LeniencyReading, string> = {
  lenient: '#f08c2e',
  strict: '#3a78d8',
  inLine: '#7f9bb3',
  tooFew: '#c9d1d9',
};
/** Most problem types the Pareto chart shows (the rest are in its XLSX). */
const PARETO_MAX = 20;

/** Fonts that carry Chinese on Windows, macOS and Linux (also inside the exported PNG). */
const FONT =
  "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";
const AXIS = { color: '#4a5568', fontFamily: FONT, fontSize: 12 };

/** The chart as a PNG: its SVG on a white canvas, `scale` times its size on screen. */
export async function chartPng(chart: EChartsType, scale = 2): Promise<Uint8Array> {
  // The SVG on screen, serialised by the browser (attributes escaped as XML wants them).
  const node = chart.getDom().querySelector('svg');
  if (!node) throw new Error('no SVG');
  const svg = new XMLSerializer().serializeToString(node);
  const width = chart.getWidth();
  const height = chart.getHeight();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface ChartCardProps {
  name: 'grades' | 'departments' | 'pareto' | 'leniency';
  title: string;
  option: Option | null;
  height: number;
  /** The fills of the chart's bars (data-bar-fills: what a test counts the bars by). */
  fills: string[];
  bars: number;
  fileName: string;
  table: ResultTableName;
  note?: string;
}

function ChartCard({
  name,
  title,
  option,
  height,
  fills,
  bars,
  fileName,
  table,
  note,
}: ChartCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    if (!el.current || !option) return;
    const c = init(el.current, null, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [option === null]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const c = chart.current;
    if (!c || !option) return;
    c.setOption(option, true);
    c.resize();
    setRendered((n) => n + 1);
  }, [option]);

  const exportPng = async () => {
    const c = chart.current;
    if (!c) return;
    try {
      saveBytes(fileName, await chartPng(c, 2), MIME.png);
      void message.success(t('reportsUi.export.done', { fileName }));
    } catch (e) {
      void message.error(
        t('reportsUi.export.failed', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  return (
    <Card
      size="small"
      className="reports-card"
      title={title}
      data-testid={`chart-${name}`}
      extra={
        <Space size={4}>
          <Button
            size="small"
            icon={<FileImageOutlined />}
            disabled={!option}
            onClick={() => void exportPng()}
            data-testid={`png-${name}`}
          >
            {t('reportsUi.export.png')}
          </Button>
          <XlsxButton table={table} />
        </Space>
      }
    >
      {note ? (
        <Typography.Text type="secondary" className="reports-note">
          {note}
        </Typography.Text>
      ) : null}
      {option ? (
        <div
          ref={el}
          className="reports-chart"
          style={{ height }}
          data-testid="chart-canvas"
          data-bars={bars}
          data-bar-fills={fills.join(',')}
          data-rendered={rendered > 0 ? 'true' : 'false'}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportsUi.charts.empty')} />
      )}
    </Card>
  );
}

const baseOption = (): Option => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
});

export function GradesChart({ model, fileBase }: { model: Model; fileBase: string }) {
  const { t, i18n } = useTranslation();
  const grades = model.totals.grades;
  const fills = grades.map((g, i) => GRADE_FILLS[gradeColor(g.grade, i)] ?? '#8c8c8c');
  const option = useMemo<Option | null>(
    () =>
      model.totals.finalFiles === 0
        ? null
        : {
            ...baseOption(),
            grid: { left: 48, right: 24, top: 40, bottom: 36 },
            xAxis: {
              type: 'category',
              data: grades.map((g) => g.grade),
              axisLabel: AXIS,
            },
            yAxis: {
              type: 'value',
              name: t('reportsUi.charts.count'),
              nameTextStyle: AXIS,
              minInterval: 1,
              axisLabel: AXIS,
            },
            series: [
              {
                type: 'bar',
                name: t('reportsUi.charts.count'),
                barMaxWidth: 56,
                data: grades.map((g, i) => ({ value: g.count, itemStyle: { color: fills[i] } })),
                label: {
                  show: true,
                  position: 'top',
                  fontFamily: FONT,
                  formatter: (p) => {
                    const g = grades[p.dataIndex]!;
                    return g.percentHundredths === null
                      ? String(g.count)
                      : t('reportsUi.charts.gradeLabel', {
                          count: g.count,
                          percent: (g.percentHundredths / 100).toFixed(2),
                        });
                  },
                },
              },
            ],
          },
    // i18n.language: the option's words follow the language.
    [model, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return (
    <ChartCard
      name="grades"
      title={t('reportsUi.charts.grades')}
      option={option}
      height={280}
      fills={[...new Set(fills)]}
      bars={grades.length}
      fileName={`${fileBase}-${t('reportsUi.charts.grades')}.png`}
      table="grades"
    />
  );
}

export function DepartmentsChart({ model, fileBase }: { model: Model; fileBase: string }) {
  const { t, i18n } = useTranslation();
  const rows = model.departments.filter((d) => d.meanHundredths !== null);
  const option = useMemo<Option | null>(
    () =>
      rows.length === 0
        ? null
        : {
            ...baseOption(),
            grid: { left: 8, right: 56, top: 28, bottom: 24, containLabel: true },
            xAxis: {
              type: 'value',
              name: t('reportsUi.charts.mean'),
              nameTextStyle: AXIS,
              axisLabel: AXIS,
              // Means sit near the top of the scale: start the axis below the lowest one.
              min: (v) => Math.max(0, Math.floor((v.min - 5) / 10) * 10),
              max: 100,
            },
            yAxis: {
              type: 'category',
              inverse: true,
              data: rows.map((d) => truncate(d.departmentName, 16)),
              axisLabel: AXIS,
            },
            series: [
              {
                type: 'bar',
                name: t('reportsUi.charts.mean'),
                barMaxWidth: 18,
                itemStyle: { color: DEPARTMENT_FILL },
                data: rows.map((d) => d.meanHundredths! / 100),
                label: {
                  show: true,
                  position: 'right',
                  fontFamily: FONT,
                  formatter: (p) => (rows[p.dataIndex]!.meanHundredths! / 100).toFixed(2),
                },
              },
            ],
          },
    [model, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return (
    <ChartCard
      name="departments"
      title={t('reportsUi.charts.departments')}
      option={option}
      height={Math.max(260, rows.length * 24 + 60)}
      fills={[DEPARTMENT_FILL]}
      bars={rows.length}
      fileName={`${fileBase}-${t('reportsUi.charts.departments')}.png`}
      table="departments"
    />
  );
}

export function ParetoChart({ model, fileBase }: { model: Model; fileBase: string }) {
  const { t, i18n } = useTranslation();
  const all = model.problems.byTag;
  const tags = all.slice(0, PARETO_MAX);
  const option = useMemo<Option | null>(
    () =>
      tags.length === 0
        ? null
        : {
            ...baseOption(),
            // No legend: the two axes are named after the bars and the line.
            grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
            xAxis: {
              type: 'category',
              data: tags.map((x) => truncate(x.name, 10)),
              axisLabel: { ...AXIS, interval: 0, rotate: 40 },
            },
            yAxis: [
              {
                type: 'value',
                name: t('reportsUi.charts.occurrences'),
                nameTextStyle: AXIS,
                minInterval: 1,
                axisLabel: AXIS,
              },
              {
                type: 'value',
                name: t('reportsUi.charts.cumulative'),
                nameTextStyle: AXIS,
                min: 0,
                max: 100,
                axisLabel: { ...AXIS, formatter: '{value}%' },
                splitLine: { show: false },
              },
            ],
            series: [
              {
                type: 'bar',
                name: t('reportsUi.charts.occurrences'),
                barMaxWidth: 28,
                itemStyle: { color: PARETO_FILL },
                data: tags.map((x) => x.occurrences),
              },
              {
                type: 'line',
                name: t('reportsUi.charts.cumulative'),
                yAxisIndex: 1,
                itemStyle: { color: PARETO_LINE },
                lineStyle: { color: PARETO_LINE, width: 2 },
                symbol: 'circle',
                symbolSize: 5,
                data: tags.map((x) => Math.round(x.cumulativeShare * 1000) / 10),
                tooltip: { valueFormatter: (v) => `${String(v)}%` },
              },
            ],
          },
    [model, i18n.language], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const title =
    all.length > PARETO_MAX
      ? t('reportsUi.charts.paretoTop', { count: PARETO_MAX })
      : t('reportsUi.charts.pareto');
  return (
    <ChartCard
      name="pareto"
      title={title}
      option={option}
      height={380}
      fills={[PARETO_FILL]}
      bars={tags.length}
      fileName={`${fileBase}-${t('reportsUi.charts.pareto')}.png`}
      table="problems"
    />
  );
}

export function LeniencyChart({
  leniency,
  fileBase,
}: {
  leniency: readonly Leniency[];
  fileBase: string;
}) {
  const { t, i18n } = useTranslation();
  const option = useMemo<Option | null>(() => {
    if (!leniency.length) return null;
    const values = leniency.map((l) => Math.round(l.meanDifference) / 10);
    const reach = Math.max(1, ...values.map(Math.abs));
    // A symmetric axis on round numbers, a little wider than the longest bar.
    const step = reach > 20 ? 10 : reach > 5 ? 5 : 1;
    const bound = Math.ceil((reach * 1.1) / step) * step;
    return {
      ...baseOption(),
      grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
      xAxis: {
        type: 'value',
        name: t('reportsUi.charts.difference'),
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: AXIS,
        min: -bound,
        max: bound,
        axisLabel: AXIS,
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: leniency.map((l) => l.name),
        axisLabel: AXIS,
        axisLine: { onZero: true },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: t('reportsUi.charts.difference'),
          barMaxWidth: 16,
          data: leniency.map((l, i) => ({
            value: values[i]!,
            itemStyle: { color: LENIENCY_FILLS[l.band] },
            // The value beyond the bar's end, on whichever side of zero it grows.
            label: { position: values[i]! < 0 ? 'left' : 'right' },
          })),
          label: {
            show: true,
            fontFamily: FONT,
            formatter: (p) => {
              const v = values[p.dataIndex]!;
              return `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
            },
          },
          tooltip: {
            valueFormatter: (v) => `${Number(v) > 0 ? '+' : ''}${Number(v).toFixed(2)}`,
          },
        },
      ],
    };
  }, [leniency, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const fills = [...new Set(leniency.map((l) => LENIENCY_FILLS[l.band]))];
  return (
    <ChartCard
      name="leniency"
      title={t('reportsUi.charts.leniency')}
      option={option}
      height={Math.max(240, leniency.length * 22 + 70)}
      fills={fills}
      bars={leniency.length}
      fileName={`${fileBase}-${t('reportsUi.charts.leniency')}.png`}
      table="leniency"
      note={t('reportsUi.charts.leniencyNote')}
    />
  );
}

/** The four charts in two rows (loaded on demand: ECharts stays out of the main bundle). */
export function ChartsSection({ results }: { results: Results }) {
  const { model, agreement, name } = results;
  return (
    <>
      <Row gutter={[16, 16]} className="reports-row" data-testid="reports-charts">
        <Col xs={24} xl={12}>
          <GradesChart model={model} fileBase={name} />
        </Col>
        <Col xs={24} xl={12}>
          <ParetoChart model={model} fileBase={name} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="reports-row">
        <Col xs={24} xl={12}>
          <DepartmentsChart model={model} fileBase={name} />
        </Col>
        <Col xs={24} xl={12}>
          <LeniencyChart leniency={agreement.leniency} fileBase={name} />
        </Col>
      </Row>
    </>
  );
}
