/**
 * The thread that talks to Pagefind's services (see index-thread.ts): it
 * turns records into index text and sends them, and reads the answers,
 * whatever the main thread is busy with.
 */
import { parentPort } from 'node:worker_threads';
import { openIndexPart, type IndexPart } from './index-part.ts';
import type { IndexThreadReply, IndexThreadRequest } from './index-thread.ts';

const port = parentPort;
if (!port) throw new Error('index-thread-worker runs as a worker thread');
const parts = new Map<number, IndexPart>();
const reply = (message: IndexThreadReply) => port.postMessage(message);

port.on('message', (request: IndexThreadRequest) => {
  switch (request.type) {
    case 'open': {
      const part = openIndexPart(request.language);
      parts.set(request.id, part);
      return reply({ type: 'opened', id: request.id, pid: part.pid });
    }
    case 'add':
      return parts.get(request.id)?.add(request.records);
    case 'write': {
      const part = parts.get(request.id);
      if (!part) return reply({ type: 'failed', id: request.id, message: 'Search index part was stopped' });
      // Kept until written: a stop meanwhile stops its service.
      return void part
        .write(request.bundleDir)
        .then(
          (written) => reply({ type: 'written', id: request.id, ...written }),
          (error: unknown) => reply({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
        )
        .finally(() => parts.delete(request.id));
    }
    case 'stop':
      parts.get(request.id)?.stopNow();
      parts.delete(request.id);
  }
});
