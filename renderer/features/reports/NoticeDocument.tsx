// The evaluation notice as paged HTML, laid out like the DOCX to GB/T 9704 (domain.md §4): A4,
// 版心 156 × 225 mm (margins 37 / 26 / 35 / 28 mm), 3号 仿宋 body on a fixed 28 pt line with
// 2-character indents, 一、 headings in 黑体 and （一） in 楷体, the title in 2号 小标宋 (宋体 bold
// where it is missing), page numbers "— n —" odd right and even left, attachments on new pages.
// The content is core's notice model (results.noticeContent), the one the DOCX is written from.
//
// One component for the form's live preview and for the PDF (through the print view): the blocks
// are laid out once, unseen, at the 版心's width; their heights are measured and they are dealt
// into pages — paragraphs split between lines (never leaving fewer than two lines on either
// side), tables between rows with the header repeated, headings kept with what follows, the last
// paragraph, 附件说明 and signature kept together, and the 版记 at the foot of the last page. The
// preview shows those pages; the print view prints the very same pages, one per sheet.
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { NoticeContent, NoticeTable } from '../../../core/results/notice';
import { textChars } from '../../../core/results/notice';
import './notice-document.css';

/** CSS pixels per millimetre and per point (96 dpi). */
const PX_MM = 96 / 25.4;
const PX_PT = 96 / 72;
/** The 版心's height and the body's line. */
const PAGE_H = 225 * PX_MM;
const LINE = 28 * PX_PT;

/** The @page rules of the notice's PDF (the page numbers sit in the bottom margin boxes). */
export const NOTICE_PAGE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 5mm; padding-right: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "SimSun", "宋体", "Noto Serif CJK SC", serif; vertical-align: top; padding-top: 5mm; padding-left: 14pt; } }
`;

// ---------------------------------------------------------------------------------------------
// The flow: the content as a list of blocks, in reading order

type Block =
  | { kind: 'mark'; text: string }
  | { kind: 'docNumber'; text: string }
  | { kind: 'blank' }
  | { kind: 'title'; text: string }
  | { kind: 'flush'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string; spaced?: boolean }
  | { kind: 'p'; text: string }
  | { kind: 'note'; label: string; n: number; text: string; nameAt: number; start: number }
  | { kind: 'sign'; issuer: string; date: string; issuerRight: number }
  | { kind: 'attachmentHead'; text: string }
  | { kind: 'table'; table: NoticeTable }
  | { kind: 'imprint'; cc: string | null; printer: string | null; printedDate: string };

interface FlowBlock {
  block: Block;
  /** Start a new page (附件). */
  breakBefore?: boolean;
  /** Keep on the page of the block that follows (headings, the signature chain). */
  keepNext?: boolean;
}

function flow(c: NoticeContent): FlowBlock[] {
  const out: FlowBlock[] = [];
  const add = (block: Block, opts: Omit<FlowBlock, 'block'> = {}) => out.push({ block, ...opts });
  if (c.header) {
    add({ kind: 'mark', text: c.header.issuer }, { keepNext: true });
    add({ kind: 'blank' }, { keepNext: true });
    add({ kind: 'docNumber', text: c.header.docNumber }, { keepNext: true });
    add({ kind: 'blank' }, { keepNext: true });
  }
  add({ kind: 'title', text: c.title }, { keepNext: true });
  add({ kind: 'blank' }, { keepNext: true });
  add({ kind: 'flush', text: c.recipients });
  c.sections.forEach((s, si) => {
    add({ kind: 'h1', text: s.heading }, { keepNext: true });
    const last = si === c.sections.length - 1;
    s.blocks.forEach((b, bi) => {
      // The last paragraph keeps with 附件说明 and the signature (GB/T 9704 7.3.5.4).
      const keepNext = last && bi === s.blocks.length - 1;
      if (b.kind === 'p') add({ kind: 'p', text: b.text }, { keepNext });
      else if (b.kind === 'h2') add({ kind: 'h2', text: b.text }, { keepNext: true });
      else add({ kind: 'table', table: b.table });
    });
  });
  // 附件说明: a blank line, then "附件：1. ×××", further names aligned under the first.
  const label = c.attachmentsNote.label;
  const numberAt = 2 + textChars(label);
  const nameAt = numberAt + 1.5;
  add({ kind: 'blank' }, { keepNext: true });
  c.attachmentsNote.items.forEach((text, i) =>
    add(
      {
        kind: 'note',
        label: i === 0 ? label : '',
        n: i + 1,
        text,
        nameAt,
        start: i ? numberAt : 2,
      },
      { keepNext: true },
    ),
  );
  // 署名 and 成文日期: the date 4 characters from the right, the 署名 centred over it.
  const { issuer, date } = c.signature;
  add({ kind: 'blank' }, { keepNext: true });
  add({ kind: 'blank' }, { keepNext: true });
  add({
    kind: 'sign',
    issuer,
    date,
    issuerRight: Math.max(0, 4 + textChars(date) / 2 - textChars(issuer) / 2),
  });
  for (const a of c.attachments) {
    add({ kind: 'attachmentHead', text: a.label }, { breakBefore: true, keepNext: true });
    add({ kind: 'blank' }, { keepNext: true });
    add({ kind: 'title', text: a.title }, { keepNext: true });
    add({ kind: 'blank' }, { keepNext: true });
    for (const b of a.blocks) {
      if (b.kind === 'p') add({ kind: 'p', text: b.text });
      else if (b.kind === 'h2') add({ kind: 'h2', text: b.text, spaced: true }, { keepNext: true });
      else add({ kind: 'table', table: b.table });
    }
  }
  if (c.imprint) add({ kind: 'imprint', ...c.imprint });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering one block (the same elements in the measuring flow and on the pages)

const em = (n: number) => `${n}em`;

function TableBlock({ table, rows }: { table: NoticeTable; rows: readonly string[][] }) {
  return (
    <table className="gb-table">
      <colgroup>
        {table.columns.map((c, i) => (
          <col key={i} style={{ width: `${c.width}mm` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, ri) => (
          <tr key={ri}>
            {r.map((v, i) => (
              <td key={i} className={table.columns[i]?.align === 'left' ? 'is-left' : undefined}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A paragraph's part: `from`–`to` of its text; `split` when the paragraph goes on overleaf. */
interface Part {
  from: number;
  to: number;
}

function BlockView({ block, part, rows }: { block: Block; part?: Part; rows?: [number, number] }) {
  switch (block.kind) {
    case 'mark':
      return <div className="gb-mark">{block.text}</div>;
    case 'docNumber':
      return <div className="gb-docno">{block.text}</div>;
    case 'blank':
      return <div className="gb-blank" />;
    case 'title':
      return <div className="gb-title">{block.text}</div>;
    case 'flush':
      return <div className="gb-flush">{block.text}</div>;
    case 'h1':
      return <div className="gb-h1">{block.text}</div>;
    case 'h2':
      return <div className={block.spaced ? 'gb-h2 is-spaced' : 'gb-h2'}>{block.text}</div>;
    case 'p': {
      if (!part) return <p className="gb-p">{block.text}</p>;
      const cls = [
        'gb-p',
        part.from > 0 ? 'is-continued' : '',
        part.to < block.text.length ? 'is-split' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return <p className={cls}>{block.text.slice(part.from, part.to)}</p>;
    }
    case 'note':
      return (
        <div
          className="gb-note"
          style={{ paddingLeft: em(block.nameAt), textIndent: em(block.start - block.nameAt) }}
        >
          {block.label}
          <span className="gb-note-no">{block.n}.</span>
          {block.text}
        </div>
      );
    case 'sign':
      return (
        <div className="gb-sign">
          <div style={{ paddingRight: em(block.issuerRight) }}>{block.issuer}</div>
          <div style={{ paddingRight: em(4) }}>{block.date}</div>
        </div>
      );
    case 'attachmentHead':
      return <div className="gb-attachment">{block.text}</div>;
    case 'table':
      return (
        <TableBlock
          table={block.table}
          rows={rows ? block.table.rows.slice(rows[0], rows[1]) : block.table.rows}
        />
      );
    case 'imprint':
      return (
        <div className="gb-imprint">
          {block.cc ? <div className="gb-imprint-line">{block.cc}</div> : null}
          {block.printer ? (
            <div className="gb-imprint-line is-split">
              <span>{block.printer}</span>
              <span>{block.printedDate}</span>
            </div>
          ) : null}
        </div>
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring and paging

/** One block (or part of one) on a page. */
interface Piece {
  index: number;
  part?: Part;
  rows?: [number, number];
}
type Page = Piece[];

interface Measure {
  height: number;
  /** Paragraphs: the text offset at which each line after the first starts. */
  lineStarts?: number[];
  /** Tables: the header's height and each row's. */
  head?: number;
  rows?: number[];
}

/**
 * Offsets at which the lines of a paragraph's text (one text node) start, after the first.
 * `scale`: screen pixels per layout pixel (the preview may sit in a scaled, animating dialog).
 */
function lineStarts(el: HTMLElement, scale: number): number[] {
  const node = el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return [];
  const text = node.textContent ?? '';
  const range = document.createRange();
  const topOf = (i: number) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rects = range.getClientRects();
    return rects.length ? rects[rects.length - 1]!.top : Number.NaN;
  };
  const box = el.getBoundingClientRect();
  const lineOf = (i: number) => Math.floor(((topOf(i) - box.top) / scale + LINE / 2) / LINE);
  const lines = Math.round(box.height / scale / LINE);
  const out: number[] = [];
  let lo = 0;
  // For line k, the first offset whose glyph sits on line k or later (binary search).
  for (let k = 1; k < lines; k++) {
    let a = lo;
    let b = text.length - 1;
    while (a < b) {
      const mid = (a + b) >> 1;
      const l = lineOf(mid);
      if (Number.isNaN(l) || l < k) a = mid + 1;
      else b = mid;
    }
    out.push(a);
    lo = a;
  }
  return out;
}

function measure(root: HTMLElement): Measure[] {
  // Heights in layout pixels, whatever transform an ancestor applies on screen.
  const scale = root.getBoundingClientRect().width / root.offsetWidth || 1;
  const h = (el: Element) => el.getBoundingClientRect().height / scale;
  return [...root.children].map((child) => {
    const el = child as HTMLElement;
    const height = h(el);
    if (el.tagName === 'P') return { height, lineStarts: lineStarts(el, scale) };
    if (el.tagName === 'TABLE') {
      const t = el as HTMLTableElement;
      return {
        height,
        head: t.tHead ? h(t.tHead) : 0,
        rows: [...(t.tBodies[0]?.rows ?? [])].map(h),
      };
    }
    return { height };
  });
}

/**
 * Deals the blocks into pages of the 版心's height: a heading never ends a page, a paragraph
 * leaves at least two lines on each side of a break, a table breaks between rows.
 */
function paginate(blocks: readonly FlowBlock[], m: readonly Measure[]): Page[] {
  const pages: Page[] = [[]];
  let used = 0;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    if (page().length) pages.push([]);
    used = 0;
  };
  /** The least room the blocks kept with block i need on its page after it. */
  const keptRoom = (i: number): number => {
    let room = 0;
    for (let j = i + 1; j < blocks.length; j++) {
      const mj = m[j]!;
      if (blocks[j]!.breakBefore) return room;
      if (blocks[j]!.keepNext) {
        room += mj.height;
        continue;
      }
      if (mj.lineStarts) room += Math.min(2, mj.lineStarts.length + 1) * LINE;
      else if (mj.rows) room += (mj.head ?? 0) + (mj.rows[0] ?? 0);
      else room += mj.height;
      return room;
    }
    return room;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const mi = m[i]!;
    if (b.breakBefore) newPage();
    const after = b.keepNext ? keptRoom(i) : 0;

    if (b.block.kind === 'p' && mi.lineStarts) {
      const text = b.block.text;
      const starts = [0, ...mi.lineStarts, text.length];
      let line = 0;
      const lines = starts.length - 1;
      while (line < lines) {
        const left = lines - line;
        if (used + left * LINE + after <= PAGE_H + 0.5) {
          page().push({ index: i, part: { from: starts[line]!, to: text.length } });
          used += left * LINE;
          break;
        }
        // Lines that fit here, keeping at least two for the next page (and the blocks kept
        // with this paragraph there too).
        let take = Math.floor((PAGE_H + 0.5 - used) / LINE);
        take = Math.min(take, left - 2);
        if (take < 2) {
          if (!page().length) {
            // A paragraph longer than a page with nothing to keep: fill the page.
            take = Math.min(Math.floor(PAGE_H / LINE), left);
          } else {
            newPage();
            continue;
          }
        }
        page().push({ index: i, part: { from: starts[line]!, to: starts[line + take]! } });
        line += take;
        newPage();
      }
      continue;
    }

    if (b.block.kind === 'table' && mi.rows) {
      const head = mi.head ?? 0;
      const rows = mi.rows;
      let r = 0;
      if (used + head + (rows[0] ?? 0) > PAGE_H + 0.5) newPage();
      while (r < rows.length) {
        let h = head;
        let end = r;
        while (end < rows.length && (end === r || used + h + rows[end]! <= PAGE_H + 0.5)) {
          h += rows[end]!;
          end += 1;
        }
        page().push({ index: i, rows: [r, end] });
        used += h;
        r = end;
        if (r < rows.length) newPage();
      }
      if (!rows.length) {
        page().push({ index: i, rows: [0, 0] });
        used += head;
      }
      continue;
    }

    if (b.block.kind === 'imprint') {
      // 版记 at the foot of the last page: on this page if it fits, else on a page of its own.
      if (used + mi.height > PAGE_H + 0.5) newPage();
      page().push({ index: i });
      used += mi.height;
      continue;
    }

    // Blank lines at the top of a page are dropped, as a word processor's would be invisible.
    if (b.block.kind === 'blank' && !page().length && pages.length > 1) continue;
    if (used + mi.height + after > PAGE_H + 0.5 && page().length) newPage();
    page().push({ index: i });
    used += mi.height;
  }
  return pages.filter((p) => p.length);
}

// ---------------------------------------------------------------------------------------------
// The component

export interface NoticeDocumentProps {
  content: NoticeContent;
  /** preview: pages on a grey desk, scaled by `zoom`; print: one page per sheet. */
  mode: 'preview' | 'print';
  zoom?: number;
  /** Told the number of pages each time they are laid out. */
  onPages?: (pages: number) => void;
}

export function NoticeDocument({ content, mode, zoom = 1, onPages }: NoticeDocumentProps) {
  const blocks = useMemo(() => flow(content), [content]);
  const measureRef = useRef<HTMLDivElement>(null);
  const [paged, setPaged] = useState<{ blocks: FlowBlock[]; pages: Page[] } | null>(null);
  const [fontsReady, setFontsReady] = useState(false);

  useLayoutEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);

  useLayoutEffect(() => {
    const root = measureRef.current;
    if (!root) return;
    const pages = paginate(blocks, measure(root));
    setPaged({ blocks, pages });
    onPages?.(pages.length);
  }, [blocks, fontsReady]); // eslint-disable-line react-hooks/exhaustive-deps

  const pages = paged?.blocks === blocks ? paged.pages : null;
  const sheetStyle: CSSProperties | undefined = mode === 'preview' ? { zoom } : undefined;

  return (
    <div
      className={`gb-doc is-${mode}`}
      data-testid={mode === 'preview' ? 'notice-preview' : 'notice-print'}
      data-pages={pages?.length ?? 0}
      data-print-ready={pages && fontsReady ? 'true' : 'false'}
    >
      <div className="gb-measure gb-content" ref={measureRef} aria-hidden>
        {blocks.map((b, i) => (
          <BlockView key={i} block={b.block} />
        ))}
      </div>
      {pages?.map((pg, n) => (
        <div className="gb-sheet" key={n} style={sheetStyle} data-testid="notice-page">
          <div className="gb-content">
            {pg.map((piece) => {
              const b = blocks[piece.index]!.block;
              return (
                <BlockView
                  key={`${piece.index}-${piece.part?.from ?? piece.rows?.[0] ?? 0}`}
                  block={b}
                  {...(piece.part ? { part: piece.part } : {})}
                  {...(piece.rows ? { rows: piece.rows } : {})}
                />
              );
            })}
          </div>
          <div className={`gb-folio ${(n + 1) % 2 ? 'is-odd' : 'is-even'}`}>— {n + 1} —</div>
        </div>
      ))}
    </div>
  );
}
