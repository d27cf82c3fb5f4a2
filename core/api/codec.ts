// JSON with bytes: files cross the API as `{fileName, bytes: Uint8Array}` (design §3). IPC
// carries Uint8Array natively; over HTTP, bytes are written as {"$bytes": "<base64>"}.

export interface Base64 {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Portable base64 for places without Buffer or atob (core stays free of Node and DOM). */
export const portableBase64: Base64 = {
  encode(bytes) {
    let out = '';
    const chunk: string[] = [];
    for (let i = 0; i < bytes.length; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
      const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
      const n = (a << 16) | (b << 8) | c;
      chunk.push(
        ALPHABET[(n >> 18) & 63]! +
          ALPHABET[(n >> 12) & 63]! +
          (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') +
          (i + 2 < bytes.length ? ALPHABET[n & 63]! : '='),
      );
      if (chunk.length === 4096) {
        out += chunk.join('');
        chunk.length = 0;
      }
    }
    return out + chunk.join('');
  },
  decode(text) {
    const clean = text.replace(/=+$/, '');
    const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
    let bits = 0;
    let value = 0;
    let j = 0;
    for (let i = 0; i < clean.length; i++) {
      const code = clean.charCodeAt(i);
      const v = code < 128 ? LOOKUP[code]! : -1;
      if (v < 0) throw new Error(`invalid base64 character at ${i}`);
      value = (value << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[j++] = (value >> bits) & 0xff;
      }
    }
    return out.subarray(0, j);
  },
};

const TAG = '$bytes';

export function encodeJson(value: unknown, b64: Base64 = portableBase64): string {
  // The replacer reads the holder's raw value: a Node Buffer (a Uint8Array) has a toJSON that
  // JSON.stringify applies before the replacer sees `v`.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Uint8Array ? { [TAG]: b64.encode(raw) } : v;
  });
}

export function decodeJson(text: string, b64: Base64 = portableBase64): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      const tagged = rec[TAG];
      if (typeof tagged === 'string' && Object.keys(rec).length === 1) return b64.decode(tagged);
    }
    return v;
  });
}
