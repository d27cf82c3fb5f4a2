// The signed audit-log export (issue 8 item 6): a file the supervising office can check without
// our app. JSON lines, UTF-8, each line ending in "\n":
//
//   line 1      {"type":"header", format, version, workspace, who exported it and when, the
//                filter, whether it is the complete log, count, first/last seq, the head of the
//                live chain, the workspace's Ed25519 public key (SPKI DER, base64, as in the task
//                packages) and its fingerprint as the settings screen shows it}
//   lines 2..n  {"type":"entry", seq, at, actorId, actorName, action, entityType, entityId,
//                details, prevHash, hash} — exactly the stored row (details is the stored JSON
//                text, so the hash can be recomputed)
//   last line   {"type":"signature","algorithm":"Ed25519","signature":"<base64>"}: the signature
//                over the UTF-8 bytes of every line before it, newlines included.
//
// An entry's hash is SHA-256 (hex) of JSON.stringify([seq, at, actorId, actorName, action,
// entityType, entityId, details, prevHash]) in UTF-8; prevHash of the first entry ever is 64
// zeros. This module writes and checks the format; the signature itself is computed and
// verified by the caller (node:crypto lives in the services and in the standalone script).
import { sha256Hex, utf8 } from '../hash';
import { fingerprintOf } from '../packages/rules';

export const AUDIT_EXPORT_FORMAT = 'anjuan-pingcha/audit-log';
export const AUDIT_EXPORT_VERSION = 1;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** The stored JSON text of the details. */
  details: string;
  prevHash: string;
  hash: string;
}

export interface AuditExportHeader {
  type: 'header';
  format: typeof AUDIT_EXPORT_FORMAT;
  version: typeof AUDIT_EXPORT_VERSION;
  workspaceId: string;
  orgName: string | null;
  exportedAt: string;
  exportedBy: { id: string; name: string } | null;
  /** The filter as given; null for the whole log. */
  filter: Record<string, unknown> | null;
  /** The whole log: entries 1..head.seq, nothing left out. */
  complete: boolean;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The newest entry of the live log when the file was made. */
  head: { seq: number; hash: string };
  /** The live chain's verification when the file was made. */
  chain: { ok: boolean; firstBrokenSeq: number | null };
  algorithm: 'Ed25519';
  /** SPKI DER, base64. */
  publicKey: string;
  /** core/packages/rules.ts fingerprintOf: SHA-256 of the DER key, 128 bits in groups of four. */
  keyFingerprint: string;
}

/** The text an entry's hash is taken over (design §4): its fields in a fixed order. */
export function auditCanonical(e: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.details,
    e.prevHash,
  ]);
}

/** The hash an entry must carry: SHA-256 of auditCanonical (db/repos/audit.ts writes it). */
export function auditEntryHash(e: Omit<AuditRow, 'hash'>): string {
  return sha256Hex(auditCanonical(e));
}

const line = (o: unknown) => `${JSON.stringify(o)}\n`;

/** Header and entry lines: the bytes to sign. */
export function auditExportBody(header: AuditExportHeader, rows: readonly AuditRow[]): string {
  let out = line(header);
  for (const r of rows) {
    out += line({
      type: 'entry',
      seq: r.seq,
      at: r.at,
      actorId: r.actorId,
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      details: r.details,
      prevHash: r.prevHash,
      hash: r.hash,
    });
  }
  return out;
}

export function auditExportSignatureLine(signatureBase64: string): string {
  return line({ type: 'signature', algorithm: 'Ed25519', signature: signatureBase64 });
}

/** What the verifier needs from a crypto library (node:crypto in practice). */
export interface ExportCrypto {
  /** Ed25519 verification of `data` against a base64 signature, the key as SPKI DER base64. */
  verify(publicKey: string, data: Uint8Array, signatureBase64: string): boolean;
}

/** Fingerprints compare without spaces and case ("ab12 CD34" is "AB12CD34"). */
export const sameFingerprint = (a: string, b: string) =>
  a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

export type ExportProblem =
  | { code: 'format'; line: number }
  | { code: 'signature' }
  | { code: 'fingerprint'; expected: string; actual: string }
  | { code: 'count'; expected: number; actual: number }
  | { code: 'entryHash'; seq: number; line: number }
  | { code: 'link'; seq: number; line: number }
  | { code: 'order'; seq: number; line: number }
  | { code: 'gap'; seq: number; line: number }
  | { code: 'head' };

export interface ExportVerification {
  ok: boolean;
  /** Every problem found, in file order (the signature first). */
  problems: ExportProblem[];
  header: AuditExportHeader | null;
  entries: number;
  /** Fingerprint of the key the file was signed with (compare it with the workspace's). */
  fingerprint: string | null;
  signatureOk: boolean;
  /** The first entry whose own hash or link to the entry before it does not hold. */
  firstBrokenSeq: number | null;
}

const HEX64 = /^[0-9a-f]{64}$/;

function isRow(o: Record<string, unknown>): boolean {
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  return (
    o.type === 'entry' &&
    Number.isSafeInteger(o.seq) &&
    typeof o.at === 'string' &&
    strOrNull(o.actorId) &&
    strOrNull(o.actorName) &&
    typeof o.action === 'string' &&
    strOrNull(o.entityType) &&
    strOrNull(o.entityId) &&
    typeof o.details === 'string' &&
    typeof o.prevHash === 'string' &&
    typeof o.hash === 'string' &&
    HEX64.test(o.hash)
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Checks an export: the signature over everything before the last line, the fingerprint (when
 * the caller knows which key to expect), the count, every entry's own hash, the link between
 * consecutive entries and, for a complete export, that nothing is missing from 1 to the head.
 */
export function verifyAuditExport(
  text: string,
  crypto: ExportCrypto,
  opts: { expectedFingerprint?: string } = {},
): ExportVerification {
  const problems: ExportProblem[] = [];
  const result = (
    header: AuditExportHeader | null,
    entries: number,
    fp: string | null,
    sig: boolean,
  ) => {
    const broken = problems.find((p): p is Extract<ExportProblem, { seq: number }> => 'seq' in p);
    return {
      ok: problems.length === 0,
      problems,
      header,
      entries,
      fingerprint: fp,
      signatureOk: sig,
      firstBrokenSeq: broken?.seq ?? null,
    };
  };
  if (!text.endsWith('\n')) {
    problems.push({ code: 'format', line: text.split('\n').length });
    return result(null, 0, null, false);
  }
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 2) {
    problems.push({ code: 'format', line: 1 });
    return result(null, 0, null, false);
  }
  const head = parse(lines[0]!) as AuditExportHeader | null;
  if (
    !head ||
    head.type !== 'header' ||
    head.format !== AUDIT_EXPORT_FORMAT ||
    head.version !== AUDIT_EXPORT_VERSION ||
    typeof head.publicKey !== 'string' ||
    !head.head ||
    typeof head.head.hash !== 'string'
  ) {
    problems.push({ code: 'format', line: 1 });
    return result(null, 0, null, false);
  }
  const sigLine = parse(lines[lines.length - 1]!) as Record<string, unknown> | null;
  if (
    !sigLine ||
    sigLine.type !== 'signature' ||
    sigLine.algorithm !== 'Ed25519' ||
    typeof sigLine.signature !== 'string'
  ) {
    problems.push({ code: 'format', line: lines.length });
    return result(head, 0, null, false);
  }

  let fingerprint: string | null = null;
  let signatureOk = false;
  try {
    fingerprint = fingerprintOf(head.publicKey);
    const body = `${lines.slice(0, -1).join('\n')}\n`;
    signatureOk = crypto.verify(head.publicKey, utf8(body), sigLine.signature);
  } catch {
    // A key or signature that does not parse verifies nothing (signatureOk stays false).
  }
  if (!signatureOk) problems.push({ code: 'signature' });
  if (fingerprint !== null && !sameFingerprint(fingerprint, String(head.keyFingerprint))) {
    problems.push({
      code: 'fingerprint',
      expected: String(head.keyFingerprint),
      actual: fingerprint,
    });
  }
  if (
    opts.expectedFingerprint &&
    (fingerprint === null || !sameFingerprint(fingerprint, opts.expectedFingerprint))
  ) {
    problems.push({
      code: 'fingerprint',
      expected: opts.expectedFingerprint,
      actual: fingerprint ?? '',
    });
  }

  const entryLines = lines.slice(1, -1);
  let prev: AuditRow | null = null;
  for (let i = 0; i < entryLines.length; i++) {
    const lineNo = i + 2;
    const o = parse(entryLines[i]!) as Record<string, unknown> | null;
    if (!o || !isRow(o)) {
      problems.push({ code: 'format', line: lineNo });
      continue;
    }
    const row = o as unknown as AuditRow;
    if (prev && row.seq <= prev.seq) problems.push({ code: 'order', seq: row.seq, line: lineNo });
    if (auditEntryHash(row) !== row.hash) {
      problems.push({ code: 'entryHash', seq: row.seq, line: lineNo });
    } else if (prev && row.seq === prev.seq + 1 && row.prevHash !== prev.hash) {
      problems.push({ code: 'link', seq: row.seq, line: lineNo });
    } else if (!prev && row.seq === 1 && row.prevHash !== GENESIS_HASH) {
      problems.push({ code: 'link', seq: row.seq, line: lineNo });
    }
    if (head.complete && row.seq !== (prev ? prev.seq + 1 : 1)) {
      problems.push({ code: 'gap', seq: row.seq, line: lineNo });
    }
    prev = row;
  }
  if (entryLines.length !== head.count) {
    problems.push({ code: 'count', expected: head.count, actual: entryLines.length });
  }
  // A complete export ends at the head the live log had: nothing newer was left out.
  if (
    head.complete &&
    ((prev?.seq ?? 0) !== head.head.seq || (prev?.hash ?? GENESIS_HASH) !== head.head.hash)
  ) {
    problems.push({ code: 'head' });
  }
  return result(head, entryLines.length, fingerprint, signatureOk);
}
