/**
 * The command line as a user meets it: help and version for the CLI and for
 * each command, and options the build cannot use refused at once (exit 2,
 * naming the option), before a folder is made or a process started.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../src/cli/command-line.ts';
import { COMMANDS } from '../../src/cli/commands.ts';
import { bulletin, ended, killGroup, ROOT, startBulletin, temporaryFolder } from '../support/run-cli.ts';

const work = temporaryFolder('bulletin-options-');
const VERSION = /^bulletin \d+\.\d+\.\d+\n$/u;

describe('help and version', () => {
  it('bulletin --help (-h, help) prints the usage of every command to stdout and exits 0', async () => {
    const run = await bulletin('--help');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const command of Object.values(COMMANDS)) expect(run.stdout).toContain(command.synopsis);
    for (const flag of ['-h', 'help']) expect(readCommandLine([flag])).toEqual({ kind: 'print', text: run.stdout.trimEnd() });
  });

  it.each([['--version'], ['build', '--version']])('bulletin %s %s prints the version and exits 0', async (...args) => {
    const run = await bulletin(...args);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(VERSION);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.stdout).toBe(`bulletin ${version}\n`);
  });

  it.each(Object.keys(COMMANDS))('bulletin %s --help lists every option of the command with its default', async (command) => {
    const run = await bulletin(command, '--help');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const spec = COMMANDS[command as keyof typeof COMMANDS];
    expect(run.stdout).toContain(`Usage: ${spec.synopsis}`);
    for (const [option, { default: fallback }] of Object.entries(spec.options)) {
      expect(run.stdout).toMatch(new RegExp(`^ {2}--${option}\\b.*${typeof fallback === 'string' ? `\\(default: ${fallback}\\)` : ''}`, 'mu'));
    }
    for (const line of ['  -h, --help ', '  --version ']) expect(run.stdout).toContain(line);
    // The same help, however it is asked for; the version after any command.
    for (const args of [[command, '-h'], ['help', command], [command, '--seeds', 'x', '--help']]) expect(readCommandLine(args)).toEqual({ kind: 'print', text: run.stdout.trimEnd() });
    expect(readCommandLine([command, '--version'])).toEqual({ kind: 'print', text: `bulletin ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}` });
  });

  it('shows the defaults a user needs: seeds, _site, port 8080, loopback, and where the site address comes from', async () => {
    const { stdout } = await bulletin('serve', '--help');
    expect(stdout).toMatch(/--seeds DIR .*\(default: seeds\)/u);
    expect(stdout).toMatch(/--out DIR .*\(default: _site\)/u);
    expect(stdout).toMatch(/--port N .*\(default: 8080\)/u);
    expect(stdout).toMatch(/--host HOST .*\(default: localhost\)/u);
    expect(stdout).toMatch(/--base-url URL .*\(default: BULLETIN_BASE_URL, then bulletin\.config\.json, then http:\/\/localhost:8080\/\)/u);
  });

  it('--help wins over a mistake beside it; an unknown option alone is a usage error with exit 2', async () => {
    expect((await bulletin('build', '--nope', '--help')).code).toBe(0);
    const run = await bulletin('build', '--nope');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Unknown option '--nope'");
    expect(run.stderr).toContain(`Usage: ${COMMANDS.build.synopsis}`);
  });

  it('no command is a usage error, exit 2, with the usage on stderr', async () => {
    const run = await bulletin();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(COMMANDS.check.synopsis);
  });
});

/** Runs `bulletin ...args` in a process group of its own; resolves once it ended, with whether any process of the group was left. */
async function runAlone(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; groupLeft: boolean }> {
  const child = startBulletin(args, { group: true });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const { code } = await ended(child);
  return { code, stdout, stderr, groupLeft: killGroup(child.pid ?? 0) };
}

describe('a --base-url the build cannot use', () => {
  const cases: [string, string][] = [
    ['notaurl', 'it is not an absolute URL'],
    ['', 'it is empty'],
    ['archive/', 'it is not an absolute URL'],
    ['ftp://x/', 'it uses ftp:'],
    ['javascript:alert(1)', 'it uses javascript:'],
    ['data:text/html,x', 'it uses data:'],
    ['file:///etc/', 'it uses file:'],
    ['https://example.org/archive/?lang=en', 'a site address has no query'],
  ];
  it.each(cases)('%j: exit 2 at once naming --base-url, no builds folder, no process left', async (url, why) => {
    const place = join(work, `case-${cases.findIndex(([value]) => value === url)}`);
    mkdirSync(place);
    const run = await runAlone(['build', '--seeds', 'seeds', '--out', join(place, '_site'), `--base-url=${url}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--base-url expects an absolute http:// or https:// URL such as https://example.org/archive/, got ${JSON.stringify(url)}: ${why}`);
    expect(run.stdout).toBe('');
    expect(run.groupLeft).toBe(false);
    expect(readdirSync(place)).toEqual([]);
  });

  it('refuses a user name and password in the address without printing the password', async () => {
    const place = join(work, 'credentials');
    mkdirSync(place);
    const run = await runAlone(['build', '--out', join(place, '_site'), '--base-url', 'https://admin:s3cret@example.org/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base-url expects');
    expect(run.stderr).toContain('user name or password');
    expect(run.stderr).not.toContain('s3cret');
    expect(run.stderr).not.toContain('admin');
    expect(run.groupLeft).toBe(false);
    expect(readdirSync(place)).toEqual([]);
  });

  it('serve refuses the same addresses, and a bad --host, before anything starts', async () => {
    const place = join(work, 'serve');
    mkdirSync(place);
    for (const args of [['--base-url', 'javascript:alert(1)'], ['--host', 'not a host'], ['--host', ''], ['--port', '80.5']]) {
      const run = await runAlone(['serve', '--out', join(place, '_site'), '--port', '0', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toContain(`${args[0]} expects`);
      expect(run.groupLeft).toBe(false);
    }
    expect(readdirSync(place)).toEqual([]);
  });
});
