// The workspace's identity (issue 8): its id and Ed25519 key pair, made by migration 0007 and kept
// in the database. Task packages are signed with it; the audit-log export can sign with it too.
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { fingerprintOf } from '../../../core/packages/rules';
import type { Repos } from '../../../db';

export interface WorkspaceSigner {
  workspaceId: string;
  /** SPKI DER, base64: what travels in packages. */
  publicKey: string;
  publicKeyPem: string;
  /** SHA-256 of the public key, first 128 bits in groups: what people compare by eye. */
  fingerprint: string;
  createdAt: string;
  /** Ed25519 signature of the bytes (64 bytes). */
  sign(bytes: Uint8Array): Uint8Array;
}

const keys = new WeakMap<object, { key: KeyObject; publicKeyPem: string }>();

/** This workspace's signer. The private key is parsed once per identity row read. */
export function workspaceSigner(repos: Pick<Repos, 'packages'>): WorkspaceSigner {
  const row = repos.packages.identity();
  if (!row) throw new Error('the workspace has no identity (migration 0007 not applied)');
  let cached = keys.get(repos.packages);
  if (!cached) {
    const key = createPrivateKey({
      key: Buffer.from(row.privateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
    cached = { key, publicKeyPem };
    keys.set(repos.packages, cached);
  }
  const { key, publicKeyPem } = cached;
  return {
    workspaceId: row.workspaceId,
    publicKey: row.publicKey,
    publicKeyPem,
    fingerprint: fingerprintOf(row.publicKey),
    createdAt: row.createdAt,
    sign: (bytes) => new Uint8Array(sign(null, bytes, key)),
  };
}

/** Checks an Ed25519 signature against a public key given as SPKI DER base64. */
export function verifyEd25519(
  publicKey: string,
  bytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, signature);
  } catch {
    return false; // a key that does not parse verifies nothing
  }
}

export function hmacHex(secretBase64: string, bytes: Uint8Array): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(bytes).digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
