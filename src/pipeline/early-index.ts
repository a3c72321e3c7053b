/**
 * In a build with no earlier one to keep parts from, the search index's
 * parts are fed to Pagefind while the seeds are still being read, issue by
 * issue, and each is written as soon as the next part begins (seeds are read
 * in the order of their names, which is mostly the order of their numbers),
 * so that Pagefind works on the other core from the start, and holds only a
 * few parts in memory at a time.
 *
 * Such a part is written into a folder of its own (`pagefind/.early-<block>`)
 * before its key is known. The search stage takes it only when it was fed
 * exactly the records, in the order, that the stage would feed it; it is then
 * renamed into place. Otherwise (an issue out of order, missing or extra) it
 * is dropped, and the stage writes the part from its records: the index is
 * the same either way.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LANG } from '../i18n/index.ts';
import type { Issue, Translation } from '../model/records.ts';
import type { IndexPart } from '../search/index-part.ts';
import { openThreadedPart } from '../search/index-thread.ts';
import { issuePartRecords, partKey, type SearchPart } from './search-parts.ts';

/** Parts fed and not yet written, at most: each holds its records in memory until it is written, one at a time. */
const PARTS_OPEN = 3;

/** What the search stage gets for a part: a service fed with it, to write; or the part written already, to move into place. */
export type EarlyPart = { kind: 'fed'; part: IndexPart } | { kind: 'written'; moveTo(path: string): Promise<void>; discard(): Promise<void> };

export interface EarlyIndex {
  /** Feeds an issue's records to its part, if that part is open or a new one may open. */
  add(issue: Issue, translation: Translation | undefined): void;
  /** What was made of `part`, if it is exactly the part; taken (the stage finishes it). */
  take(part: SearchPart): Promise<EarlyPart | null>;
  /** Stops every service not taken (for a build that stops). */
  stopNow(): void;
  /** Stops every service not taken, and removes what they wrote: the build keeps only what the stage took. */
  finish(): Promise<void>;
}

interface Fed {
  part: IndexPart;
  /** The key of the records fed, the way the stage keys its part. */
  key: ReturnType<typeof partKey>;
  last: number;
  inOrder: boolean;
  /** Set once the part is being written, early. */
  written?: Promise<boolean>;
}

/** `fingerprint`: the indexer's, as the parts are keyed with. */
export function startEarlyIndex(basePath: string, dir: string, fingerprint: string): EarlyIndex {
  const fed = new Map<number, Fed>();
  const seen = new Set<number>();
  const folder = (block: number) => join(dir, 'pagefind', `.early-${block}`);
  /** Parts holding memory: fed, and not written yet. */
  let holding = 0;
  // One write at a time, on the core that parsing leaves free.
  let queue: Promise<unknown> = mkdir(join(dir, 'pagefind')).catch(() => undefined);
  /** The parts before `block` that are still open: most likely complete, since a later part has begun. */
  const writeBefore = (block: number) => {
    for (const [earlier, entry] of fed) {
      if (earlier >= block || entry.written || !entry.inOrder) continue;
      entry.written = queue.then(() => entry.part.write(folder(earlier))).then(
        () => true,
        () => false,
      );
      void entry.written.then(() => holding--);
      queue = entry.written;
    }
  };
  return {
    add(issue, translation) {
      const { block, records } = issuePartRecords(issue, translation, basePath);
      writeBefore(block);
      let entry = fed.get(block);
      if (!entry) {
        // A part opens at its first issue or never: one opened later would miss issues, and be wasted work.
        if (seen.has(block)) return;
        seen.add(block);
        if (holding >= PARTS_OPEN) return;
        holding++;
        entry = { part: openThreadedPart(DEFAULT_LANG), key: partKey(fingerprint), last: 0, inOrder: true };
        fed.set(block, entry);
      }
      if (issue.cumulative <= entry.last || entry.written) entry.inOrder = false;
      entry.last = issue.cumulative;
      if (!entry.inOrder) return;
      entry.part.add(records);
      entry.key.add(records);
    },
    async take(part) {
      const entry = fed.get(part.block);
      if (!entry) return null;
      const same = entry.inOrder && entry.key.digest() === part.key;
      if (!entry.written) {
        fed.delete(part.block);
        if (same) return { kind: 'fed', part: entry.part };
        entry.part.stopNow();
        return null;
      }
      // Left where stopNow finds it until written.
      const written = await entry.written;
      fed.delete(part.block);
      const discard = () => rm(folder(part.block), { recursive: true, force: true });
      if (same && written) return { kind: 'written', moveTo: (path) => rename(folder(part.block), path), discard };
      await discard();
      return null;
    },
    stopNow() {
      for (const entry of fed.values()) entry.part.stopNow();
      fed.clear();
    },
    async finish() {
      const left = [...fed.entries()];
      this.stopNow();
      await Promise.all(left.map(async ([block, entry]) => {
        await entry.written;
        await rm(folder(block), { recursive: true, force: true });
      }));
    },
  };
}
