// A minimal ZIP reader (central directory + inflate from node:zlib), enough for XLSX/DOCX and our
// own packages. Refuses what it cannot read with a precise reason instead of guessing.
import zlib from 'node:zlib';

export class ZipError extends Error {
  constructor(
    readonly reason: 'notZip' | 'truncated' | 'unsupported' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  crc32: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private view: DataView;

  constructor(private bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isZip(bytes)) throw new ZipError('notZip', 'not a ZIP file');
    // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (this.view.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('truncated', 'end of central directory not found');
    const count = this.view.getUint16(eocd + 10, true);
    const cdSize = this.view.getUint32(eocd + 12, true);
    const cdOffset = this.view.getUint32(eocd + 16, true);
    if (cdOffset === 0xffffffff || count === 0xffff)
      throw new ZipError('unsupported', 'ZIP64 is not supported');
    if (cdOffset + cdSize > bytes.length)
      throw new ZipError('truncated', 'central directory beyond end of file');
    const decoder = new TextDecoder('utf-8');
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || this.view.getUint32(p, true) !== CENTRAL) {
        throw new ZipError('corrupt', `bad central directory entry ${i}`);
      }
      const method = this.view.getUint16(p + 10, true);
      const crc32 = this.view.getUint32(p + 16, true);
      const compressedSize = this.view.getUint32(p + 20, true);
      const size = this.view.getUint32(p + 24, true);
      const nameLen = this.view.getUint16(p + 28, true);
      const extraLen = this.view.getUint16(p + 30, true);
      const commentLen = this.view.getUint16(p + 32, true);
      const localOffset = this.view.getUint32(p + 42, true);
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      this.entries.set(name, { name, method, compressedSize, size, localOffset, crc32 });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw new ZipError('corrupt', `missing entry ${name}`);
    const p = e.localOffset;
    if (p + 30 > this.bytes.length || this.view.getUint32(p, true) !== LOCAL) {
      throw new ZipError('corrupt', `bad local header for ${name}`);
    }
    const start = p + 30 + this.view.getUint16(p + 26, true) + this.view.getUint16(p + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipError('truncated', `${name} is cut off`);
    const data = this.bytes.subarray(start, end);
    let out: Uint8Array;
    try {
      if (e.method === 0) out = data;
      else if (e.method === 8)
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      else throw new ZipError('unsupported', `compression method ${e.method}`);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError('corrupt', `${name} cannot be inflated`);
    }
    if (out.length !== e.size) throw new ZipError('corrupt', `${name} has the wrong size`);
    if (zlib.crc32(out) >>> 0 !== e.crc32) throw new ZipError('corrupt', `${name} fails its CRC`);
    return out;
  }

  readText(name: string): string {
    return new TextDecoder('utf-8').decode(this.read(name));
  }
}

/**
 * Writes a ZIP archive (deflated entries unless `store`), the counterpart of ZipReader. An entry's
 * own `store` wins over the option: scans (JPEG, PDF) are already compressed and are stored.
 */
export function writeZip(
  entries: { name: string; data: Uint8Array; store?: boolean }[],
  opts: { store?: boolean } = {},
): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = zlib.crc32(e.data) >>> 0;
    const store = e.store ?? opts.store ?? false;
    const body = store
      ? Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength)
      : zlib.deflateRawSync(e.data);
    const method = store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}
