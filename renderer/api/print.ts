// Printing to PDF through the desktop shell: in Electron the preload exposes printPdf
// (webContents.printToPDF in the main process); in browser mode there is no bridge and the
// caller prints with window.print(). The only place besides the client that reads window.api.
export function desktopPrintPdf(): (() => Promise<Uint8Array>) | null {
  const bridge = window.api;
  return bridge?.printPdf ? () => bridge.printPdf!() : null;
}
