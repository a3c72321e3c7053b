/** The one interface to the search index, whichever thread builds it. */

import type { SearchRecord } from './search-record.ts';

export interface SearchIndexer {
  /** Hands records to the indexer; never blocks. An invalid record fails `write`. */
  add(records: SearchRecord[]): void;
  /** Writes `<outDir>/pagefind/` (`outDir` exists) once every record is indexed, then stops. */
  write(outDir: string): Promise<{ pages: number; ms: number }>;
  /** Stops at once without writing; what was sent is dropped. */
  close(): Promise<void>;
  /** The same, synchronously, for a signal handler: nothing of the index is written after it returns. */
  stopNow(): void;
}
