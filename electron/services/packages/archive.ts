// Reading and writing the package archive (issue 8): a ZIP whose manifest.json is canonical JSON
// listing every other entry with its SHA-256 and size. Every refusal is an AppError with an
// errors.package… key, raised before anything is written.
import type { z } from 'zod';
import { AppError, type ErrorCode } from '../../../core/api/errors';
import { canonicalBytes, canonicalJson } from '../../../core/packages/canonical';
import { checkEntries, type Problem } from '../../../core/packages/rules';
import {
  ENTRY_MANIFEST,
  ManifestHeaderSchema,
  PACKAGE_FORMAT_VERSION,
  type Entry,
  type PackageKind,
} from '../../../core/packages/schemas';
import { sha256 } from '../files/blob-store';
import { ZipError, ZipReader, writeZip } from '../import/zip';

export function refusal(problem: Problem, code: ErrorCode = 'BAD_INPUT'): AppError {
  return new AppError(code, problem.key, {
    key: problem.key,
    ...(problem.params ? { params: problem.params } : {}),
  });
}

function zipRefusal(e: unknown, entry: string): AppError {
  if (e instanceof ZipError) {
    if (e.reason === 'notZip') return refusal({ key: 'errors.packageNotZip' });
    if (e.reason === 'truncated') return refusal({ key: 'errors.packageTruncated' });
    return refusal({ key: 'errors.packageCorrupt', params: { entry } });
  }
  throw e;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
/** A manifest lists entries and names; even a campaign's largest stays far below this. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

export interface OpenedPackage {
  zip: ZipReader;
  kind: PackageKind;
  /** The manifest's exact bytes: what the signature or HMAC covers. */
  manifestBytes: Uint8Array;
  manifest: unknown;
}

/** Opens the archive and reads its manifest header; refuses what is not one of our packages. */
export function openPackage(bytes: Uint8Array): OpenedPackage {
  let zip: ZipReader;
  try {
    zip = new ZipReader(bytes);
  } catch (e) {
    throw zipRefusal(e, 'ZIP');
  }
  const header = zip.entries.get(ENTRY_MANIFEST);
  if (!header) throw refusal({ key: 'errors.packageNoManifest' });
  if (header.size > MAX_MANIFEST_BYTES) throw refusal({ key: 'errors.packageManifestInvalid' });
  const manifestBytes = readEntry(zip, ENTRY_MANIFEST);
  let manifest: unknown;
  try {
    const text = decoder.decode(manifestBytes);
    manifest = JSON.parse(text);
    // Only the canonical form is accepted: one value, one byte sequence.
    if (canonicalJson(manifest) !== text) throw new Error('not canonical');
  } catch {
    throw refusal({ key: 'errors.packageManifestInvalid' });
  }
  const head = ManifestHeaderSchema.safeParse(manifest);
  if (!head.success) throw refusal({ key: 'errors.packageManifestInvalid' });
  if (head.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw refusal({
      key: 'errors.packageFormatNewer',
      params: { version: head.data.formatVersion, supported: PACKAGE_FORMAT_VERSION },
    });
  }
  return { zip, kind: head.data.kind, manifestBytes, manifest };
}

export function expectKind(p: OpenedPackage, kind: PackageKind): void {
  if (p.kind !== kind) {
    throw refusal({ key: kind === 'task' ? 'errors.packageIsResult' : 'errors.packageIsTask' });
  }
}

/** The manifest against its strict schema (kind and version already known). */
export function parseManifest<S extends z.ZodType>(p: OpenedPackage, schema: S): z.output<S> {
  const parsed = schema.safeParse(p.manifest);
  if (!parsed.success) throw refusal({ key: 'errors.packageManifestInvalid' });
  return parsed.data;
}

export function readEntry(zip: ZipReader, name: string): Uint8Array {
  if (!zip.has(name)) throw refusal({ key: 'errors.packageEntryMissing', params: { entry: name } });
  try {
    return zip.read(name);
  } catch (e) {
    throw zipRefusal(e, name);
  }
}

/** A short text entry (a signature, an HMAC): '' when absent or longer than it can be. */
export function readAuthenticator(zip: ZipReader, name: string): string {
  const e = zip.entries.get(name);
  if (!e || e.size > 1024) return '';
  return new TextDecoder().decode(readEntry(zip, name)).trim();
}

/** Every entry listed with the right digest and size, and nothing else in the archive. */
export function checkArchive(
  zip: ZipReader,
  listed: readonly Entry[],
  authenticators: readonly string[],
): void {
  // Sizes first, from the archive's directory: nothing is inflated beyond what the
  // (authenticated) manifest declares.
  for (const e of listed) {
    const inZip = zip.entries.get(e.name);
    if (inZip && inZip.size !== e.size) {
      throw refusal({ key: 'errors.packageEntryHash', params: { entry: e.name } });
    }
  }
  const problem = checkEntries(
    listed,
    [...zip.entries.keys()].filter((n) => n !== ENTRY_MANIFEST),
    authenticators,
    (name) => {
      const data = readEntry(zip, name);
      return { sha256: sha256(data), size: data.length };
    },
  );
  if (problem) throw refusal(problem);
}

/** A JSON entry against its schema: after the digests matched, a mismatch is a malformed package. */
export function parseEntry<S extends z.ZodType>(
  zip: ZipReader,
  name: string,
  schema: S,
): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(readEntry(zip, name)));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refusal({ key: 'errors.packageDataInvalid', params: { entry: name } });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw refusal({ key: 'errors.packageDataInvalid', params: { entry: name } });
  return parsed.data;
}

export interface PackEntry {
  name: string;
  data: Uint8Array;
  /** Stored as is (already compressed scans). */
  store?: boolean;
}

export const jsonEntry = (name: string, value: unknown): PackEntry => ({
  name,
  data: canonicalBytes(value),
});

export const entryOf = (e: PackEntry, digest?: string): Entry => ({
  name: e.name,
  sha256: digest ?? sha256(e.data),
  size: e.data.length,
});

/** The archive: manifest first, then its authenticator, then the listed entries. */
export function packArchive(
  manifestBytes: Uint8Array,
  authenticator: PackEntry,
  entries: readonly PackEntry[],
): Uint8Array {
  return writeZip([{ name: ENTRY_MANIFEST, data: manifestBytes }, authenticator, ...entries]);
}
