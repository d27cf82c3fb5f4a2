// Handler types, derived from the contract: a handler gets the parsed input and the call's
// context (the session user, progress reporting, cancellation).
import type { SessionUser } from '../../core/accounts/schemas';
import type { Contract, MethodName, MethodOutput, ParsedInput } from '../../core/api/contract';

export interface CallContext<M extends MethodName = MethodName> {
  /** The session user; guaranteed for every method that is not public. */
  user: Contract[M]['access'] extends 'public' ? SessionUser | null : SessionUser;
  /** SHA-256 of the caller's session token, when there is a session. */
  sessionHash: string | null;
  callId: string;
  signal: AbortSignal;
  /** Reports progress of long work on the event stream. */
  progress(phase: string, done: number, total: number | null): void;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  call: CallContext<M>,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
