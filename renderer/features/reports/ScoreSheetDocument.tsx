// A file's score sheets (评查表) as printable HTML for the PDF: the content of
// results.scoreSheetContent — the one the score-sheet DOCX is written from — laid out as the DOCX
// lays it out (A4, margins 25 / 20 / 22 / 25 mm, 五号 仿宋, the items' table with the categories'
// merged cells, signature lines), each sheet starting on a new page. The browser pages it; the
// table's header repeats on every page.
import { useEffect, useState } from 'react';
import type { RowHead, ScoreSheetContent, ScoreSheetRow } from '../../../core/results/score-sheet';
import './score-sheet-document.css';

/** The @page rules of the score sheet's PDF, with "— n —" centred at the foot. */
export const SCORE_SHEET_PAGE_CSS = `
@page { size: A4; margin: 25mm 20mm 22mm 25mm; @bottom-center { content: "— " counter(page) " —"; font: 9pt "SimSun", "宋体", "Noto Serif CJK SC", serif; } }
`;

/** Column widths (mm) as the DOCX: category · item · points · deducted · reason · pages · score. */
const WIDTHS = [19, 62, 11, 11, 39, 12, 11];

const Head = ({ head }: { head: RowHead | null }) =>
  head ? (
    <td rowSpan={head.rows} className="is-center">
      {head.text}
    </td>
  ) : null;

function Row({ row }: { row: ScoreSheetRow }) {
  switch (row.kind) {
    case 'veto':
      return (
        <tr className={row.hit ? 'is-hit' : undefined}>
          <Head head={row.head} />
          <td>{row.item}</td>
          <td colSpan={2} className="is-center">
            {row.status}
          </td>
          <td>{row.reason}</td>
          <td>{row.pages}</td>
          <td />
        </tr>
      );
    case 'item':
      return (
        <tr>
          <Head head={row.head} />
          <td>{row.item}</td>
          <td className="is-center">{row.max}</td>
          <td className="is-center">{row.deducted}</td>
          <td>{row.reason}</td>
          <td>{row.pages}</td>
          <td className="is-center">{row.score}</td>
        </tr>
      );
    case 'subtotal':
      return (
        <tr className="is-sum">
          <th colSpan={2}>{row.label}</th>
          <td className="is-center">{row.max}</td>
          <td className="is-center">{row.deducted}</td>
          <td colSpan={2} />
          <td className="is-center">{row.score}</td>
        </tr>
      );
    case 'summary':
      return (
        <tr className="is-sum">
          <th colSpan={2}>{row.label}</th>
          <td colSpan={5}>{row.value}</td>
        </tr>
      );
  }
}

function Sheet({ c }: { c: ScoreSheetContent }) {
  return (
    <section className="ss-sheet" data-testid="score-sheet-print-sheet">
      <h1 className="ss-title">{c.title}</h1>
      <div className="ss-campaign">{c.campaign}</div>
      <table className="ss-table ss-info">
        <colgroup>
          {[24, 58.5, 24, 58.5].map((w, i) => (
            <col key={i} style={{ width: `${w}mm` }} />
          ))}
        </colgroup>
        <tbody>
          {c.info.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (j % 2 === 0 ? <th key={j}>{v}</th> : <td key={j}>{v}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      <table className="ss-table ss-items">
        <colgroup>
          {WIDTHS.map((w, i) => (
            <col key={i} style={{ width: `${w}mm` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {c.headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r, i) => (
            <Row key={i} row={r} />
          ))}
        </tbody>
      </table>
      <p>{c.comments}</p>
      <p>{c.highlights}</p>
      <p className="ss-final">{c.finalNote}</p>
      <div className="ss-signatures">
        {c.signatures.map((s, i) => (
          <div key={i} className="ss-sign">
            <span>{s.name}</span>
            <span>{s.date}</span>
          </div>
        ))}
      </div>
    </section>
  );
}

export function ScoreSheetDocument({ sheets }: { sheets: readonly ScoreSheetContent[] }) {
  const [fontsReady, setFontsReady] = useState(false);
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div
      className="ss-doc"
      data-testid="score-sheet-print"
      data-print-ready={fontsReady ? 'true' : 'false'}
    >
      {sheets.map((c) => (
        <Sheet key={c.sheetId} c={c} />
      ))}
    </div>
  );
}
