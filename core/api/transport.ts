// Names and shapes shared by both transports. The preload may import this file (names only).

/** The one IPC channel every call goes through (Electron). */
export const RPC_CHANNEL = 'app:rpc';
/** Events (progress of long work) from main to the renderer (Electron). */
export const EVENT_CHANNEL = 'app:event';
/** Electron: the main process prints the calling window to PDF (webContents.printToPDF). */
export const PRINT_PDF_CHANNEL = 'app:print-pdf';

/** Browser mode: header carrying the per-run token the server printed at start. */
export const TOKEN_HEADER = 'x-app-token';
/** Both transports: the session token returned by login travels beside the call. */
export const SESSION_HEADER = 'x-app-session';

export interface RpcRequest {
  method: string;
  input: unknown;
  /** Session token from `auth.login`, absent for public methods. */
  session?: string | undefined;
  /** Chosen by the caller so that it can follow progress events and cancel. */
  callId?: string | undefined;
}

export interface ProgressEvent {
  type: 'progress';
  callId: string;
  /** i18n key naming the phase (reading, checking, writing …). */
  phase: string;
  done: number;
  total: number | null;
}

export type AppEvent = ProgressEvent;

/** What the sandboxed preload exposes as `window.api` (Electron only). */
export interface BridgeApi {
  invoke(request: RpcRequest): Promise<unknown>;
  /** Subscribes to app events; returns the unsubscribe function. */
  on(listener: (event: AppEvent) => void): () => void;
  /**
   * Prints the window as it shows in print media (the renderer's print view, see
   * renderer/components/print) to PDF, with the page size and margins of its CSS @page rules.
   */
  printPdf?(): Promise<Uint8Array>;
}
