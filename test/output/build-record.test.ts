/** A build's record is proof only while it is whole: an edited or truncated record counts as none. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecord, readRecordHead, recordOf, writeRecord } from '../../src/output/build-record.ts';

const work = mkdtempSync(join(tmpdir(), 'bulletin-record-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a build record', () => {
  const build = join(work, '20261206-120000000-1-1');
  mkdirSync(build);
  const files = { 'index.html': ['k1', 10, 1700000000000] as const, 'a/b.html': ['k2', 20, 1700000000001] as const };

  it('reads back what was written, and its head alone', async () => {
    await writeRecord(build, { out: '/x/site', pid: 42, state: 'published', files });
    expect(readRecord(build)).toEqual({ tool: 'bulletin-build', version: 1, out: '/x/site', pid: 42, state: 'published', files });
    expect(readRecordHead(build)).toEqual({ tool: 'bulletin-build', version: 1, out: '/x/site', pid: 42, state: 'published' });
  });

  it('is none once its list of files is edited, or cut short', async () => {
    await writeRecord(build, { out: '/x/site', pid: 42, state: 'published', files });
    writeFileSync(recordOf(build), readFileSync(recordOf(build), 'utf8').replace('"k1"', '"k9"'));
    expect(readRecord(build)).toBeNull();
    await writeRecord(build, { out: '/x/site', pid: 42, state: 'published', files });
    truncateSync(recordOf(build), readFileSync(recordOf(build)).length - 5);
    expect(readRecord(build)).toBeNull();
    writeFileSync(recordOf(build), '{"tool":"bulletin-build","version":1}\n{}');
    expect(readRecordHead(build)).toBeNull();
  });
});
