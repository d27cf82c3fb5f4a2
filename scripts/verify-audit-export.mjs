#!/usr/bin/env node
// Checks a signed audit-log export of 行政执法案卷评查系统 with nothing but Node.js (18 or newer):
//
//   node verify-audit-export.mjs <file.jsonl> [--fingerprint "AB12 CD34 …"]
//
// It checks the Ed25519 signature over the file, every entry's SHA-256 hash, the link of each
// entry to the one before it, and for a complete export that no entry is missing. With
// --fingerprint it also checks that the file was signed by the workspace whose key fingerprint
// you were given (the coordinator's settings screen shows it). Exit code 0: the file verifies;
// 1: it does not; 2: wrong usage or unreadable file.
//
// The format is described in core/audit/export-format.ts; this file repeats the same checks on
// purpose, so that a supervising office can run it without the app (a test keeps the two in step).
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const FORMAT = 'anjuan-pingcha/audit-log';
const GENESIS = '0'.repeat(64);

const sha256Hex = (data) => createHash('sha256').update(data).digest('hex');
const entryHash = (e) =>
  sha256Hex(
    Buffer.from(
      JSON.stringify([
        e.seq,
        e.at,
        e.actorId,
        e.actorName,
        e.action,
        e.entityType,
        e.entityId,
        e.details,
        e.prevHash,
      ]),
      'utf8',
    ),
  );
/** SHA-256 of the DER public key, first 128 bits, groups of four hex digits (as the app shows it). */
const fingerprintOf = (derBase64) =>
  sha256Hex(Buffer.from(derBase64, 'base64')).slice(0, 32).toUpperCase().match(/.{4}/g).join(' ');
const sameFingerprint = (a, b) =>
  a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

function parse(line) {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** Returns { problems: string[], header, entries, fingerprint }. */
export function verifyExport(text, expectedFingerprint) {
  const problems = [];
  if (!text.endsWith('\n')) return { problems: ['format: the file does not end with a newline'] };
  const lines = text.slice(0, -1).split('\n');
  const header = parse(lines[0]);
  if (!header || header.type !== 'header' || header.format !== FORMAT || header.version !== 1) {
    return { problems: ['format: line 1 is not an audit-log export header'] };
  }
  const sig = parse(lines[lines.length - 1]);
  if (!sig || sig.type !== 'signature' || sig.algorithm !== 'Ed25519') {
    return { problems: [`format: line ${lines.length} is not the signature`], header };
  }
  let fingerprint = null;
  try {
    fingerprint = fingerprintOf(header.publicKey);
    const key = createPublicKey({
      key: Buffer.from(header.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const body = Buffer.from(`${lines.slice(0, -1).join('\n')}\n`, 'utf8');
    if (!verify(null, body, key, Buffer.from(sig.signature, 'base64'))) {
      problems.push('signature: does not match the content (the file was changed after signing)');
    }
  } catch (e) {
    problems.push(`signature: cannot be checked (${e.message})`);
  }
  if (fingerprint && !sameFingerprint(fingerprint, String(header.keyFingerprint))) {
    problems.push('fingerprint: the header names another key than the one that signed');
  }
  if (expectedFingerprint && (!fingerprint || !sameFingerprint(fingerprint, expectedFingerprint))) {
    problems.push(`fingerprint: signed by ${fingerprint}, expected ${expectedFingerprint}`);
  }
  const entries = lines.slice(1, -1);
  let prev = null;
  entries.forEach((l, i) => {
    const e = parse(l);
    const at = `line ${i + 2}`;
    if (!e || e.type !== 'entry' || !Number.isSafeInteger(e.seq) || typeof e.details !== 'string') {
      problems.push(`format: ${at} is not an entry`);
      return;
    }
    if (prev && e.seq <= prev.seq) problems.push(`order: entry ${e.seq} (${at}) is out of order`);
    if (entryHash(e) !== e.hash) {
      problems.push(`entry ${e.seq} (${at}): its hash does not match its content`);
    } else if (prev && e.seq === prev.seq + 1 && e.prevHash !== prev.hash) {
      problems.push(`entry ${e.seq} (${at}): does not link to entry ${prev.seq}`);
    } else if (!prev && e.seq === 1 && e.prevHash !== GENESIS) {
      problems.push(`entry 1 (${at}): does not start the chain`);
    }
    if (header.complete && e.seq !== (prev ? prev.seq + 1 : 1)) {
      problems.push(`gap: entry ${e.seq} (${at}) follows ${prev ? prev.seq : 'nothing'}`);
    }
    prev = e;
  });
  if (entries.length !== header.count) {
    problems.push(
      `count: the header says ${header.count} entries, the file holds ${entries.length}`,
    );
  }
  if (
    header.complete &&
    ((prev ? prev.seq : 0) !== header.head.seq || (prev ? prev.hash : GENESIS) !== header.head.hash)
  ) {
    problems.push('head: the complete log does not end at the head recorded in the header');
  }
  return { problems, header, entries: entries.length, fingerprint };
}

function main(argv) {
  const args = argv.slice(2);
  const i = args.indexOf('--fingerprint');
  const expected = i >= 0 ? args[i + 1] : undefined;
  const files = args.filter((a, j) => !(i >= 0 && (j === i || j === i + 1)) && !a.startsWith('--'));
  if (files.length !== 1 || (i >= 0 && !expected)) {
    process.stderr.write(
      'usage: node verify-audit-export.mjs <file.jsonl> [--fingerprint "AB12 CD34 …"]\n',
    );
    return 2;
  }
  let text;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${files[0]}: ${e.message}\n`);
    return 2;
  }
  const r = verifyExport(text, expected);
  const h = r.header;
  const out = [];
  if (h) {
    out.push(`工作区 / Workspace:      ${h.orgName ?? ''} (${h.workspaceId})`);
    out.push(`导出时间 / Exported at:  ${h.exportedAt} by ${h.exportedBy?.name ?? '-'}`);
    out.push(
      `记录 / Entries:          ${r.entries ?? 0} (seq ${h.firstSeq ?? '-'}–${h.lastSeq ?? '-'}; ${h.complete ? 'complete log' : `filtered: ${JSON.stringify(h.filter)}`})`,
    );
    out.push(`公钥指纹 / Fingerprint:  ${r.fingerprint ?? '-'}`);
  }
  if (r.problems.length === 0) {
    out.push('结果 / Result:           OK — signature, hashes and links verify');
  } else {
    out.push(`结果 / Result:           FAILED (${r.problems.length})`);
    for (const p of r.problems) out.push(`  - ${p}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return r.problems.length === 0 ? 0 : 1;
}

// Run as a command (not when imported by the test).
if (process.argv[1]?.endsWith('verify-audit-export.mjs')) {
  process.exitCode = main(process.argv);
}
