/**
 * A Pagefind index built from this thread: records go to the service as they
 * arrive (it indexes each while the caller goes on), then the bundle is
 * written. The first failure is kept and reported by `write`.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startPagefindService, type PagefindService } from './pagefind-service.ts';
import { indexLanguage, recordContent, validateRecords, type SearchRecord } from './search-record.ts';

/**
 * Word positions per index chunk. Pagefind's default (about 20,000) makes a
 * first query fetch ~25 KB per character; 2,000 measured best for the
 * first-query download on the 600-article synthetic archive. The service
 * reads it from its environment (an unstable, undocumented knob: if a later
 * Pagefind ignores it, search stays correct and only downloads more).
 */
export const INDEX_CHUNK_SIZE = 2000;

type StartService = (env: Record<string, string>) => PagefindService;

export interface IndexSession {
  /** The service's process, for stopping it from another thread at once. */
  readonly pid: number | undefined;
  /** Hands records to the index; never blocks. An invalid record fails `write`. */
  add(records: readonly SearchRecord[]): void;
  /** Writes the Pagefind bundle into `bundleDir` (made here; its parent exists) once every record is indexed, then stops the service. */
  write(bundleDir: string): Promise<{ pages: number; ms: number }>;
  /** Stops the service at once without writing; for a signal handler too: nothing of the index is written after it returns. */
  stopNow(): void;
}

/** One Pagefind index, with a service process of its own. */
export function openIndexSession(language: string, start: StartService = startPagefindService): IndexSession {
  const started = performance.now();
  const urls = new Set<string>();
  const answers: Promise<void>[] = [];
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
  };
  let service: PagefindService | null = null;
  let lang = '';
  let index: Promise<number> = Promise.resolve(0);
  try {
    lang = indexLanguage(language);
    service = start({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) });
    index = service.request({ type: 'NewIndex', config: {} }).then((answer) => Number(answer.index_id));
    index.catch(fail);
  } catch (error) {
    fail(error);
  }

  const send = (open: PagefindService, record: SearchRecord) =>
    index
      .then((id) =>
        open.request({
          type: 'AddRecord',
          index_id: id,
          url: record.url,
          content: recordContent(record),
          language: lang,
          meta: { ...record.meta, title: record.title },
          filters: record.filters,
          // Every record needs the key: a sorted search drops pages without it.
          sort: { date: record.meta.date ?? '' },
        }),
      )
      .then(
        () => undefined,
        (error: Error) => fail(new Error(`Pagefind could not index ${record.url}: ${error.message}`, { cause: error })),
      );

  const stopNow = () => {
    service?.close();
    service = null;
  };
  return {
    pid: service?.pid,
    add(records) {
      if (failure !== null || service === null) return;
      try {
        validateRecords(records, urls);
      } catch (error) {
        fail(error);
        return;
      }
      for (const record of records) answers.push(send(service, record));
    },
    async write(bundleDir) {
      try {
        await Promise.all(answers);
        if (failure !== null) throw failure;
        if (service === null) throw new Error('Search index session has ended');
        const outputPath = resolve(bundleDir);
        // Not recursive: a build folder removed meanwhile (an interrupted build) must stay removed.
        await mkdir(outputPath);
        await service.request({ type: 'WriteFiles', index_id: await index, output_path: outputPath });
        return { pages: urls.size, ms: Math.round(performance.now() - started) };
      } finally {
        stopNow();
      }
    },
    stopNow,
  };
}
