// The dispatcher (design §3): method allowlist → session and role → zod parse of the input →
// handler → output check → envelope. It never throws: every failure becomes {ok:false, error}.
import { randomUUID } from 'node:crypto';
import { contract, isMethodName, type MethodName } from '../../core/api/contract';
import { AppError, isAppError, type ApiError, type Envelope } from '../../core/api/errors';
import type { RpcRequest } from '../../core/api/transport';
import { zodFieldErrors } from '../../core/api/validation';
import { resolveSession } from './auth/sessions';
import type { AppContext } from './context';
import type { CallContext, Handler, Handlers } from './handler';
import { allowedInEvaluatorMode, isEvaluatorWorkspace } from './packages/mode';

export type Dispatch = (request: RpcRequest) => Promise<Envelope<unknown>>;

function internal(message: string): ApiError {
  return { code: 'INTERNAL', key: 'errors.INTERNAL', message };
}

export function createDispatcher(app: AppContext, handlers: Handlers): Dispatch {
  async function run(request: RpcRequest): Promise<unknown> {
    const name = request.method;
    if (typeof name !== 'string' || !isMethodName(name)) {
      throw new AppError('UNKNOWN_METHOD', `unknown method ${String(name)}`, {
        params: { method: String(name).slice(0, 100) },
      });
    }
    const def = contract[name];
    // An evaluator's workspace (made from a task package) is for scoring only (issue 8).
    if (isEvaluatorWorkspace(app.repos) && !allowedInEvaluatorMode(name)) {
      throw new AppError('FORBIDDEN', `${name} is not available in evaluator mode`, {
        key: 'errors.evaluatorMode',
      });
    }
    const session = resolveSession(
      app,
      typeof request.session === 'string' ? request.session : undefined,
    );
    if (def.access !== 'public') {
      if (!session) throw new AppError('UNAUTHENTICATED', `${name} needs a session`);
      if (!(def.access as readonly string[]).includes(session.user.role)) {
        app.log.warn('forbidden call', {
          method: name,
          userId: session.user.id,
          role: session.user.role,
        });
        throw new AppError('FORBIDDEN', `${session.user.role} may not call ${name}`);
      }
    }
    const rawInput = request.input === undefined ? {} : request.input;
    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError('VALIDATION', `invalid input for ${name}`, {
        fieldErrors: zodFieldErrors(parsed.error, rawInput),
      });
    }
    const callId =
      typeof request.callId === 'string' && request.callId ? request.callId : randomUUID();
    const controller = app.jobs.start(callId, session?.user.id ?? null);
    const call: CallContext = {
      user: session?.user ?? null,
      sessionHash: session?.hash ?? null,
      callId,
      signal: controller.signal,
      progress: (phase, done, total) =>
        app.events.publish({ type: 'progress', callId, phase, done, total }),
    } as CallContext;
    try {
      const handler = handlers[name] as Handler<MethodName>;
      const output = await handler(parsed.data as never, call as never);
      const checked = def.output.safeParse(output);
      if (!checked.success) {
        app.log.error('handler output does not match the contract', {
          method: name,
          issues: checked.error.issues,
        });
        throw new Error(`output of ${name} does not match the contract`);
      }
      return checked.data;
    } finally {
      app.jobs.end(callId);
    }
  }

  return async function dispatch(request) {
    try {
      return { ok: true, data: await run(request) };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toApiError() };
      app.log.error('call failed', { method: String(request?.method), error: e });
      return { ok: false, error: internal(e instanceof Error ? e.message : String(e)) };
    }
  };
}
