/** Every failure of the Pagefind service stops the build at once, with Pagefind's own words. */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIndexSession } from '../../src/search/index-session.ts';
import { startPagefindService, type PagefindService, type ServicePayload } from '../../src/search/pagefind-service.ts';
import type { SearchRecord } from '../../src/search/search-record.ts';

const dir = await mkdtemp(join(tmpdir(), 'bulletin-search-errors-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const records: SearchRecord[] = [{ url: '/a/', title: '江门', text: '正文', source: '', meta: { date: '2022-11-30' }, filters: { park: ['江门高新区'] } }];

/** A service that answers each request type as told, and records what it was sent. */
function fakeService(answers: Partial<Record<string, ServicePayload>>) {
  const sent: ServicePayload[] = [];
  let closed = 0;
  const service: PagefindService = {
    pid: undefined,
    async request(payload) {
      sent.push(payload);
      const answer = answers[payload.type];
      if (answer === undefined) throw new Error(`no answer for ${payload.type}`);
      if (answer.type === 'Error') throw new Error(`Pagefind: ${String(answer.message)}`);
      return answer;
    },
    close: () => void closed++,
  };
  return { service, sent, closed: () => closed };
}

const OK = { NewIndex: { type: 'NewIndex', index_id: 7 }, AddRecord: { type: 'IndexedFile' }, WriteFiles: { type: 'WriteFiles' } };

describe('an index session whose service fails', () => {
  it('reports a refused record with its URL and Pagefind message, and closes the service', async () => {
    const fake = fakeService({ ...OK, AddRecord: { type: 'Error', message: 'Index has been deleted' } });
    const session = openIndexSession('zh-CN', () => fake.service);
    session.add(records);
    await expect(session.write(dir)).rejects.toThrow('Pagefind could not index /a/: Pagefind: Index has been deleted');
    expect(fake.closed()).toBe(1);
  });

  it('reports a failed write', async () => {
    const fake = fakeService({ ...OK, WriteFiles: { type: 'Error', message: 'disk full' } });
    const session = openIndexSession('zh-CN', () => fake.service);
    session.add(records);
    await expect(session.write(join(dir, 'failed-write'))).rejects.toThrow('Pagefind: disk full');
  });

  it('sends the index form, the lower-cased language, the title as meta and a date sort key', async () => {
    const fake = fakeService(OK);
    const session = openIndexSession('zh-CN', () => fake.service);
    session.add(records);
    await expect(session.write(join(dir, 'sent'))).resolves.toMatchObject({ pages: 1 });
    expect(fake.sent[1]).toEqual({
      type: 'AddRecord',
      index_id: 7,
      url: '/a/',
      content: '江 门 \u2063 正 文',
      language: 'zh-cn',
      meta: { date: '2022-11-30', title: '江门' },
      filters: { park: ['江门高新区'] },
      sort: { date: '2022-11-30' },
    });
  });

  it('fails within a second, with what the service printed, when its process dies', async () => {
    // Stands in for Pagefind panicking on a full disk: reads a request, complains, exits.
    const binary = join(dir, 'dying-pagefind');
    await writeFile(binary, "#!/bin/sh\nhead -c 10 >/dev/null\necho 'thread main panicked: No space left on device (os error 28)' >&2\nexit 101\n");
    await chmod(binary, 0o755);
    const session = openIndexSession('zh-CN', (env) => startPagefindService(env, binary));
    session.add(records);
    const started = performance.now();
    await expect(session.write(dir)).rejects.toThrow(/stopped \(exit code 101\): thread main panicked: No space left on device/u);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops a service that hangs, answering nothing, and says so', async () => {
    // Reads its requests and never answers, as a hung service would.
    const binary = join(dir, 'hung-pagefind');
    await writeFile(binary, '#!/bin/sh\nexec cat >/dev/null\n');
    await chmod(binary, 0o755);
    const service = startPagefindService({}, binary, { stallMs: 300 });
    await expect(service.request({ type: 'NewIndex', config: {} })).rejects.toThrow("Pagefind's service answered nothing for 0.3 s and was stopped");
    await expect(service.request({ type: 'NewIndex', config: {} })).rejects.toThrow('answered nothing');
    await expect.poll(() => {
      try {
        process.kill(service.pid ?? 0, 0);
        return 'running';
      } catch {
        return 'gone';
      }
    }).toBe('gone');
  });
});
