// 整改情况小结: per department the counts by status, the rate and the overdue problems, and the
// ready-made paragraph for the next notice with a copy button.
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { RECTIFY_STATUSES } from '../../../core/rectify/status';
import { rate } from './format';
import { useRectify, type Summary } from './store';

type Row = Summary['departments'][number];

/** Copies text: the Clipboard API where the page may use it, else a selected textarea. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // not allowed here (no secure context or no permission): fall back
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function SummaryTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const summary = useRectify((s) => s.summary);
  if (!summary) return <Card loading />;

  const columns: ColumnsType<Row> = [
    { title: t('rectifyUi.departments.name'), dataIndex: 'departmentName' },
    { title: t('rectifyUi.summary.total'), dataIndex: 'total', align: 'right', width: 80 },
    ...RECTIFY_STATUSES.map((st) => ({
      key: st,
      title: <span style={{ whiteSpace: 'nowrap' }}>{t(`rectify.statuses.${st}`)}</span>,
      align: 'right' as const,
      width: 80,
      render: (_: unknown, d: Row) => (
        <span data-testid={`rect-summary-${st}`} className={d.counts[st] ? '' : 'rect-zero'}>
          {d.counts[st]}
        </span>
      ),
    })),
    {
      title: t('rectifyUi.summary.rate'),
      dataIndex: 'rateHundredths',
      align: 'right',
      width: 100,
      render: (v: number | null) => <span data-testid="rect-summary-rate">{rate(v)}</span>,
    },
    {
      title: t('rectifyUi.summary.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 80,
      render: (v: number) => <span className={v ? 'rect-overdue' : 'rect-zero'}>{v}</span>,
    },
    { title: t('rectifyUi.departments.deadline'), dataIndex: 'deadline', width: 110 },
  ];
  const x = summary.totals;
  return (
    <div data-testid="rect-summary">
      <Card
        size="small"
        className="rect-paragraph"
        title={t('rectifyUi.summary.paragraph')}
        extra={
          <Button
            size="small"
            icon={<CopyOutlined />}
            data-testid="rect-summary-copy"
            onClick={() =>
              void copyText(summary.paragraph).then(() =>
                message.success(t('rectifyUi.summary.copied')),
              )
            }
          >
            {t('rectifyUi.summary.copy')}
          </Button>
        }
      >
        <Typography.Paragraph className="rect-paragraph-text" data-testid="rect-summary-paragraph">
          {summary.paragraph}
        </Typography.Paragraph>
      </Card>
      {summary.notNotified.length ? (
        <Alert
          type="info"
          showIcon
          className="rect-not-notified"
          data-testid="rect-summary-not-notified"
          title={t('rectifyUi.summary.notIssued', {
            names: summary.notNotified.join(t('rectify.summary.separator')),
          })}
        />
      ) : null}
      <Table<Row>
        rowKey="departmentId"
        size="middle"
        columns={columns}
        dataSource={summary.departments}
        pagination={false}
        onRow={(d) =>
          ({
            'data-testid': 'rect-summary-row',
            'data-department': d.departmentName,
          }) as React.HTMLAttributes<HTMLElement>
        }
        summary={() => (
          <Table.Summary.Row className="rect-total-row">
            <Table.Summary.Cell index={0}>{t('rectifyUi.departments.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <span data-testid="rect-summary-total">{x.total}</span>
            </Table.Summary.Cell>
            {RECTIFY_STATUSES.map((st, i) => (
              <Table.Summary.Cell key={st} index={2 + i} align="right">
                <span data-testid={`rect-summary-total-${st}`}>{x.counts[st]}</span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={6} align="right">
              {rate(x.rateHundredths)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {x.overdue}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} />
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
