import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { syntheticIssue } from '../../bench/synthetic.ts';
import type { Issue } from '../../src/model/records.ts';
import { parseSeed } from '../../src/parse/parse-issue.ts';
import { startEarlyIndex } from '../../src/pipeline/early-index.ts';
import { ISSUES_PER_PART, planSearchParts } from '../../src/pipeline/search-parts.ts';
import { temporaryFolder } from '../support/run-cli.ts';

function issue(cumulative: number): Issue {
  const result = parseSeed(syntheticIssue(cumulative), `${cumulative}.md`);
  if (result.kind !== 'issue') throw new Error(`synthetic issue ${cumulative} did not parse`);
  return result.issue;
}

const BASE = '/';
/** The first issue of the second part. */
const NEXT_PART = ISSUES_PER_PART + 1;
let dir: string;
beforeEach(() => {
  dir = temporaryFolder('bulletin-early-');
});

const partsOf = (issues: Issue[]) => planSearchParts(issues, new Map(), BASE, 'fingerprint');


describe('the search index fed while the seeds are read', () => {
  it('gives the stage a part written as soon as the next part began, and the last part fed, each exactly its records', async () => {
    const issues = [1, 2, 3, NEXT_PART].map(issue);
    const early = startEarlyIndex(BASE, dir, 'fingerprint');
    for (const each of issues) early.add(each, undefined);
    const [first, second] = partsOf(issues);
    const written = await early.take(first!);
    expect(written?.kind).toBe('written');
    if (written?.kind !== 'written') return;
    await mkdir(join(dir, 'pagefind', 'parts'));
    await written.moveTo(join(dir, first!.path.replace('pagefind/', 'pagefind/parts/')));
    expect(await readdir(join(dir, first!.path.replace('pagefind/', 'pagefind/parts/')))).toContain('pagefind-entry.json');
    const fed = await early.take(second!);
    expect(fed?.kind).toBe('fed');
    if (fed?.kind !== 'fed') return;
    const { pages } = await fed.part.write(join(dir, 'second'));
    expect(pages).toBe(second!.records.length);
    await early.finish();
    expect(await readdir(join(dir, 'pagefind'))).toEqual(['parts']);
  }, 60_000);

  it('gives nothing for a part whose issues came out of order, or a part it was not fed, and leaves nothing behind', async () => {
    const issues = [2, 1, 3, NEXT_PART].map(issue);
    const early = startEarlyIndex(BASE, dir, 'fingerprint');
    for (const each of issues) early.add(each, undefined);
    const [first, second] = partsOf(issues);
    expect(await early.take(first!)).toBeNull();
    const [other] = partsOf([NEXT_PART + 1].map(issue));
    expect(await early.take({ ...other!, block: 5 })).toBeNull();
    // The same issue, keyed for another indexer: not the records the stage would feed.
    const [keyedOtherwise] = planSearchParts([NEXT_PART].map(issue), new Map(), BASE, 'another indexer');
    expect(keyedOtherwise!.block).toBe(second!.block);
    expect(await early.take(keyedOtherwise!)).toBeNull();
    await early.finish();
    expect(await readdir(join(dir, 'pagefind'))).toEqual([]);
  }, 60_000);
});
