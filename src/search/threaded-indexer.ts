import { Worker } from 'node:worker_threads';
import type { SearchIndexer } from './indexer.ts';
import type { IndexWorkerReply, IndexWorkerRequest, IndexWorkerStarted } from './index-worker.ts';

/**
 * The search index built in a worker thread. Pagefind indexes in its own
 * process, but only as fast as the thread that talks to it lets the records
 * through: a thread busy parsing or rendering would starve it.
 */
export function startIndexer(language: string): SearchIndexer {
  const worker = new Worker(new URL('./index-worker.mjs', import.meta.url), { workerData: { language } });
  // What ended the worker early, kept for the next answer awaited.
  let died: Error | null = null;
  let stopped: Promise<void> | null = null;
  // Listened for from the start: an 'error' event nobody listens to would end this whole process.
  worker.on('error', (error: Error) => {
    died ??= new Error(`Search indexer failed: ${error.message}`, { cause: error });
  });
  worker.once('exit', (code) => {
    died ??= new Error(`Search indexer stopped (exit code ${code}) before it answered`);
  });
  // Terminating the worker closes its end of the service's pipes, and the service exits.
  const stop = () => (stopped ??= worker.terminate().then(() => undefined));
  let servicePid: number | undefined;
  let onReply: ((message: IndexWorkerReply) => void) | null = null;
  worker.on('message', (message: IndexWorkerReply | IndexWorkerStarted) => {
    if (message.type === 'started') servicePid = message.servicePid;
    else onReply?.(message);
  });
  const answer = () =>
    new Promise<IndexWorkerReply>((resolve, reject) => {
      if (died) return reject(died);
      const onExit = () => reject(died ?? new Error('Search indexer stopped before it answered'));
      worker.once('exit', onExit);
      onReply = (message) => {
        worker.off('exit', onExit);
        resolve(message);
      };
    });
  const request = (message: IndexWorkerRequest) => worker.postMessage(message);
  return {
    add(records) {
      if (!stopped) request({ type: 'add', records });
    },
    async write(outDir) {
      if (stopped) throw new Error('Search indexer has stopped');
      const reply = answer();
      request({ type: 'write', outDir });
      try {
        const message = await reply;
        if (message.type === 'failed') throw new Error(message.message);
        return { pages: message.pages, ms: message.ms };
      } finally {
        await stop();
      }
    },
    close: stop,
    stopNow() {
      try {
        if (servicePid !== undefined) process.kill(servicePid, 'SIGKILL');
      } catch {
        // Already gone: a Ctrl+C reaches the whole process group.
      }
      void stop();
    },
  };
}
