// 试算: record sample findings the way an evaluator would and see item, category and total
// scores and the grade at once, computed by the real scoring function (core `score`). Entries the
// standard does not allow show the scoring function's refusal instead of being clamped.
import { ClearOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../core/standards/model';
import {
  itemDeduction,
  score,
  ScoringError,
  type ScoreResult,
  type ScoringProblem,
} from '../../../core/standards/score';
import { ItemEntryControls, type ItemEntry } from '../../components/ItemEntryControls';
import { tr } from '../../i18n/errors';
import { useEditor } from './editor-store';
import { pts, ruleText } from './ui';

type Entry = ItemEntry;

type ItemFinding = Extract<Finding, { kind: 'item' }>;

function findingOf(code: string, e: Entry | undefined): ItemFinding | null {
  if (!e) return null;
  const f: ItemFinding = { kind: 'item', code, reason: '', pages: '', tags: [] };
  if (e.count) f.count = e.count;
  if (e.missing) f.missing = true;
  if (e.amount) f.amount = e.amount;
  if (e.na) f.na = true;
  return f.count || f.missing || f.amount || f.na ? f : null;
}

const bandColor = (index: number, last: number) =>
  index === 0 ? 'green' : index === last ? 'red' : 'blue';

export function TryPane() {
  const { t } = useTranslation();
  const entryLabels = useMemo(
    () => ({
      occurrences: t('standardsUi.try.occurrences'),
      defects: t('standardsUi.try.defects'),
      missing: t('standardsUi.try.missing'),
      amount: t('standardsUi.try.amount'),
      na: t('standardsUi.try.na'),
    }),
    [t],
  );
  const content = useEditor((s) => s.content!);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [vetoes, setVetoes] = useState<ReadonlySet<string>>(new Set());
  const [bonuses, setBonuses] = useState<ReadonlySet<string>>(new Set());

  const findings = useMemo((): Finding[] => {
    const out: Finding[] = [];
    for (const c of content.categories)
      for (const i of c.items) {
        const f = findingOf(i.code, entries[i.code]);
        if (f) out.push(f);
      }
    for (const v of content.vetoItems)
      if (vetoes.has(v.code))
        out.push({ kind: 'veto', code: v.code, reason: '', pages: '', tags: [] });
    if (content.bonus.enabled)
      for (const b of content.bonus.items)
        if (bonuses.has(b.code))
          out.push({ kind: 'bonus', code: b.code, reason: '', pages: '', tags: [] });
    return out;
  }, [content, entries, vetoes, bonuses]);

  const outcome = useMemo((): { result: ScoreResult } | { problems: ScoringProblem[] } => {
    try {
      return { result: score(content, findings) };
    } catch (e) {
      if (e instanceof ScoringError) return { problems: e.problems };
      throw e;
    }
  }, [content, findings]);
  const result = 'result' in outcome ? outcome.result : null;
  const itemScores = useMemo(
    () => new Map((result?.items ?? []).map((i) => [i.code, i])),
    [result],
  );

  const toggle = (set: ReadonlySet<string>, code: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(code);
    else next.delete(code);
    return next;
  };
  const last = content.bands.length - 1;

  return (
    <div className="try-pane" data-testid="try-pane">
      <div className="try-main">
        <Typography.Paragraph type="secondary">{t('standardsUi.try.intro')}</Typography.Paragraph>
        {content.vetoItems.length ? (
          <Card size="small" title={t('standardsUi.try.vetoTitle')} className="try-card">
            <div className="try-vetoes">
              {content.vetoItems.map((v) => (
                <Checkbox
                  key={v.code}
                  checked={vetoes.has(v.code)}
                  onChange={(e) => setVetoes(toggle(vetoes, v.code, e.target.checked))}
                  data-testid="try-veto"
                  data-code={v.code}
                >
                  <Typography.Text strong>{v.code}</Typography.Text> {v.text}{' '}
                  <Typography.Text type="secondary">
                    （{t(`standards.effects.${v.effect}`)}）
                  </Typography.Text>
                </Checkbox>
              ))}
            </div>
          </Card>
        ) : null}
        {content.categories.map((c) => {
          const cat = result?.categories.find((x) => x.code === c.code);
          return (
            <Card
              key={c.code}
              size="small"
              className="try-card"
              title={
                <span>
                  {c.code} {c.name}
                </span>
              }
              extra={
                <span className="try-score" data-testid="try-category-score" data-code={c.code}>
                  {cat ? t('standardsUi.try.of', { score: pts(cat.score), max: pts(c.max) }) : '—'}
                </span>
              }
            >
              <table className="try-table">
                <thead>
                  <tr>
                    <th style={{ width: 56 }}>{t('standardsUi.try.code')}</th>
                    <th>{t('standardsUi.try.item')}</th>
                    <th style={{ width: 250 }}>{t('standardsUi.try.entry')}</th>
                    <th style={{ width: 90, textAlign: 'right' }}>{t('standardsUi.try.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.items.map((i) => {
                    const entry = entries[i.code] ?? {};
                    const f = findingOf(i.code, entry);
                    const problems = f ? itemDeduction(i, f).problems : [];
                    const s = itemScores.get(i.code);
                    return (
                      <tr key={i.code} data-testid="try-item" data-code={i.code}>
                        <td>
                          <Typography.Text strong>{i.code}</Typography.Text>
                        </td>
                        <td>
                          <div>{i.text}</div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {ruleText(i)}
                          </Typography.Text>
                          {problems.map((p) => (
                            <div key={p.key} className="try-problem" data-testid="try-item-problem">
                              {tr(p.key, p.params)}
                            </div>
                          ))}
                        </td>
                        <td>
                          <ItemEntryControls
                            item={i}
                            entry={entry}
                            onChange={(e) => setEntries({ ...entries, [i.code]: e })}
                            labels={entryLabels}
                            testPrefix="try"
                            gap={12}
                          />
                        </td>
                        <td style={{ textAlign: 'right' }}>
                          <span
                            className={s && s.deducted ? 'try-score try-score-lost' : 'try-score'}
                            data-testid="try-item-score"
                          >
                            {s ? pts(s.score) : '—'}
                          </span>
                          <Typography.Text type="secondary"> / {pts(i.max)}</Typography.Text>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Card>
          );
        })}
        <Card size="small" title={t('standardsUi.try.bonusTitle')} className="try-card">
          {!content.bonus.enabled || !content.bonus.items.length ? (
            <Typography.Text type="secondary">{t('standardsUi.try.bonusOff')}</Typography.Text>
          ) : (
            <div className="try-vetoes">
              {content.bonus.items.map((b) => (
                <Checkbox
                  key={b.code}
                  checked={bonuses.has(b.code)}
                  onChange={(e) => setBonuses(toggle(bonuses, b.code, e.target.checked))}
                  data-testid="try-bonus"
                  data-code={b.code}
                >
                  <Typography.Text strong>{b.code}</Typography.Text> {b.text}（+{pts(b.points)}）
                </Checkbox>
              ))}
            </div>
          )}
        </Card>
      </div>
      <div className="try-side">
        <Card
          size="small"
          title={t('standardsUi.try.result')}
          extra={
            <Button
              size="small"
              icon={<ClearOutlined />}
              onClick={() => {
                setEntries({});
                setVetoes(new Set());
                setBonuses(new Set());
              }}
              data-testid="try-reset"
            >
              {t('standardsUi.try.reset')}
            </Button>
          }
        >
          {result ? (
            <div data-testid="try-result">
              <Space size="large" align="start">
                <Statistic
                  title={t('standardsUi.try.total')}
                  value={pts(result.total)}
                  suffix={`/ ${pts(result.maxTotal)}`}
                  valueRender={(node) => <span data-testid="try-total">{node}</span>}
                />
                <div>
                  <div className="try-label">{t('standardsUi.try.grade')}</div>
                  <Tag
                    color={bandColor(result.bandIndex, last)}
                    className="try-grade"
                    data-testid="try-grade"
                  >
                    {result.grade}
                  </Tag>
                </div>
              </Space>
              <div className="try-lines">
                {result.categories.map((c) => (
                  <div key={c.code} className="try-line">
                    <span>
                      {c.code} {c.name}
                    </span>
                    <span>{t('standardsUi.try.of', { score: pts(c.score), max: pts(c.max) })}</span>
                  </div>
                ))}
                <div className="try-line try-line-sum">
                  <span>{t('standardsUi.try.subtotal')}</span>
                  <span>{pts(result.subtotal)}</span>
                </div>
                {content.bonus.enabled ? (
                  <div className="try-line">
                    <span>{t('standardsUi.try.bonus')}</span>
                    <span>+{pts(result.bonus)}</span>
                  </div>
                ) : null}
                <div className="try-line">
                  <span>{t('standardsUi.try.vetoHits')}</span>
                  <span data-testid="try-veto-hits">
                    {result.vetoHits.length
                      ? result.vetoHits.map((h) => (
                          <Tag key={h.code} color="red" style={{ marginInlineEnd: 4 }}>
                            {h.code}
                          </Tag>
                        ))
                      : t('standardsUi.try.noVeto')}
                  </span>
                </div>
              </div>
            </div>
          ) : 'problems' in outcome ? (
            <Alert
              type="error"
              showIcon
              data-testid="try-problems"
              title={t('standardsUi.try.invalid')}
              description={
                <ul className="try-problem-list">
                  {outcome.problems.map((p, i) => (
                    <li key={`${p.key}-${i}`}>{tr(p.key, p.params)}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <Empty />
          )}
        </Card>
      </div>
    </div>
  );
}
