import { Worker } from 'node:worker_threads';
import { openSearchIndex, type SearchRecord } from './build-index.ts';
import type { IndexWorkerReply, IndexWorkerRequest } from './index-worker.ts';

/** A search index built in a worker thread while this one goes on. */
export interface BackgroundIndex {
  /** Hands records to the indexer; never blocks. Invalid records fail `write`. */
  add(records: SearchRecord[]): void;
  /** Writes `<outDir>/pagefind/` once every record is indexed, and stops the indexer. */
  write(outDir: string): Promise<{ pages: number; ms: number }>;
  /** Stops the indexer without writing. */
  close(): Promise<void>;
}

/**
 * An index fed from the calling thread (the indexer worker's engine).
 * Pagefind indexes in its own process, but only as fast as this thread lets
 * the records through, so a thread busy parsing or rendering starves it. The
 * first failure is kept and reported by `write`.
 */
export function startLocalIndex(language: string): BackgroundIndex {
  const session = openSearchIndex(language);
  // A failure to start is reported by the call that needs the session.
  session.catch(() => undefined);
  let failure: unknown = null;
  const sent: Promise<void>[] = [];
  const end = async () => {
    await Promise.all(sent);
    await (await session.catch(() => null))?.close();
  };
  return {
    add(records) {
      // A session that failed to start, and a record it refuses, both end up here.
      sent.push(
        session
          .then((open) => open.add(records))
          .catch((error: unknown) => {
            failure ??= error;
          }),
      );
    },
    async write(outDir) {
      await Promise.all(sent);
      if (failure !== null) {
        await end();
        throw failure;
      }
      const written = await (await session).write(outDir);
      return { pages: written.pages, ms: written.ms };
    },
    close: end,
  };
}

/** Starts the indexer for pages in `language` in a worker thread, which keeps Pagefind fed whatever this thread does. */
export function startBackgroundIndex(language: string): BackgroundIndex {
  const worker = new Worker(new URL('./index-worker.mjs', import.meta.url), { workerData: { language } });
  let stopped = false;
  // What ended the worker early (an uncaught error, or an exit before it answered), kept for the next answer awaited.
  let died: Error | null = null;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Listened for from the start: an 'error' event nobody listens to would end this whole process.
  worker.on('error', (error: Error) => {
    died ??= new Error(`Search indexer failed: ${error.message}`, { cause: error });
  });
  worker.once('exit', (code) => {
    died ??= new Error(`Search indexer stopped (exit code ${code}) before it answered`);
  });
  const request = (message: IndexWorkerRequest) => worker.postMessage(message);
  const reply = () =>
    new Promise<IndexWorkerReply>((resolve, reject) => {
      if (died) return reject(died);
      const onEnd = () => reject(died ?? new Error('Search indexer stopped before it answered'));
      worker.once('exit', onEnd);
      worker.once('message', (message: IndexWorkerReply) => {
        worker.off('exit', onEnd);
        resolve(message);
      });
    });
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.terminate();
    await exited;
  };
  return {
    add(records) {
      if (!stopped) request({ type: 'add', records });
    },
    async write(outDir) {
      if (stopped) throw new Error('Search indexer has stopped');
      const answer = reply();
      request({ type: 'write', outDir });
      try {
        const message = await answer;
        if (message.type === 'failed') throw new Error(message.message);
        if (message.type !== 'written') throw new Error(`Search indexer answered ${message.type}, expected written`);
        return { pages: message.pages, ms: message.ms };
      } finally {
        await stop();
      }
    },
    async close() {
      if (stopped) return;
      const answer = reply();
      request({ type: 'close' });
      await answer.catch(() => undefined);
      await stop();
    },
  };
}
