/**
 * From the command line to what to do: print the help or the version, refuse
 * a mistake (exit 2), or run a command with every option checked. Nothing is
 * started here, so a bad option costs no folder and no process.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PROJECT_ROOT } from '../project-root.ts';
import { COMMANDS, COMMON_OPTIONS, USAGE, commandHelp, isCommand, type CommandName } from './commands.ts';
import { resolveSiteAddress, type SiteAddress } from './site-address.ts';
import { UsageError } from './usage-error.ts';

export interface BuildRequest {
  seeds: string;
  out: string;
  address: SiteAddress;
  verbose: boolean;
}
export interface CheckRequest {
  paths: string[];
  strict: boolean;
  json: boolean;
}
export interface ServeRequest {
  seeds: string;
  out: string;
  port: number;
  host: string;
  /** The path the site is served under, from the site's address: `/archive/`. */
  basePath: string;
}

export type Action =
  | { kind: 'print'; text: string }
  | { kind: 'usage-error'; message: string }
  | { kind: 'build'; request: BuildRequest }
  | { kind: 'check'; request: CheckRequest }
  | { kind: 'serve'; request: ServeRequest };

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What `argv` (the arguments after `bulletin`) asks for. */
export function readCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Action {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'usage-error', message: `bulletin: a command is missing\n\n${USAGE}` };
  if (first === '-h' || first === '--help') return { kind: 'print', text: USAGE };
  if (first === '--version') return { kind: 'print', text: versionLine() };
  if (first === 'help') return isCommand(rest[0]) ? { kind: 'print', text: commandHelp(rest[0]) } : { kind: 'print', text: USAGE };
  if (!isCommand(first)) return { kind: 'usage-error', message: `bulletin: unknown command ${JSON.stringify(first)}\n\n${USAGE}` };
  try {
    const asked = askedFor(first, rest);
    if (asked) return asked;
    const { values, positionals } = parseArgs({ args: [...rest], options: parserOptions(first), allowPositionals: COMMANDS[first].positionals !== undefined, strict: true });
    return requestFor(first, values, positionals, env, cwd);
  } catch (error) {
    const argument = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || (error instanceof UsageError && error.usage);
    if (!argument && !(error instanceof UsageError)) throw error;
    const usage = argument ? `\n\nUsage: ${COMMANDS[first].synopsis}\nRun \`bulletin ${first} --help\` for every option.` : '';
    return { kind: 'usage-error', message: `bulletin ${first}: ${(error as Error).message}${usage}` };
  }
}

function parserOptions(name: CommandName): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [option, spec] of Object.entries({ ...COMMANDS[name].options, ...COMMON_OPTIONS })) {
    options[option] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.default !== undefined ? { default: spec.default } : {}) } as NonNullable<ParseArgsConfig['options']>[string];
  }
  return options;
}

/** `--help` or `--version` anywhere among a command's options wins over any mistake beside it, as in most tools. */
function askedFor(name: CommandName, args: readonly string[]): Action | null {
  const { tokens } = parseArgs({ args: [...args], options: parserOptions(name), allowPositionals: true, strict: false, tokens: true });
  const flags = new Set(tokens.filter((token) => token.kind === 'option').map((token) => token.name));
  if (flags.has('help')) return { kind: 'print', text: commandHelp(name) };
  if (flags.has('version')) return { kind: 'print', text: versionLine() };
  return null;
}

function requestFor(name: CommandName, values: Values, positionals: string[], env: NodeJS.ProcessEnv, cwd: string): Action {
  const text = (key: string) => String(values[key]);
  switch (name) {
    case 'check':
      return { kind: 'check', request: { paths: positionals.length > 0 ? positionals : ['seeds'], strict: values.strict === true, json: values.json === true } };
    case 'build': {
      const address = resolveSiteAddress(values['base-url'] as string | undefined, env, cwd);
      return { kind: 'build', request: { seeds: text('seeds'), out: text('out'), address, verbose: values.verbose === true } };
    }
    case 'serve': {
      const port = checkPort(text('port'));
      const host = checkHost(text('host'));
      const { baseUrl } = resolveSiteAddress(values['base-url'] as string | undefined, env, cwd);
      return { kind: 'serve', request: { seeds: text('seeds'), out: text('out'), port, host, basePath: new URL(baseUrl).pathname } };
    }
  }
}

function checkPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/u.test(value) || port > 65_535) throw new UsageError(`--port expects a whole number from 0 to 65535, got \`${value}\``);
  return port;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/iu;

/** An IP address (IPv6 with or without brackets) or a host name; whether this machine has it is known only when listening. */
function checkHost(value: string): string {
  const bare = value.replace(/^\[(.*)\]$/u, '$1');
  if (isIP(bare) !== 0 || HOST_NAME.test(bare)) return bare;
  throw new UsageError(`--host expects an IP address or a host name (localhost, 127.0.0.1, 0.0.0.0, ::), got ${JSON.stringify(value)}`);
}

function versionLine(): string {
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return `bulletin ${version}`;
}
