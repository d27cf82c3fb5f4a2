// 打印预览: the standard as offices publish it — title, scope, the veto table, the scoring table
// (评查项目 · 编号 · 评查内容 · 分值 · 评分标准), bonus items, the grade bands — with the same
// wording as the Word export (`standards.doc.*`, describeRule), and the export button.
import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { errorText } from '../../i18n/errors';
import { usePreferences } from '../preferences/store';
import { useEditor } from './editor-store';
import { pts, ruleText, scopeText } from './ui';

export function PrintView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = usePreferences((s) => s.locale);
  const {
    content: c,
    version,
    caseTypes,
    exportFile,
  } = useEditor(
    useShallow((s) => ({
      content: s.content!,
      version: s.version!,
      caseTypes: s.caseTypes,
      exportFile: s.exportFile,
    })),
  );
  const [busy, setBusy] = useState(false);

  const scope = scopeText(c.appliesTo.caseTypes, c.appliesTo.procedures, caseTypes);
  const subtitle = [
    version.version
      ? t('standards.doc.version', { version: version.version })
      : t('standards.doc.draft'),
    scope ? t('standards.doc.appliesTo', { scope }) : t('standards.doc.appliesToAll'),
    t('standards.doc.total', { total: pts(c.total) }),
  ].join('\u3000');

  let section = 0;
  const heading = (
    key:
      | 'standards.doc.vetoTitle'
      | 'standards.doc.scoringTitle'
      | 'standards.doc.bonusTitle'
      | 'standards.doc.bandsTitle',
  ) => (
    <h3 className="paper-h">
      {t(`standards.doc.numbers.${section++}` as 'standards.doc.numbers.0')}
      {t(key)}
    </h3>
  );

  const exportDocx = async () => {
    setBusy(true);
    const r = await exportFile('docx', locale);
    setBusy(false);
    if (!r) return;
    if (r.ok) void message.success(t('standardsUi.editor.exported', { file: r.data.fileName }));
    else void message.error(errorText(r.error));
  };

  const effects = [...new Set(c.vetoItems.map((v) => v.effect))];
  const lowest = c.bands[c.bands.length - 1]?.name ?? '';
  const top = c.bands[0]?.name ?? '';

  return (
    <div className="print-view">
      <div className="print-toolbar">
        <Typography.Text type="secondary">{t('standardsUi.print.help')}</Typography.Text>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={busy}
          onClick={() => void exportDocx()}
          data-testid="print-export-docx"
        >
          {t('standardsUi.print.exportDocx')}
        </Button>
      </div>
      <div className="paper" data-testid="standard-print">
        <h1 className="paper-title">{c.name}</h1>
        <div className="paper-subtitle">{subtitle}</div>
        {c.description ? <p className="paper-p">{c.description}</p> : null}

        {c.vetoItems.length ? (
          <>
            {heading('standards.doc.vetoTitle')}
            <p className="paper-p">{t('standards.doc.vetoIntro')}</p>
            <table className="paper-table" data-testid="print-veto-table">
              <colgroup>
                <col style={{ width: '9%' }} />
                <col />
                <col style={{ width: '22%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('standards.doc.code')}</th>
                  <th>{t('standards.doc.vetoCase')}</th>
                  <th>{t('standards.doc.effect')}</th>
                </tr>
              </thead>
              <tbody>
                {c.vetoItems.map((v, i) => (
                  <tr key={i}>
                    <td className="c">{v.code}</td>
                    <td>{v.text}</td>
                    <td className="c">{t(`standards.effects.${v.effect}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}

        {heading('standards.doc.scoringTitle')}
        <table className="paper-table" data-testid="print-scoring-table">
          <colgroup>
            <col style={{ width: '13%' }} />
            <col style={{ width: '7%' }} />
            <col />
            <col style={{ width: '7%' }} />
            <col style={{ width: '26%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('standards.doc.category')}</th>
              <th>{t('standards.doc.code')}</th>
              <th>{t('standards.doc.content')}</th>
              <th>{t('standards.doc.points')}</th>
              <th>{t('standards.doc.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {c.categories.map((cat, ci) =>
              cat.items.map((item, i) => (
                <tr key={`${ci}-${i}`} data-code={item.code}>
                  {i === 0 ? (
                    <td className="c" rowSpan={cat.items.length}>
                      {cat.name}
                      <br />（{t('standards.doc.pointsOf', { points: pts(cat.max) })}）
                    </td>
                  ) : null}
                  <td className="c">{item.code}</td>
                  <td>
                    {item.text}
                    {item.guidance ? <div className="paper-guidance">{item.guidance}</div> : null}
                  </td>
                  <td className="c">{pts(item.max)}</td>
                  <td data-testid="print-rule">{ruleText(item)}</td>
                </tr>
              )),
            )}
            <tr className="paper-sum">
              <td className="c" colSpan={3}>
                {t('standards.doc.sum')}
              </td>
              <td className="c">{pts(c.total)}</td>
              <td />
            </tr>
          </tbody>
        </table>

        {c.bonus.enabled && c.bonus.items.length ? (
          <>
            {heading('standards.doc.bonusTitle')}
            <p className="paper-p">{t('standards.doc.bonusIntro', { cap: pts(c.bonus.cap) })}</p>
            {c.bonus.items.map((b, i) => (
              <p key={i} className="paper-p">
                {b.code}
                {'\u3000'}
                {b.text}（{t('standards.doc.plus', { points: pts(b.points) })}）
              </p>
            ))}
          </>
        ) : null}

        {heading('standards.doc.bandsTitle')}
        {c.bands.map((b, i) => {
          const upper = c.bands[i - 1];
          const line = !upper
            ? t('standards.doc.bandTop', { band: b.name, min: pts(b.min) })
            : b.min === 0
              ? t('standards.doc.bandBottom', { band: b.name, max: pts(upper.min) })
              : t('standards.doc.bandBetween', {
                  band: b.name,
                  min: pts(b.min),
                  max: pts(upper.min),
                });
          return (
            <p key={i} className="paper-p" data-testid="print-band">
              {line}
            </p>
          );
        })}
        {effects.map((e) => (
          <p key={e} className="paper-p">
            {t(`standards.doc.vetoRule.${e}`, { band: lowest, top })}
          </p>
        ))}
        <p className="paper-p">{t('standards.doc.floor')}</p>
      </div>
    </div>
  );
}
