// Event stream for progress of long work. Events carry a callId and counters only, never data,
// so every transport listener may receive all of them and the client filters by callId.
import type { AppEvent } from '../../core/api/transport';

export type EventListener = (event: AppEvent) => void;

export class EventBus {
  private listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AppEvent): void {
    for (const l of this.listeners) l(event);
  }
}
