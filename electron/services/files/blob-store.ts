// Content-addressed file store for attachments (design §4): <dataDir>/attachments/ab/abcdef…,
// named by SHA-256, so identical files are stored once. Writes go to a temporary file first and
// are renamed into place, so a crash never leaves a half-written blob under its final name.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'attachments');
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('invalid blob hash');
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  /** Stores the bytes (once) and returns their SHA-256. */
  put(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const file = this.pathOf(hash);
    if (fs.existsSync(file)) return hash;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, bytes, { flag: 'wx' });
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    return hash;
  }

  get(hash: string): Uint8Array {
    const bytes = fs.readFileSync(this.pathOf(hash));
    if (sha256(bytes) !== hash) throw new Error(`blob ${hash} is damaged`);
    return bytes;
  }

  has(hash: string): boolean {
    return fs.existsSync(this.pathOf(hash));
  }

  remove(hash: string): void {
    fs.rmSync(this.pathOf(hash), { force: true });
  }

  /** Deletes blobs no row refers to (e.g. left by a crash between writing and committing). */
  collectGarbage(referenced: Set<string>): number {
    if (!fs.existsSync(this.root)) return 0;
    let removed = 0;
    for (const dir of fs.readdirSync(this.root)) {
      for (const name of fs.readdirSync(path.join(this.root, dir))) {
        if (!referenced.has(name)) {
          fs.rmSync(path.join(this.root, dir, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

/** What an attachment is, from its first bytes: scans are PDFs or images. */
export function sniffMime(bytes: Uint8Array): string | null {
  const b = bytes;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  ) {
    return 'image/webp';
  }
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  if (starts(0x42, 0x4d)) return 'image/bmp';
  return null;
}
