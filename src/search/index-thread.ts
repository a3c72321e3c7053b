/**
 * Search index parts whose Pagefind services are spoken to from a thread of
 * their own. Each record is turned into index text, serialized and written
 * down a pipe, and each answer read back; on the main thread all of that
 * (3–4 s for 549 issues) would wait behind parsing and rendering, and the
 * services with it. One worker serves every part of a build.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../project-root.ts';
import type { IndexPart } from './index-part.ts';
import type { SearchRecord } from './search-record.ts';

export type IndexThreadRequest =
  | { type: 'open'; id: number; language: string }
  | { type: 'add'; id: number; records: readonly SearchRecord[] }
  | { type: 'write'; id: number; bundleDir: string }
  | { type: 'stop'; id: number };

export type IndexThreadReply =
  | { type: 'opened'; id: number; pid: number | undefined }
  | { type: 'written'; id: number; pages: number; ms: number }
  | { type: 'failed'; id: number; message: string };

declare const BULLETIN_COMPILED: boolean | undefined;

/** The worker's module: compiled beside the CLI's bundle, or the source, through tsx (tests run the sources). */
function startWorker(): Worker {
  if (typeof BULLETIN_COMPILED !== 'undefined') return new Worker(join(PROJECT_ROOT, 'dist', 'index-thread-worker.mjs'));
  const source = pathToFileURL(join(PROJECT_ROOT, 'src', 'search', 'index-thread-worker.ts')).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true });
}

let worker: Worker | null = null;
let died: Error | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: IndexThreadReply) => void>();
const pids = new Map<number, number | undefined>();

function thread(): Worker {
  if (worker) return worker;
  const started = startWorker();
  died = null;
  started.on('message', (reply: IndexThreadReply) => {
    // A part stopped before its service was started is not open again.
    if (reply.type === 'opened') {
      if (pids.has(reply.id)) pids.set(reply.id, reply.pid);
    }
    else waiting.get(reply.id)?.(reply);
  });
  // Listened for from the start: an 'error' event nobody listens to would end this whole process.
  started.on('error', (error) => (died = new Error(`Search indexer thread failed: ${error.message}`, { cause: error })));
  started.once('exit', (code) => {
    died ??= new Error(`Search indexer thread stopped (exit code ${code})`);
    worker = null;
    for (const [id, answer] of waiting) answer({ type: 'failed', id, message: died.message });
    waiting.clear();
    pids.clear();
  });
  worker = started;
  return started;
}

/** The thread holds the process open only while a part is open. */
function settle(): void {
  if (waiting.size === 0 && pids.size === 0) worker?.unref();
  else worker?.ref();
}

/** A part indexed on the index thread; the same as `openIndexPart` (index-part.ts) otherwise. */
export function openThreadedPart(language: string): IndexPart {
  const id = ++nextId;
  const to = thread();
  const send = (request: IndexThreadRequest) => to.postMessage(request);
  send({ type: 'open', id, language });
  pids.set(id, undefined);
  settle();
  const forget = () => {
    pids.delete(id);
    settle();
  };
  return {
    get pid() {
      return pids.get(id);
    },
    add: (records) => send({ type: 'add', id, records }),
    write(bundleDir) {
      // Its thread is gone (a part outlives the thread that started its service only when that thread died).
      if (worker !== to) return Promise.reject(died ?? new Error('Search indexer thread stopped'));
      return new Promise((resolve, reject) => {
        waiting.set(id, (reply) => {
          waiting.delete(id);
          forget();
          if (reply.type === 'written') resolve({ pages: reply.pages, ms: reply.ms });
          else reject(new Error(reply.type === 'failed' ? reply.message : 'Unexpected reply'));
        });
        settle();
        send({ type: 'write', id, bundleDir });
      });
    },
    stopNow() {
      // Killed from here, at once: a signal handler cannot wait for the thread to do it.
      const pid = pids.get(id);
      try {
        if (pid !== undefined) process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
      send({ type: 'stop', id });
      forget();
    },
  };
}
