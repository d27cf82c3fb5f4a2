import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson, portableBase64 } from './codec';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('portable base64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(portableBase64.encode(bytes(plain))).toBe(encoded);
      expect(Array.from(portableBase64.decode(encoded))).toEqual(Array.from(bytes(plain)));
    }
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(Array.from(portableBase64.decode(portableBase64.encode(data)))).toEqual(
          Array.from(data),
        );
      }),
    );
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => portableBase64.decode('ab$d')).toThrow(/invalid base64/);
  });
});

describe('JSON with bytes', () => {
  it('carries Uint8Array values anywhere in the tree', () => {
    const value = {
      file: { fileName: '目录.xlsx', bytes: new Uint8Array([0, 1, 254, 255]) },
      list: [new Uint8Array([7])],
    };
    const back = decodeJson(encodeJson(value)) as typeof value;
    expect(back.file.fileName).toBe('目录.xlsx');
    expect(back.file.bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(back.file.bytes)).toEqual([0, 1, 254, 255]);
    expect(Array.from(back.list[0]!)).toEqual([7]);
  });

  it('leaves ordinary objects that merely have a $bytes key with other keys alone', () => {
    const value = { $bytes: 'Zg==', other: 1 };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });
});

describe('JSON with bytes from Node', () => {
  it('encodes a Uint8Array subclass whose toJSON would turn it into a number array', () => {
    class FakeBuffer extends Uint8Array {
      toJSON() {
        return { type: 'Buffer', data: Array.from(this) };
      }
    }
    const text = encodeJson({ bytes: new FakeBuffer([1, 2, 3]) });
    expect(text).toBe('{"bytes":{"$bytes":"AQID"}}');
    const back = decodeJson(text) as { bytes: Uint8Array };
    expect(Array.from(back.bytes)).toEqual([1, 2, 3]);
  });
});
