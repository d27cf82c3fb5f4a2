// The renderer's API client: typed from the contract, picks window.api when present and HTTP
// otherwise, carries the session token, follows progress and cancels long work.
import type { MethodInput, MethodName, MethodOutput } from '../../core/api/contract';
import type { ApiError, Envelope } from '../../core/api/errors';
import type { ProgressEvent } from '../../core/api/transport';
import {
  httpTransport,
  ipcTransport,
  missingTokenTransport,
  takeToken,
  type Transport,
} from './transports';

export interface CallOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

const SESSION_KEY = 'app.session';

export class ApiClient {
  private session: string | null = sessionStorage.getItem(SESSION_KEY);
  private sessionLostListeners = new Set<() => void>();

  constructor(readonly transport: Transport) {}

  hasSession(): boolean {
    return this.session !== null;
  }

  setSession(token: string | null): void {
    this.session = token;
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  }

  /** Called when a call made with a session is refused as unauthenticated (expired, revoked). */
  onSessionLost(listener: () => void): () => void {
    this.sessionLostListeners.add(listener);
    return () => this.sessionLostListeners.delete(listener);
  }

  async call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    opts: CallOptions = {},
  ): Promise<Envelope<MethodOutput<M>>> {
    const callId = crypto.randomUUID();
    const unsubscribe = opts.onProgress
      ? this.transport.subscribe((e) => {
          if (e.callId === callId) opts.onProgress?.(e);
        })
      : null;
    const onAbort = () => void this.call('jobs.cancel', { callId });
    opts.signal?.addEventListener('abort', onAbort);
    const hadSession = this.session;
    try {
      const envelope = (await this.transport.invoke({
        method,
        input,
        session: this.session ?? undefined,
        callId,
      })) as Envelope<MethodOutput<M>>;
      if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED' && hadSession) {
        this.setSession(null);
        for (const l of this.sessionLostListeners) l();
      }
      return envelope;
    } catch (e) {
      const error: ApiError = {
        code: 'INTERNAL',
        key: 'errors.network',
        message: String(e),
        params: { detail: e instanceof Error ? e.message : String(e) },
      };
      return { ok: false, error };
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      unsubscribe?.();
    }
  }
}

function pickTransport(): Transport {
  if (window.api) return ipcTransport(window.api);
  const token = takeToken();
  return token ? httpTransport(token) : missingTokenTransport();
}

export const api = new ApiClient(pickTransport());
