// PDF through the print path (issue 7 items 4 and 5): a document component is rendered into a
// print view (.print-root, see print.css) with the job's @page rules, and once it says it is
// ready (it has laid out its pages: an element with data-print-ready="true") the view is printed:
// in Electron the main process makes the PDF with webContents.printToPDF (window.api.printPdf)
// and it is saved like any export; in browser mode window.print() opens the browser's print
// dialog, where "Save as PDF" gives the same pages. The view is removed after printing.
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { saveBytes } from '../../api/download';
import './print.css';
import { desktopPrintPdf } from '../../api/print';

export interface PrintJob {
  /** The PDF's file name (Electron saves it under this name). */
  fileName: string;
  /** @page rules of the document (size, margins, page-number margin boxes). */
  pageCss: string;
  /** The document; it marks an element data-print-ready="true" once its pages are laid out. */
  content: ReactNode;
}

export type PrintOutcome = 'saved' | 'printed';

const READY_TIMEOUT_MS = 20_000;

function whenReady(root: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = () => root.querySelector('[data-print-ready="true"]') !== null;
    if (ready()) return resolve();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('print view not ready'));
    }, READY_TIMEOUT_MS);
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
  });
}

let current: (() => void) | null = null;

/** Prints `job` to PDF (Electron) or through the browser's print dialog (browser mode). */
export async function printPdf(job: PrintJob): Promise<PrintOutcome> {
  current?.();
  const host = document.createElement('div');
  host.className = 'print-root';
  host.setAttribute('data-testid', 'print-root');
  const style = document.createElement('style');
  style.textContent = job.pageCss;
  document.head.appendChild(style);
  document.body.appendChild(host);
  document.body.classList.add('printing');
  const root = createRoot(host);
  const cleanup = () => {
    if (current !== cleanup) return;
    current = null;
    root.unmount();
    host.remove();
    style.remove();
    document.body.classList.remove('printing');
  };
  current = cleanup;
  try {
    root.render(job.content);
    await whenReady(host);
    await document.fonts.ready;
    const printPdf = desktopPrintPdf();
    if (printPdf) {
      const bytes = await printPdf();
      saveBytes(job.fileName, bytes, 'application/pdf');
      cleanup();
      return 'saved';
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  // The browser's dialog: window.print() returns when it closes (afterprint follows); the view
  // stays until then.
  window.addEventListener('afterprint', cleanup, { once: true });
  const previous = document.title;
  // The dialog proposes the page title as the PDF's name.
  document.title = job.fileName.replace(/\.pdf$/i, '');
  window.print();
  document.title = previous;
  return 'printed';
}
