import { parentPort, workerData } from 'node:worker_threads';
import { openSearchIndex, type SearchRecord } from './build-index.ts';

export type IndexWorkerRequest = { type: 'add'; records: SearchRecord[] } | { type: 'write'; outDir: string } | { type: 'close' };
export type IndexWorkerReply = { type: 'written'; pages: number; ms: number } | { type: 'closed' } | { type: 'failed'; message: string };

/**
 * The search indexer's thread: it owns the Pagefind session and keeps the
 * service fed while the main thread is busy parsing and rendering. The first
 * failure is kept and reported when the index is written.
 */
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread');
const session = openSearchIndex((workerData as { language: string }).language);
// A failure to start is reported by the first request that needs the session.
session.catch(() => undefined);
let failure: unknown = null;

port.on('message', (request: IndexWorkerRequest) => {
  void handle(request).then(
    (reply) => reply && port.postMessage(reply),
    (error: unknown) => port.postMessage({ type: 'failed', message: (error as Error).message ?? String(error) } satisfies IndexWorkerReply),
  );
});

async function handle(request: IndexWorkerRequest): Promise<IndexWorkerReply | null> {
  if (request.type === 'add') {
    try {
      if (failure === null) (await session).add(request.records);
    } catch (error) {
      failure = error;
    }
    return null;
  }
  if (request.type === 'close') {
    await (await session.catch(() => null))?.close();
    return { type: 'closed' };
  }
  if (failure !== null) {
    await (await session.catch(() => null))?.close();
    throw failure;
  }
  const written = await (await session).write(request.outDir);
  return { type: 'written', pages: written.pages, ms: written.ms };
}
