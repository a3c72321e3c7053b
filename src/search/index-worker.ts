import { parentPort, workerData } from 'node:worker_threads';
import type { SearchRecord } from './build-index.ts';
import { startLocalIndex } from './background-index.ts';

export type IndexWorkerRequest = { type: 'add'; records: SearchRecord[] } | { type: 'write'; outDir: string } | { type: 'close' };
export type IndexWorkerReply = { type: 'written'; pages: number; ms: number } | { type: 'closed' } | { type: 'failed'; message: string };

/**
 * The search indexer's thread: it owns the Pagefind session and keeps the
 * service fed while the main thread is busy parsing and rendering.
 */
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
const index = startLocalIndex((workerData as { language: string }).language);

port.on('message', (request: IndexWorkerRequest) => {
  if (request.type === 'add') return index.add(request.records);
  const done = request.type === 'write' ? index.write(request.outDir).then((written): IndexWorkerReply => ({ type: 'written', ...written })) : index.close().then((): IndexWorkerReply => ({ type: 'closed' }));
  void done.then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ type: 'failed', message: (error as Error).message ?? String(error) } satisfies IndexWorkerReply),
  );
});
