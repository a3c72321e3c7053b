import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { syntheticIssue } from '../../bench/synthetic.ts';
import { parseFiles } from '../../src/archive/parse-files.ts';
import { temporaryFolder } from '../support/run-cli.ts';

const dir = temporaryFolder('bulletin-parse-order-');

it('parses issues in the order of the numbers in their names (9 before 10 before 100), which is the order the search index is fed in', async () => {
  const numbers = [1, 10, 100, 2, 65, 9];
  const jobs = [];
  for (const number of numbers) {
    const name = `huoju-dongtai-${number}.md`;
    await writeFile(join(dir, name), syntheticIssue(number));
    jobs.push({ path: join(dir, name), name });
  }
  const parsed: number[] = [];
  await parseFiles(jobs, undefined, (_, result) => {
    if (result.kind === 'issue') parsed.push(result.issue.cumulative);
  });
  expect(parsed).toEqual([1, 2, 9, 10, 65, 100]);
}, 30_000);
