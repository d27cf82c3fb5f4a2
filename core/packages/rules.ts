// The rules of offline packages that need no I/O: the check of a manifest's entry list against
// the archive, validity, the public-key fingerprint, the order of result exports, and how each
// sheet of a result package compares with the coordinator's sheet (new / newer / same / older /
// conflict) and what a merge does with it.
import { portableBase64 } from '../api/codec';
import { sha256Hex } from '../hash';
import type { MessageKey } from '../i18n/keys';
import type { Entry } from './schemas';

/** Why a package is refused: an i18n key (errors.*) and its parameters. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * The manifest lists every entry but itself and its authenticator, each exactly once, with its
 * SHA-256 and size; the archive holds exactly those entries. `digest` reads an entry.
 */
export function checkEntries(
  listed: readonly Entry[],
  present: readonly string[],
  authenticators: readonly string[],
  digest: (name: string) => { sha256: string; size: number },
): Problem | null {
  const names = new Set<string>();
  for (const e of listed) {
    if (names.has(e.name) || authenticators.includes(e.name)) {
      return { key: 'errors.packageManifestInvalid' };
    }
    names.add(e.name);
  }
  for (const name of present) {
    if (!names.has(name) && !authenticators.includes(name)) {
      return { key: 'errors.packageEntryUnexpected', params: { entry: name } };
    }
  }
  const have = new Set(present);
  for (const e of listed) {
    if (!have.has(e.name)) return { key: 'errors.packageEntryMissing', params: { entry: e.name } };
  }
  for (const e of listed) {
    const d = digest(e.name);
    if (d.sha256 !== e.sha256 || d.size !== e.size) {
      return { key: 'errors.packageEntryHash', params: { entry: e.name } };
    }
  }
  return null;
}

export function isExpired(validUntil: string, now: Date): boolean {
  return now.getTime() > Date.parse(validUntil);
}

/**
 * The fingerprint people compare by eye (settings screen ↔ package preview): the SHA-256 of the
 * public key's DER bytes, first 128 bits, in eight groups of four hex digits.
 */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = sha256Hex(portableBase64.decode(publicKeyBase64)).slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/**
 * Where an incoming result export stands against what was merged from the same task package:
 * the next one (apply), the very one merged last (a no-op), or an earlier one (refused: an
 * older export never replaces a newer one). `sameAsMerged` says whether the merged export with
 * this sequence has the same manifest digest.
 */
export type SequenceStanding = 'next' | 'duplicate' | 'older' | 'reused';

export function sequenceStanding(
  incoming: number,
  mergedSequence: number,
  sameAsMerged: boolean | null,
): SequenceStanding {
  if (incoming > mergedSequence) return 'next';
  if (incoming < mergedSequence) return 'older';
  return sameAsMerged ? 'duplicate' : 'reused';
}

export const SHEET_CLASSES = ['new', 'newer', 'same', 'older', 'conflict'] as const;
/**
 * new: the coordinator has nothing on this sheet yet; newer: the package carries work the
 * coordinator does not have, and nothing changed here since the package was issued (or last
 * merged); same: nothing to take; older: this workspace has newer work than the package;
 * conflict: changed here and in the package since the package was issued (or last merged).
 */
export type SheetClass = (typeof SHEET_CLASSES)[number];

export interface SheetState {
  revision: number;
  status: string;
  content: string;
}

export function classifySheet(input: {
  /** The coordinator's sheet now, and its last version seq. */
  local: SheetState & { lastSeq: number };
  /** The baseline: the last version seq here when issued / last merged, evaluator versions merged. */
  baseline: { baseSeq: number; mergedRemote: number };
  /** The package's sheet and how many versions it carries. */
  remote: SheetState & { versions: number };
}): SheetClass {
  const { local, baseline, remote } = input;
  const remoteNew = remote.versions - baseline.mergedRemote;
  const localChanged = local.lastSeq > baseline.baseSeq;
  const equal =
    local.revision === remote.revision &&
    local.status === remote.status &&
    local.content === remote.content;
  if (remoteNew < 0) return 'older';
  if (remoteNew === 0) return localChanged && !equal ? 'older' : 'same';
  if (equal) return 'same';
  if (localChanged) return 'conflict';
  return local.lastSeq === 0 && local.revision === 0 ? 'new' : 'newer';
}

export type Resolution = 'local' | 'package';
/** apply: take the package's sheet; keep: a resolved conflict kept as it is here; none: nothing. */
export type MergeAction = 'apply' | 'keep' | 'none';

export function planMerge(
  classes: ReadonlyMap<string, SheetClass>,
  resolutions: ReadonlyMap<string, Resolution>,
): { actions: Map<string, MergeAction>; unresolved: string[] } {
  const actions = new Map<string, MergeAction>();
  const unresolved: string[] = [];
  for (const [sheetId, cls] of classes) {
    if (cls === 'new' || cls === 'newer') actions.set(sheetId, 'apply');
    else if (cls === 'conflict') {
      const r = resolutions.get(sheetId);
      if (r === 'package') actions.set(sheetId, 'apply');
      else if (r === 'local') actions.set(sheetId, 'keep');
      else unresolved.push(sheetId);
    } else actions.set(sheetId, 'none');
  }
  return { actions, unresolved };
}

/** A result is partial while any assigned sheet is not submitted. */
export function isPartial(statuses: readonly string[]): boolean {
  return statuses.length === 0 || statuses.some((s) => s !== 'submitted');
}
