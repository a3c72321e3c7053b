/**
 * A renamed article heading (its table-of-contents entry left as it was) is
 * reported as a maintainer can act on it: the cause first, naming the heading
 * it probably is, and what follows from it grouped under it; never a message
 * that contradicts the files (the translation's issue file exists, but has
 * errors). Fixture: test/fixtures/bad-input/renamed-heading/.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/archive/load-archive.ts';
import { printDiagnostics } from '../../src/cli/report.ts';
import type { Diagnostic } from '../../src/model/records.ts';
import { BAD, bulletin, temporaryFolder } from '../support/run-cli.ts';

const FIXTURE = join(BAD, 'renamed-heading/input');
const CAUSE = { line: 9, column: 1, ruleId: 'toc-entry-unmatched' };

/** The lines that are not repairs. */
const problems = (output: string) => output.split('\n').filter((line) => line !== '' && !line.includes('  info  '));

describe('a renamed article heading', () => {
  it('bulletin check prints the cause first, naming the heading, with its consequences under it', async () => {
    const { code, stdout } = await bulletin('check', FIXTURE);
    expect(code).toBe(1);
    const lines = problems(stdout);
    expect(lines[0]).toMatch(/huoju-dongtai-560\.md:9:1 {2}error {2}Unexpected table-of-contents entry `佛山高新区：打造“智造”高地` with no article, expected a heading with that title \(is it the heading `佛山高新区：打造“智造”新高地` at line 22\?\) {2}toc-entry-unmatched$/u);
    expect(lines[1]).toBe('    9 problems follow from it; fix it first:');
    expect(lines.slice(2, 5).map((line) => /^ {4}\S+:(\d+):1 {2}warning .* {2}content-orphan$/u.exec(line)?.[1])).toEqual(['22', '24', '26']);
    expect(lines[5]).toBe('    … and 5 more content-orphan (warning) at line:column 28:1, 30:1, 32:1, 34:1, 36:1');
    expect(lines[6]).toMatch(/^ {4}\S+huoju-dongtai-560\.en\.md:1:1 {2}warning {2}Unused translation of 总第560期: its issue file \S+huoju-dongtai-560\.md has errors; it is used once they are fixed {2}translation-orphan$/u);
    expect(stdout).not.toContain('expected an issue file with that number');
    expect(lines.at(-1)).toBe('1 error, 9 warnings, 3 infos in 2 files');
  });

  it('bulletin check --json keeps every diagnostic, each consequence with its cause', async () => {
    const { code, stdout } = await bulletin('check', '--json', FIXTURE);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { errors: number; warnings: number; diagnostics: Diagnostic[] };
    expect(report).toMatchObject({ errors: 1, warnings: 9 });
    const consequences = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
    expect(consequences.map((diagnostic) => diagnostic.ruleId)).toEqual([...Array<string>(8).fill('content-orphan'), 'translation-orphan']);
    for (const { cause } of consequences) expect(cause).toEqual({ file: expect.stringMatching(/huoju-dongtai-560\.md$/u), ...CAUSE });
    expect(report.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.cause).toBeUndefined();
  });

  it('bulletin build prints it the same way, and builds nothing', async () => {
    const out = join(temporaryFolder('bulletin-renamed-'), '_site');
    const { code, stderr } = await bulletin('build', '--seeds', FIXTURE, '--out', out, '--base-url', 'https://example.org/');
    expect(code).toBe(1);
    const lines = problems(stderr);
    expect(lines[0]).toContain('toc-entry-unmatched');
    expect(lines[1]).toBe('    9 problems follow from it; fix it first:');
    expect(lines[6]).toContain('Unused translation of 总第560期');
  });
});

describe('a translation without its issue', () => {
  const folder = temporaryFolder('bulletin-orphan-translation-');
  const translation = join(FIXTURE, 'huoju-dongtai-560.en.md');

  it('says the issue file is missing when no seed has that number', async () => {
    const only = join(folder, 'only');
    mkdirSync(only);
    copyFileSync(translation, join(only, 'huoju-dongtai-560.en.md'));
    const { diagnostics } = await loadArchive([only], only);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'translation-orphan', message: 'Unexpected translation of 总第560期, expected an issue file with that number' })]);
  });

  it('names the seeds whose number could not be read, one of which may be the issue', async () => {
    const unreadable = join(folder, 'unreadable');
    mkdirSync(unreadable);
    copyFileSync(translation, join(unreadable, 'huoju-dongtai-560.en.md'));
    writeFileSync(join(unreadable, 'huoju-dongtai-560.md'), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41]));
    const { diagnostics } = await loadArchive([unreadable], unreadable);
    const orphan = diagnostics.find((diagnostic) => diagnostic.ruleId === 'translation-orphan');
    expect(orphan?.message).toBe('Unexpected translation of 总第560期, expected an issue file with that number; huoju-dongtai-560.md could not be read for their numbers (errors above)');
  });
});

describe('printDiagnostics', () => {
  const at = (line: number, ruleId: string, severity: Diagnostic['severity'], cause?: Diagnostic['cause']): Diagnostic => ({ file: 'a.md', line, column: 1, severity, message: `m${line}`, ruleId, ...(cause ? { cause } : {}) });
  const cause = { file: 'a.md', line: 9, column: 1, ruleId: 'toc-entry-unmatched' };
  const print = (diagnostics: Diagnostic[], infos = true) => {
    const lines: string[] = [];
    printDiagnostics(diagnostics, (line) => lines.push(line), { infos });
    return lines;
  };

  it('prints a consequence whose cause is not among the diagnostics where it stands', () => {
    expect(print([at(3, 'content-orphan', 'warning', cause)])).toEqual(['a.md:3:1  warning  m3  content-orphan']);
  });

  it('prints a single consequence under its cause, and the others in their order', () => {
    expect(print([at(1, 'repair-punctuation', 'info'), at(3, 'content-orphan', 'warning', cause), at(9, 'toc-entry-unmatched', 'error'), at(12, 'heading-empty', 'warning')], false)).toEqual([
      'a.md:9:1  error  m9  toc-entry-unmatched',
      '    Following from it:',
      '    a.md:3:1  warning  m3  content-orphan',
      'a.md:12:1  warning  m12  heading-empty',
    ]);
  });
});
