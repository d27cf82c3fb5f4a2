// Autosave of one evaluation sheet (issue 6). Every change is sent shortly after it is made
// (debounced), through `sheets.save` with the sheet's revision counter: one more than the last
// save this client sent, starting from the revision the sheet was loaded with. Saves go one at a
// time and in order; a save that fails for lack of a connection is retried with the newest
// content (the same revision while the content is the same, so a retry is idempotent). The newest
// content is also kept in localStorage until the server has it, so that closing the window in the
// middle of a save loses nothing: the next opening of the sheet sends it.
import type { ApiError } from '../../../core/api/errors';
import type { SheetContent } from '../../../core/scoring/schemas';
import { api } from '../../api/client';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface SaveStatus {
  state: SaveState;
  error: ApiError | null;
  /** The revision the server last acknowledged. */
  revision: number;
  savedAt: string | null;
}

/** Changes are sent this long after the last one (well within the 500 ms promised). */
export const DEBOUNCE_MS = 250;
const RETRY_MS = [1000, 2000, 4000, 8000, 15000];
const DRAFT_PREFIX = 'tasks.draft.';

interface Draft {
  /** The highest revision this client had sent when the draft was written. */
  sent: number;
  content: SheetContent;
}

function readDraft(sheetId: string): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_PREFIX + sheetId);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function writeDraft(sheetId: string, draft: Draft | null): void {
  try {
    if (draft) localStorage.setItem(DRAFT_PREFIX + sheetId, JSON.stringify(draft));
    else localStorage.removeItem(DRAFT_PREFIX + sheetId);
  } catch {
    // A full or unavailable storage only loses the safety copy, never the save itself.
  }
}

/** JSON with sorted keys: the server returns findings with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const same = (a: SheetContent, b: SheetContent) => canonical(a) === canonical(b);

/**
 * Content left behind by an earlier session that the server never acknowledged: newer than the
 * sheet as loaded when no revision beyond what that session sent has been stored since.
 */
export function unsavedDraft(
  sheetId: string,
  revision: number,
  content: SheetContent,
): SheetContent | null {
  const d = readDraft(sheetId);
  if (!d) return null;
  if (revision > d.sent || same(d.content, content)) {
    writeDraft(sheetId, null);
    return null;
  }
  return d.content;
}

/** Forgets a safety copy that can no longer be saved (the sheet is locked). */
export function discardDraft(sheetId: string): void {
  writeDraft(sheetId, null);
}

/** Every saver that may still hold unsaved content, so that leaving a screen can wait for them. */
const live = new Set<Saver>();

/**
 * The saver still working on a sheet's unsaved content (the screen left it a moment ago): the
 * screen takes it back rather than start a second writer for the same sheet.
 */
export function pendingSaver(sheetId: string): Saver | null {
  for (const s of live) if (s.sheetId === sheetId && s.dirty) return s;
  return null;
}

/** Waits for every pending save (true when all reached the server). */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...live].map((s) => s.flush()));
  return results.every(Boolean);
}

export class Saver {
  private latest: SheetContent;
  private acked: SheetContent;
  private counter: number;
  private attempt: { revision: number; content: SheetContent; tries: number } | null = null;
  private inflight: Promise<void> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private listener: ((s: SaveStatus) => void) | null;
  status: SaveStatus;

  constructor(
    readonly sheetId: string,
    revision: number,
    savedAt: string | null,
    content: SheetContent,
    listener: (s: SaveStatus) => void,
  ) {
    this.latest = content;
    this.acked = content;
    this.counter = revision;
    this.listener = listener;
    this.status = { state: 'saved', error: null, revision, savedAt };
  }

  get content(): SheetContent {
    return this.latest;
  }

  get dirty(): boolean {
    return this.latest !== this.acked;
  }

  /** Reports to the screen again (the sheet is open again). */
  attach(listener: (s: SaveStatus) => void): void {
    this.listener = listener;
    live.add(this);
  }

  /** Stops reporting to the screen (another sheet is open); pending saves still complete. */
  detach(): void {
    this.listener = null;
    if (!this.dirty && !this.inflight) live.delete(this);
  }

  private set(patch: Partial<SaveStatus>) {
    this.status = { ...this.status, ...patch };
    this.listener?.(this.status);
  }

  private keepDraft() {
    writeDraft(this.sheetId, this.dirty ? { sent: this.counter, content: this.latest } : null);
  }

  /** A change: remembered at once, sent after DEBOUNCE_MS without further changes. */
  update(content: SheetContent): void {
    this.latest = content;
    live.add(this);
    this.keepDraft();
    if (this.status.state === 'saved') this.set({ state: 'pending' });
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  /** Saves now and again until the server has the newest content; false on a failure. */
  async flush(): Promise<boolean> {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    for (let round = 0; round < 50; round++) {
      if (this.inflight) {
        await this.inflight;
        if (this.status.state === 'error') return false;
        continue;
      }
      if (!this.dirty) return true;
      const run = this.saveOnce();
      this.inflight = run;
      try {
        await run;
      } finally {
        this.inflight = null;
      }
      if (this.status.state === 'error') return false;
    }
    return !this.dirty;
  }

  /** The retry button: at once, whatever the backoff. */
  retry(): Promise<boolean> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.failures = 0;
    return this.flush();
  }

  private async saveOnce(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const content = this.latest;
    if (!this.attempt || this.attempt.content !== content) {
      this.counter += 1;
      this.attempt = { revision: this.counter, content, tries: 0 };
      this.keepDraft();
    }
    const attempt = this.attempt;
    attempt.tries += 1;
    this.set({ state: 'saving' });
    const r = await api.call('sheets.save', {
      sheetId: this.sheetId,
      revision: attempt.revision,
      content,
    });
    if (!r.ok) {
      this.set({ state: 'error', error: r.error });
      // Only a lost connection (or a crashed service) is worth retrying on its own; a refusal
      // (submitted elsewhere, campaign closed, session over) waits for the retry button.
      if (r.error.code === 'INTERNAL') {
        const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
        this.failures += 1;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.flush();
        }, wait);
      }
      return;
    }
    this.failures = 0;
    const { revision, applied, savedAt } = r.data;
    if (applied || (revision === attempt.revision && attempt.tries > 1)) {
      // Stored now, or by an earlier try of this same save whose answer was lost.
      this.acked = content;
      this.attempt = null;
    } else {
      // The sheet has a revision at least as new from someone else (joint sheets have several
      // writers): ours is sent again above it, so the newest content is never dropped.
      this.counter = Math.max(this.counter, revision);
      this.attempt = null;
    }
    this.keepDraft();
    this.set({
      state: this.dirty ? 'pending' : 'saved',
      error: null,
      revision: this.acked === content ? revision : this.status.revision,
      savedAt: this.acked === content ? savedAt : this.status.savedAt,
    });
    if (!this.dirty && !this.listener) live.delete(this);
  }
}
