import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from '../../core/hash';
import { installNativeSha256, nodeSha256 } from './native-hash';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('the native SHA-256 used by core', () => {
  it('gives the same digests as the pure implementation, for any input length', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 300) }, () =>
        Math.floor(rand() * 256),
      );
      expect(hex(nodeSha256(bytes))).toBe(hex(sha256(bytes)));
    }
  });

  it('once installed, core hashes text as UTF-8 exactly as Node encodes it', () => {
    installNativeSha256();
    for (const text of [
      '',
      'abc',
      '东市监处罚〔2025〕12号\t东湖区市场监督管理局',
      '𠀋𠀍 emoji 😀',
      'lone \ud800 x',
    ]) {
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(sha256Hex(text)).toBe(hex(sha256(new TextEncoder().encode(text))));
    }
  });
});
