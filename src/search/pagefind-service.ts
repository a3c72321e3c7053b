/**
 * The Pagefind indexing service: the `pagefind_extended --service` binary of
 * the `pagefind` package, spoken to over its stdin/stdout protocol (base64
 * JSON messages ending in `,`), the way the package's own Node API does.
 *
 * Driven here rather than through that API because the API shares one
 * service per process, takes its settings from `process.env`, and never
 * settles a call whose service died (it panics when the disk is full). Here
 * each index has its own process and environment, and when the process ends
 * every pending call fails at once with what it printed.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { progressOf } from './process-progress.ts';

export type ServicePayload = { type: string } & Record<string, unknown>;

export interface PagefindService {
  /** The service's process id, for stopping it from another thread. */
  readonly pid: number | undefined;
  /** Sends one request; resolves with the answer, rejects with Pagefind's error or the service's end. */
  request(payload: ServicePayload): Promise<ServicePayload>;
  /** Ends the service; pending requests fail. */
  close(): void;
}

/** What the service printed last, kept for the error when it dies. */
const STDERR_KEPT = 2_000;
/**
 * A service that leaves a request unanswered counts as stuck, and is stopped,
 * once it has used no CPU time and read and written nothing for this long.
 * A slow one is never stopped while it works: writing the index of 2,000
 * issues on a loaded two-core machine took over five minutes of work.
 */
const NO_PROGRESS_MS = 60_000;
/** Where a process's progress cannot be seen (no /proc): how long a request may go with no answer to any. */
const SILENT_MS = 5 * 60_000;
/** How often a waiting service's progress is looked at. */
const LOOK_EVERY_MS = 2_000;

export interface StallOptions {
  /** No answer, no CPU time and no reading or writing for this long: stuck. */
  stallMs?: number;
  /** Where progress cannot be seen: no answer for this long. */
  silentMs?: number;
  /** The process's progress fingerprint, or null where it cannot be seen (tests replace it). */
  progress?: (pid: number) => string | null;
}

function binaryPath(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const executable = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  // The platform package is an optional dependency of `pagefind`, installed beside it.
  return createRequire(import.meta.url).resolve(`@pagefind/${platform}-${process.arch}/bin/${executable}`);
}

/** Starts a service process with `env` added to this process's environment. */
export function startPagefindService(env: Readonly<Record<string, string>> = {}, binary = binaryPath(), stall: StallOptions = {}): PagefindService {
  const child = spawn(binary, ['--service'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env }, windowsHide: true });
  const pending = new Map<number, { resolve: (payload: ServicePayload) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  let stderr = '';
  let incoming = '';

  const watchdog = watchProgress(child.pid, stall, (why) => {
    end(new Error(`Pagefind's service ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
    child.kill('SIGKILL');
  });
  const end = (error: Error) => {
    ended ??= error;
    watchdog.stop();
    for (const call of pending.values()) call.reject(ended);
    pending.clear();
  };
  // Told whenever a request goes out or an answer comes in; it looks only while a request waits.
  const watch = () => (pending.size === 0 || ended ? watchdog.stop() : watchdog.progressed());
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const messages = (incoming + chunk).split(',');
    incoming = messages.pop() ?? '';
    for (const message of messages) answer(JSON.parse(Buffer.from(message, 'base64').toString('utf8')) as { message_id?: number; payload: ServicePayload });
  });
  const answer = ({ message_id: id, payload }: { message_id?: number; payload: ServicePayload }) => {
    const call = id === undefined ? undefined : pending.get(id);
    if (!call || id === undefined) return;
    pending.delete(id);
    watch();
    if (payload.type === 'Error') call.reject(new Error(`Pagefind: ${String(payload.message)}`));
    else call.resolve(payload);
  };
  child.on('error', (error) => end(new Error(`Pagefind's service could not run: ${error.message}`, { cause: error })));
  child.on('exit', (code, signal) => {
    const printed = stderr.trim();
    end(new Error(`Pagefind's service stopped (${signal ?? `exit code ${code}`})${printed ? `: ${printed}` : ''}`));
  });
  child.stdin.on('error', () => undefined);

  return {
    pid: child.pid,
    request(payload) {
      if (ended) return Promise.reject(ended);
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        watch();
        child.stdin.write(`${Buffer.from(JSON.stringify({ message_id: id, payload })).toString('base64')},`);
      });
    },
    close() {
      end(new Error("Pagefind's service was closed"));
      child.kill();
    },
  };
}

/**
 * Calls `stuck` when the process has made no progress for `stallMs`: no
 * request or answer (`progressed()`), no CPU time, nothing read or written.
 * Where progress cannot be seen, no answer for `silentMs` is enough.
 */
function watchProgress(pid: number | undefined, options: StallOptions, stuck: (why: string) => void): { progressed(): void; stop(): void } {
  const { stallMs = NO_PROGRESS_MS, silentMs = SILENT_MS, progress = progressOf } = options;
  let timer: NodeJS.Timeout | undefined;
  /** The last request or answer. */
  let lastActivity = 0;
  let lastChange = 0;
  let fingerprint: string | null = null;
  const look = () => {
    const now = performance.now();
    const current = pid === undefined ? null : progress(pid);
    if (current === null) {
      if (now - lastActivity >= silentMs) stuck(`answered nothing for ${silentMs / 1000} s and was stopped`);
      return;
    }
    if (current !== fingerprint) {
      fingerprint = current;
      lastChange = now;
    } else if (now - Math.max(lastChange, lastActivity) >= stallMs) {
      stuck(`answered nothing for ${stallMs / 1000} s and was stopped (in that time it used no CPU and read and wrote nothing: stuck, not slow)`);
    }
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    progressed() {
      lastActivity = performance.now();
      if (timer) return;
      lastChange = lastActivity;
      fingerprint = pid === undefined ? null : progress(pid);
      timer = setInterval(look, Math.min(LOOK_EVERY_MS, Math.max(10, Math.min(stallMs, silentMs) / 4)));
      timer.unref();
    },
    stop,
  };
}
