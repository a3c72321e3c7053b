/**
 * Slow is not dead: a Pagefind service that is working (using CPU time,
 * reading or writing) is never stopped however long it takes to answer; one
 * that is alive but makes no progress is stopped once the (here shortened)
 * window has passed, saying so. Fake services, small scripts spawned in place
 * of the binary, speak the service's protocol.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressOf } from '../../src/search/process-progress.ts';
import { startPagefindService } from '../../src/search/pagefind-service.ts';

const dir = await mkdtemp(join(tmpdir(), 'bulletin-pagefind-service-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const WINDOW_MS = 1_000;

/** A fake service (a Node script) that reads one request, does `work` for `ms`, then answers it. */
async function fakeService(name: string, work: 'burn' | 'write', ms: number): Promise<string> {
  const binary = join(dir, name);
  const wait = 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)';
  const busy = work === 'burn' ? 'for (let i = 0; i < 1e5; i++) Math.sqrt(i)' : `require('node:fs').appendFileSync(${JSON.stringify(join(dir, `${name}.out`))}, 'x'); ${wait}`;
  await writeFile(
    binary,
    `#!${process.execPath}
process.stdin.once('data', (chunk) => {
  const { message_id } = JSON.parse(Buffer.from(String(chunk).split(',')[0], 'base64').toString('utf8'));
  const end = Date.now() + ${ms};
  while (Date.now() < end) { ${busy}; }
  process.stdout.write(Buffer.from(JSON.stringify({ message_id, payload: { type: 'NewIndex', index_id: 7 } })).toString('base64') + ',');
});
`,
  );
  await chmod(binary, 0o755);
  return binary;
}

const gone = (pid: number | undefined) => {
  try {
    process.kill(pid ?? 0, 0);
    return false;
  } catch {
    return true;
  }
};

describe("Pagefind's service, slow or stuck", () => {
  let sleeper: string;
  beforeAll(async () => {
    // Reads a byte of its request, then sleeps without answering: alive, no CPU, no I/O.
    sleeper = join(dir, 'sleeping-pagefind');
    await writeFile(sleeper, '#!/bin/sh\nhead -c 1 >/dev/null\nexec sleep 600\n');
    await chmod(sleeper, 0o755);
  });

  it('is not stopped while it burns CPU for four times the window before answering', async () => {
    const service = startPagefindService({}, await fakeService('busy-pagefind', 'burn', 4 * WINDOW_MS), { stallMs: WINDOW_MS });
    await expect(service.request({ type: 'NewIndex', config: {} })).resolves.toEqual({ type: 'NewIndex', index_id: 7 });
    service.close();
  }, 30_000);

  it('is not stopped while it writes, using little CPU, for four times the window before answering', async () => {
    const service = startPagefindService({}, await fakeService('writing-pagefind', 'write', 4 * WINDOW_MS), { stallMs: WINDOW_MS });
    await expect(service.request({ type: 'NewIndex', config: {} })).resolves.toEqual({ type: 'NewIndex', index_id: 7 });
    service.close();
  }, 30_000);

  it('is stopped when alive but making no progress, with a message that says it was stuck', async () => {
    const service = startPagefindService({}, sleeper, { stallMs: WINDOW_MS });
    await expect(service.request({ type: 'NewIndex', config: {} })).rejects.toThrow("Pagefind's service answered nothing for 1 s and was stopped (in that time it used no CPU and read and wrote nothing: stuck, not slow)");
    await expect.poll(() => gone(service.pid)).toBe(true);
  }, 30_000);

  it('where progress cannot be seen, falls back to a time without answers', async () => {
    const service = startPagefindService({}, await fakeService('unseen-pagefind', 'burn', 20 * WINDOW_MS), { stallMs: WINDOW_MS, silentMs: 2 * WINDOW_MS, progress: () => null });
    await expect(service.request({ type: 'NewIndex', config: {} })).rejects.toThrow("Pagefind's service answered nothing for 2 s and was stopped");
    await expect.poll(() => gone(service.pid)).toBe(true);
  }, 30_000);
});

describe('progressOf', () => {
  it("changes while a process works; null for a process that is not there", async () => {
    const first = progressOf(process.pid);
    expect(first).toMatch(/^\d+ \d+ \d+ \d+\|/u);
    const end = Date.now() + 100;
    while (Date.now() < end) Math.sqrt(Math.random());
    expect(progressOf(process.pid)).not.toBe(first);
    expect(progressOf(2 ** 22 + 12_345)).toBeNull();
  });
});
