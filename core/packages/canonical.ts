// Canonical JSON: the one byte sequence a value is signed or authenticated as. Object keys sorted
// by UTF-16 code units (as RFC 8785), no whitespace, strings and numbers as JSON.stringify writes
// them. Packages only carry integers, strings, booleans, null, arrays and plain objects; anything
// else (a non-finite number, undefined in an array, a Date) is refused rather than guessed.
import { utf8 } from '../hash';

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: not a finite number`);
      out.push(JSON.stringify(value));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((v, i) => {
          if (i) out.push(',');
          if (v === undefined) throw new CanonicalJsonError(`${path}[${i}]: undefined`);
          write(v, `${path}[${i}]`, out);
        });
        out.push(']');
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError(`${path}: not a plain object`);
      }
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec)
        .filter((k) => rec[k] !== undefined)
        .sort();
      out.push('{');
      keys.forEach((k, i) => {
        if (i) out.push(',');
        out.push(JSON.stringify(k), ':');
        write(rec[k], `${path}.${k}`, out);
      });
      out.push('}');
      return;
    }
    default:
      throw new CanonicalJsonError(`${path}: ${typeof value} cannot be written`);
  }
}

export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out);
  return out.join('');
}

/** UTF-8 bytes of the canonical JSON. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
