// 统计与通报's charts, table exports, the notice form's live preview and the PDFs printed through
// the print view (statistics.spec.ts). The rest of the screen is ReportsPage's.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ChartName = 'grades' | 'departments' | 'pareto' | 'leniency';

export class StatisticsPage {
  readonly charts: Locator;
  readonly preview: Locator;
  readonly previewPages: Locator;
  readonly previewPageCount: Locator;
  readonly printRoot: Locator;
  readonly noticePdf: Locator;
  readonly filesPanel: Locator;

  constructor(readonly page: Page) {
    this.charts = page.getByTestId('reports-charts');
    this.preview = page.getByTestId('notice-preview');
    this.previewPages = this.preview.getByTestId('notice-page');
    this.previewPageCount = page.getByTestId('notice-preview-pages');
    this.printRoot = page.getByTestId('print-root');
    this.noticePdf = page.getByTestId('notice-export-pdf');
    this.filesPanel = page.getByTestId('files-panel');
  }

  chart(name: ChartName) {
    const card = this.page.getByTestId(`chart-${name}`);
    const canvas = card.getByTestId('chart-canvas');
    return {
      card,
      canvas,
      png: card.getByTestId(`png-${name}`),
      /** The chart's bars in its SVG: paths filled with one of the chart's bar colours. */
      async bars(): Promise<number> {
        await expect(canvas).toHaveAttribute('data-rendered', 'true');
        const fills = ((await canvas.getAttribute('data-bar-fills')) ?? '').split(',');
        return canvas.locator('svg path').evaluateAll(
          (paths, fs) =>
            paths.filter((p) => {
              const fill = (p.getAttribute('fill') ?? '').toLowerCase();
              return (fs as string[]).some((f) => f.toLowerCase() === fill);
            }).length,
          fills,
        );
      },
    };
  }

  /** Clicks a button that downloads a file; returns the download. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  xlsx(table: string): Locator {
    return this.page.getByTestId(`xlsx-${table}`).first();
  }

  /**
   * Browser mode prints through window.print(), whose dialog a test cannot drive: it is replaced
   * by a counter, so the print view stays in place for page.pdf() (which prints the page in
   * print media, exactly as the dialog's "Save as PDF" would).
   */
  async catchPrint(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls += 1;
      };
    });
  }

  printCalls(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  }
}
