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
 * How long a service may leave a request unanswered with no answer to any
 * other before it counts as hung and is stopped. Writing the index of 549
 * issues, the longest single step, takes 9–16 s on two vCPUs.
 */
const STALL_MS = 5 * 60_000;

function binaryPath(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const executable = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  // The platform package is an optional dependency of `pagefind`, installed beside it.
  return createRequire(import.meta.url).resolve(`@pagefind/${platform}-${process.arch}/bin/${executable}`);
}

/** Starts a service process with `env` added to this process's environment. */
export function startPagefindService(env: Readonly<Record<string, string>> = {}, binary = binaryPath(), { stallMs = STALL_MS } = {}): PagefindService {
  const child = spawn(binary, ['--service'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env }, windowsHide: true });
  const pending = new Map<number, { resolve: (payload: ServicePayload) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  let stderr = '';
  let incoming = '';
  let watchdog: NodeJS.Timeout | undefined;

  const end = (error: Error) => {
    ended ??= error;
    clearTimeout(watchdog);
    for (const call of pending.values()) call.reject(ended);
    pending.clear();
  };
  // Restarted whenever a request goes out or an answer comes in; runs only while a request waits.
  const watch = () => {
    clearTimeout(watchdog);
    if (pending.size === 0 || ended) return;
    watchdog = setTimeout(() => {
      end(new Error(`Pagefind's service answered nothing for ${stallMs / 1000} s and was stopped${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
      child.kill('SIGKILL');
    }, stallMs);
    watchdog.unref();
  };
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
