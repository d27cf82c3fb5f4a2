// The two transports behind one interface: Electron IPC through the preload's window.api, or
// HTTP to the browser-mode server with the per-run token.
import { decodeJson, encodeJson } from '../../core/api/codec';
import type { Envelope } from '../../core/api/errors';
import {
  SESSION_HEADER,
  TOKEN_HEADER,
  type AppEvent,
  type BridgeApi,
  type RpcRequest,
} from '../../core/api/transport';

export interface Transport {
  kind: 'ipc' | 'http';
  invoke(request: RpcRequest): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    api?: BridgeApi;
  }
}

export function ipcTransport(bridge: BridgeApi): Transport {
  return {
    kind: 'ipc',
    invoke: async (request) => (await bridge.invoke(request)) as Envelope<unknown>,
    subscribe: (listener) => bridge.on(listener),
  };
}

const TOKEN_KEY = 'app.token';

/** Browser mode: the token arrives once in the URL fragment (#token=…); keep it for reloads. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Reads a server-sent-events stream with fetch (EventSource cannot send the token header). */
function eventStream(token: string, listeners: Set<(e: AppEvent) => void>): () => void {
  const controller = new AbortController();
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const res = await fetch('/events', {
          headers: { [TOKEN_HEADER]: token },
          signal: controller.signal,
        });
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            for (const line of block.split('\n')) {
              if (line.startsWith('data: ')) {
                const event = JSON.parse(line.slice(6)) as AppEvent;
                for (const l of listeners) l(event);
              }
            }
            cut = buffer.indexOf('\n\n');
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  void run();
  return () => controller.abort();
}

export function httpTransport(token: string): Transport {
  const listeners = new Set<(e: AppEvent) => void>();
  let stop: (() => void) | null = null;
  return {
    kind: 'http',
    async invoke(request) {
      const res = await fetch(`/rpc/${encodeURIComponent(request.method)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TOKEN_HEADER]: token,
          ...(request.session ? { [SESSION_HEADER]: request.session } : {}),
        },
        body: encodeJson({ input: request.input, callId: request.callId }),
      });
      const text = await res.text();
      try {
        return decodeJson(text) as Envelope<unknown>;
      } catch {
        throw new Error(`HTTP ${res.status}`);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      stop ??= eventStream(token, listeners);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
  };
}

/** Used when neither transport is available: every call says why, in the user's language. */
export function missingTokenTransport(): Transport {
  return {
    kind: 'http',
    invoke: async () => ({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'errors.noToken', message: 'no access token' },
    }),
    subscribe: () => () => undefined,
  };
}
