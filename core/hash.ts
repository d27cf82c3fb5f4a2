// SHA-256 for pure code (the draw must be recomputable anywhere, so core cannot lean on
// node:crypto). @noble/hashes is a small audited implementation without dependencies.
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * UTF-8 bytes of a string (core has no TextEncoder type; this is the same encoding, lone
 * surrogates included: they become U+FFFD, as TextEncoder does).
 */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[n++] = 0xf0 | (c >> 18);
        out[n++] = 0x80 | ((c >> 12) & 63);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
        continue;
      }
      c = 0xfffd;
    }
    out[n++] = 0xe0 | (c >> 12);
    out[n++] = 0x80 | ((c >> 6) & 63);
    out[n++] = 0x80 | (c & 63);
  }
  return out.subarray(0, n);
}

const HEX = Array.from({ length: 256 }, (_v, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b];
  return s;
}

export type Sha256 = (data: Uint8Array) => Uint8Array;

let impl: Sha256 = (data) => sha256(data);

/**
 * Lets the services supply the platform's SHA-256 (node:crypto): the same function, many times
 * faster on a 100,000-line population manifest. Tests check both give the same digests.
 */
export function useSha256(fn: Sha256): void {
  impl = fn;
}

export function sha256Bytes(data: Uint8Array | string): Uint8Array {
  return impl(typeof data === 'string' ? utf8(data) : data);
}

export function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256Bytes(data));
}
