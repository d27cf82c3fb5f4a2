// Sandboxed preload: exposes window.api with invoke and on, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_CHANNEL,
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
};

contextBridge.exposeInMainWorld('api', api);
