/**
 * The parse cache, the pipeline's first edge: a seed's parse result, keyed
 * by the seed's bytes, the name it is reported under and the parser's
 * fingerprint. Kept in memory (for `bulletin serve`) and, when given a
 * folder, on disk between runs, one file per key.
 *
 * Nothing read from disk is trusted: an entry is used only when its file
 * holds this cache's format, the same key, and a payload whose SHA-256 is
 * the one written beside it. A missing, truncated, corrupted or foreign
 * entry is a miss, and the seed is parsed again.
 */
import { hash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SeedResult } from '../parse/parse-issue.ts';

export interface SeedCache {
  /** The key of a seed's parse result. */
  keyOf(name: string, bytes: Uint8Array): string;
  /** The result kept under `key`, or undefined. */
  get(key: string): Promise<SeedResult | undefined>;
  /** Keeps a result (in memory until `commit`). */
  set(key: string, result: SeedResult): void;
  /**
   * After a build that was published: writes the new results to disk, and
   * removes every entry not used since the cache was opened or last settled.
   */
  commit(): Promise<void>;
  /** After a build that failed: keeps nothing of this run on disk (a failed build leaves no trace). */
  discard(): void;
}

const MAGIC = Buffer.from('bulletin-seed-cache-1\n');
const DIGEST_BYTES = 32;
const ENTRY = /^[A-Za-z0-9_-]{43}\.v8$/u;

/** A cache of parse results for the parser with this fingerprint, on disk in `folder` when given. */
export function openSeedCache(parserFingerprint: string, folder: string | null): SeedCache {
  const memory = new Map<string, SeedResult>();
  const used = new Set<string>();
  const pending = new Map<string, SeedResult>();
  const forgetUnused = () => {
    for (const key of memory.keys()) if (!used.has(key)) memory.delete(key);
    used.clear();
  };
  const fileOf = (key: string) => join(folder ?? '', `${key}.v8`);
  return {
    keyOf(name, bytes) {
      return hash('sha256', Buffer.concat([Buffer.from(`${parserFingerprint}\0${name}\0`), bytes]), 'base64url');
    },
    async get(key) {
      used.add(key);
      const kept = memory.get(key);
      if (kept || !folder) return kept;
      const read = await readEntry(fileOf(key), key);
      if (read) memory.set(key, read);
      return read;
    },
    set(key, result) {
      used.add(key);
      memory.set(key, result);
      if (folder) pending.set(key, result);
    },
    async commit() {
      const writes = [...pending].map(([key, result]) => writeEntry(folder ?? '', fileOf(key), key, result).catch(() => undefined));
      pending.clear();
      await Promise.all(writes);
      if (folder) await removeUnused(folder, used);
      forgetUnused();
    },
    discard() {
      pending.clear();
      forgetUnused();
    },
  };
}

async function readEntry(file: string, key: string): Promise<SeedResult | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (!bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES).equals(hash('sha256', payload, 'buffer'))) return undefined;
  try {
    const entry = deserialize(payload) as { key?: unknown; result?: SeedResult };
    return entry.key === key ? entry.result : undefined;
  } catch {
    return undefined;
  }
}

async function writeEntry(folder: string, file: string, key: string, result: SeedResult): Promise<void> {
  const payload = serialize({ key, result });
  await mkdir(folder, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.concat([MAGIC, hash('sha256', payload, 'buffer'), payload]));
  await rename(partial, file);
}

/** Entries no seed of this run uses: of seeds that changed or went away, or of another archive. */
async function removeUnused(folder: string, used: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => ENTRY.test(name) && !used.has(name.slice(0, -3))).map((name) => rm(join(folder, name), { force: true })));
}
