// Rectification (整改, issue 7 item 7; domain.md §6 "Rectification feedback record"): the four
// states of a tracked problem and the moves between them. Pure.
//
//   未整改 open ──▶ 整改中 in_progress ──▶ 已整改 rectified ──▶ 已复核 verified
//        └──────────────────────────────────▲   │
//   open ◀── in_progress (set back by mistake)  └──▶ in_progress (复核 not passed: sent back)
//
// 已复核 (verified) is the organiser's confirmation that the fix holds; it comes only after 已整改
// and is final. 已整改 needs the department's reply (what was done); sending a rectified problem
// back to 整改中 needs a note saying why.

export const RECTIFY_STATUSES = ['open', 'in_progress', 'rectified', 'verified'] as const;
export type RectifyStatus = (typeof RECTIFY_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<RectifyStatus, readonly RectifyStatus[]>> = {
  open: ['in_progress', 'rectified'],
  in_progress: ['rectified', 'open'],
  rectified: ['verified', 'in_progress'],
  verified: [],
};

/** Statuses in which a problem still counts as not rectified (for overdue and the rate). */
export const UNRESOLVED: readonly RectifyStatus[] = ['open', 'in_progress'];
/** Statuses in which the department has reported the problem fixed. */
export const RESOLVED: readonly RectifyStatus[] = ['rectified', 'verified'];

export interface MoveInput {
  from: RectifyStatus;
  to: RectifyStatus;
  /** The department's reply as it will be stored after the move (trimmed). */
  reply: string;
  /** The note given with this move (trimmed; may be empty). */
  note: string;
}

/** Why a move is refused; each maps to an i18n key `rectify.errors.<reason>`. */
export type MoveRefusal =
  'verifiedFinal' | 'transition' | 'verifyBeforeRectified' | 'replyRequired' | 'noteRequired';

/**
 * Checks a status move. `from === to` is an edit of the reply alone, allowed in every state but
 * 已复核. Returns null when the move is allowed.
 */
export function checkMove(m: MoveInput): MoveRefusal | null {
  if (m.from === 'verified') return 'verifiedFinal';
  if (m.from !== m.to && !TRANSITIONS[m.from].includes(m.to)) {
    return m.to === 'verified' ? 'verifyBeforeRectified' : 'transition';
  }
  if ((m.to === 'rectified' || m.to === 'verified') && m.reply === '') return 'replyRequired';
  if (m.from === 'rectified' && m.to === 'in_progress' && m.note === '') return 'noteRequired';
  return null;
}

export const isResolved = (s: RectifyStatus) => RESOLVED.includes(s);
