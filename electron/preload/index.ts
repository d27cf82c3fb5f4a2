// Sandboxed preload: exposes window.api with invoke, on and printPdf, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_CHANNEL,
  PRINT_PDF_CHANNEL,
  RPC_CHANNEL,
  type AppEvent,
  type BridgeApi,
  type RpcRequest,
} from '../../core/api/transport';

const api: BridgeApi = {
  invoke: (request: RpcRequest) => ipcRenderer.invoke(RPC_CHANNEL, request),
  on: (listener: (event: AppEvent) => void) => {
    const handler = (_e: unknown, event: AppEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
  printPdf: () => ipcRenderer.invoke(PRINT_PDF_CHANNEL) as Promise<Uint8Array>,
};

contextBridge.exposeInMainWorld('api', api);
