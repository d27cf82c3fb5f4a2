// Small building blocks for DOCX output (the docx library): Chinese font sizes (字号), CJK fonts
// set for East Asian text, millimetre page geometry. Shared by the printable standard, the
// evaluation notice and score sheets.
import { AlignmentType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';

/** 字号 in half-points, as Word counts them: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const SIZE = {
  er: 44,
  xiaoEr: 36,
  san: 32,
  si: 28,
  xiaoSi: 24,
  wu: 21,
  xiaoWu: 18,
} as const;

/** Fonts of official documents; each falls back as Word or LibreOffice substitutes a missing font. */
export const FONT = {
  title: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  heiti: '黑体',
  kaiti: '楷体_GB2312',
  songti: '宋体',
} as const;

export const mm = (v: number) => Math.round(v * 56.6929); // twips

/** A run whose Chinese and Latin text use the same named font. */
export function run(
  text: string,
  opts: Omit<IRunOptions, 'text' | 'font'> & { font?: string } = {},
): TextRun {
  const { font = FONT.fangsong, ...rest } = opts;
  return new TextRun({
    text,
    font: { ascii: font, eastAsia: font, hAnsi: font, cs: font },
    ...rest,
  });
}

export function para(
  children: (TextRun | string)[],
  opts: Omit<IParagraphOptions, 'children'> & { font?: string; size?: number; bold?: boolean } = {},
): Paragraph {
  const { font, size, bold, ...rest } = opts;
  return new Paragraph({
    ...rest,
    children: children.map((c) =>
      typeof c === 'string'
        ? run(c, {
            ...(font ? { font } : {}),
            ...(size ? { size } : {}),
            ...(bold ? { bold } : {}),
          })
        : c,
    ),
  });
}

export function centered(
  text: string,
  size: number,
  font: string = FONT.fangsong,
  bold = false,
): Paragraph {
  return para([run(text, { font, size, bold })], { alignment: AlignmentType.CENTER });
}
