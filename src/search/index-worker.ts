import { parentPort, workerData } from 'node:worker_threads';
import { openIndexSession } from './index-session.ts';
import type { SearchRecord } from './search-record.ts';

export type IndexWorkerRequest = { type: 'add'; records: SearchRecord[] } | { type: 'write'; outDir: string };
export type IndexWorkerReply = { type: 'written'; pages: number; ms: number } | { type: 'failed'; message: string };
/** Sent once, first: the Pagefind service's process, which the main thread stops itself on a signal. */
export type IndexWorkerStarted = { type: 'started'; servicePid: number | undefined };

/**
 * The search indexer's thread: it owns the Pagefind session and keeps the
 * service fed while the main thread is busy parsing and rendering.
 */
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
const session = openIndexSession((workerData as { language: string }).language);
port.postMessage({ type: 'started', servicePid: session.servicePid } satisfies IndexWorkerStarted);

port.on('message', (request: IndexWorkerRequest) => {
  if (request.type === 'add') return session.add(request.records);
  session.write(request.outDir).then(
    (written) => port.postMessage({ type: 'written', ...written } satisfies IndexWorkerReply),
    (error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies IndexWorkerReply),
  );
});
