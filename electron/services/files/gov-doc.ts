// The page and paragraph styles of official documents (公文, GB/T 9704-2012, domain.md §4), shared
// by the evaluation notice (评查情况通报) and the rectification notice (整改通知书): the A4 page and
// its margins, the fixed 28 pt line, the body, title, heading, table and page-number styles, and
// the "— n —" footers. Each document names its styles with its own prefix (NoticeBody,
// RectifyBody …) so that a reader of styles.xml sees which document a style belongs to.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
  type ISectionOptions,
} from 'docx';
import { FONT, mm, SIZE } from './docx-kit';

/** GB/T 9704 page geometry, in twips. */
export const NOTICE_PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  bottom: mm(35),
  right: mm(26),
} as const;

/** Fixed line spacing of the body: 28 pt = 560 twips. */
export const LINE = 560;
/** One character of 3号 (16 pt) = 320 twips; of 4号 (14 pt) = 280 twips. */
export const CHAR = 320;
export const CHAR4 = 280;
/** 版心 width, twips (156 mm). */
export const TEXT_WIDTH = NOTICE_PAGE.width - NOTICE_PAGE.left - NOTICE_PAGE.right;

export const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
export const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** The style ids every official document has, with the document's prefix. */
export function officialStyleIds<P extends string>(prefix: P) {
  return {
    body: `${prefix}Body`,
    flush: `${prefix}Flush`,
    title: `${prefix}Title`,
    h1: `${prefix}Heading1`,
    table: `${prefix}Table`,
    tableLeft: `${prefix}TableLeft`,
    tableHead: `${prefix}TableHead`,
    footer: `${prefix}PageNumber`,
  } as const;
}

/**
 * styles.xml of an official document: 3号 仿宋 body at a fixed 28 pt with 2-character indents,
 * the flush-left variant, the 2号 小标宋 title, 黑体 一级标题, tables in 小四 仿宋 (黑体 heads) and
 * 4号 宋体 page numbers; `extra` adds the document's own styles.
 */
export function officialStyles(prefix: string, extra: IParagraphStyleOptions[] = []) {
  const id = officialStyleIds(prefix);
  return {
    default: {
      document: {
        run: { font: font(FONT.fangsong), size: SIZE.san },
        paragraph: { spacing: exact() },
      },
    },
    paragraphStyles: [
      {
        id: id.body,
        name: `${prefix} Body`,
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: font(FONT.fangsong), size: SIZE.san },
        paragraph: {
          spacing: exact(),
          indent: { firstLine: 2 * CHAR },
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      {
        id: id.flush,
        name: `${prefix} Flush Left`,
        basedOn: id.body,
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT },
      },
      {
        // 方正小标宋简体 (commercial; where missing, Word/LibreOffice fall back, e.g. to 华文中宋 or 宋体).
        id: id.title,
        name: `${prefix} Title`,
        basedOn: 'Normal',
        run: { font: font(FONT.title), size: SIZE.er },
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact(LINE + 140) },
      },
      {
        id: id.h1,
        name: `${prefix} Heading 1`,
        basedOn: id.body,
        run: { font: font(FONT.heiti), size: SIZE.san },
        paragraph: { keepNext: true, outlineLevel: 0 },
      },
      {
        id: id.table,
        name: `${prefix} Table`,
        basedOn: 'Normal',
        run: { font: font(FONT.fangsong), size: SIZE.xiaoSi },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        },
      },
      {
        id: id.tableLeft,
        name: `${prefix} Table Left`,
        basedOn: id.table,
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: id.tableHead,
        name: `${prefix} Table Head`,
        basedOn: id.table,
        run: { font: font(FONT.heiti), size: SIZE.xiaoSi },
      },
      {
        // Page numbers: 4号 半角宋体 (domain.md §4).
        id: id.footer,
        name: `${prefix} Page Number`,
        basedOn: 'Normal',
        run: { font: font(FONT.songti), size: SIZE.si },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      ...extra,
    ],
  };
}

export type ParagraphOpts = Omit<IParagraphOptions, 'children' | 'style'>;

/** A paragraph of a style with plain text (or runs). */
export const styled = (
  style: string,
  text: string | (TextRun | string)[],
  opts: ParagraphOpts = {},
) =>
  new Paragraph({
    style,
    ...opts,
    children: (typeof text === 'string' ? [text] : text).map((c) =>
      typeof c === 'string' ? new TextRun(c) : c,
    ),
  });

/**
 * "— 1 —": the page number with an 一字线 each side; odd pages right-aligned and even pages
 * left-aligned, one character (of 4号) in from the edge of the 版心.
 */
export function pageNumberFooter(side: 'odd' | 'even', style: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR4 } : { left: CHAR4 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Table rules: single 0.5 pt black lines. */
export const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * The official document itself: one A4 section with the GB/T 9704 margins, the 一字线 about 7 mm
 * below the 版心 (header 15 mm, footer 23 mm), "— n —" page numbers right on odd pages and left
 * on even ones, and the document's styles.
 */
export async function officialDocx(opts: {
  title: string;
  styles: IStylesOptions;
  footerStyle: string;
  children: ISectionOptions['children'];
}): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'anjuan-pingcha',
    title: opts.title,
    evenAndOddHeaderAndFooters: true,
    styles: opts.styles,
    sections: [
      {
        properties: {
          page: {
            size: { width: NOTICE_PAGE.width, height: NOTICE_PAGE.height },
            margin: {
              top: NOTICE_PAGE.top,
              bottom: NOTICE_PAGE.bottom,
              left: NOTICE_PAGE.left,
              right: NOTICE_PAGE.right,
              header: mm(15),
              footer: mm(23),
            },
          },
        },
        footers: {
          default: pageNumberFooter('odd', opts.footerStyle),
          even: pageNumberFooter('even', opts.footerStyle),
        },
        children: opts.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
