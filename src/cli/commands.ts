/**
 * What each command accepts, in one table: the argument parser reads it, and
 * so does the help, so that the help always lists the options that exist,
 * with their defaults.
 */
import { BASE_URL_ENV, CONFIG_FILE, DEFAULT_BASE_URL } from './site-address.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the help: DIR, URL, N. */
  value?: string;
  /** Applied by the parser and shown in the help. */
  default?: string | boolean;
  /** Shown as the default where the parser applies none. */
  defaultText?: string;
  description: string;
}

export interface CommandSpec {
  synopsis: string;
  summary: string;
  /** Placeholder and default of the command's positional arguments, when it takes any. */
  positionals?: { value: string; description: string };
  options: Record<string, OptionSpec>;
  /** Closing paragraph of the command's help. */
  notes?: string;
}

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'print this help and exit' },
  version: { type: 'boolean', description: 'print the version and exit' },
};

const ADDRESS_SOURCES = `The first of these that is set wins:
  --base-url URL
  the environment variable ${BASE_URL_ENV}
  "baseUrl" in ${CONFIG_FILE} in the folder the command runs in, e.g. { "baseUrl": "https://example.org/archive/" }
  ${DEFAULT_BASE_URL}`;

const seeds: OptionSpec = { type: 'string', value: 'DIR', default: 'seeds', description: 'the folder of issue files, *.md' };
const out: OptionSpec = { type: 'string', value: 'DIR', default: '_site', description: 'where the site is published, as a link to its build' };

export const COMMANDS: Record<'build' | 'check' | 'serve', CommandSpec> = {
  build: {
    synopsis: 'bulletin build [--seeds DIR] [--out DIR] [--base-url URL] [--verbose]',
    summary: 'Builds the whole site from every issue file in --seeds into --out. Exits 0 only when the whole site was written.',
    options: {
      seeds,
      out,
      'base-url': { type: 'string', value: 'URL', defaultText: `${BASE_URL_ENV}, then ${CONFIG_FILE}, then ${DEFAULT_BASE_URL}`, description: "the site's public address, e.g. https://example.org/archive/" },
      verbose: { type: 'boolean', default: false, description: 'list every repair, not only their number' },
    },
    notes: `The site's public address goes into canonical links, the sitemap, feeds and citations. ${ADDRESS_SOURCES}, which the build then names.`,
  },
  check: {
    synopsis: 'bulletin check [PATH…] [--strict] [--json]',
    summary: 'Parses only and prints every diagnostic. Exits 1 on any error (on any warning too with --strict).',
    positionals: { value: 'PATH…', description: 'issue files or folders to check (default: seeds)' },
    options: {
      strict: { type: 'boolean', default: false, description: 'exit 1 on warnings too' },
      json: { type: 'boolean', default: false, description: 'print { files, errors, warnings, infos, diagnostics } as JSON' },
    },
  },
  serve: {
    synopsis: 'bulletin serve [--seeds DIR] [--out DIR] [--port N] [--host HOST] [--base-url URL]',
    summary: 'Builds the site, serves it and rebuilds it when a seed, template or asset changes (npm start).',
    options: {
      seeds,
      out,
      port: { type: 'string', value: 'N', default: '8080', description: 'the port to listen on (0: any free one)' },
      host: { type: 'string', value: 'HOST', default: 'localhost', description: 'the address to listen on; 0.0.0.0 or :: shares the site with the network' },
      'base-url': { type: 'string', value: 'URL', defaultText: `${BASE_URL_ENV}, then ${CONFIG_FILE}, then ${DEFAULT_BASE_URL}`, description: 'only its path is used: the site is served under it, on this machine' },
    },
    notes: `Only the path of the site's address is used: a site for https://example.org/archive/ is served on http://localhost:PORT/archive/, with links that work there. ${ADDRESS_SOURCES}`,
  },
};

export type CommandName = keyof typeof COMMANDS;

export function isCommand(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export const USAGE = `Usage:
${Object.values(COMMANDS)
  .map((command) => `  ${command.synopsis}`)
  .join('\n')}
  bulletin [COMMAND] --help | --version

build   the whole site from every issue file in DIR (default seeds/) into DIR (default _site/)
check   parse only and print every diagnostic; exit 1 on any error (any warning with --strict)
serve   build, serve on http://localhost:8080 and rebuild when a seed, template or asset changes

Run \`bulletin COMMAND --help\` for a command's options.`;

/** A command's whole help: usage, what it does, every option with its default. */
export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  const rows: [string, string][] = [];
  if (command.positionals) rows.push([command.positionals.value, command.positionals.description]);
  for (const [option, spec] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${option}${spec.value ? ` ${spec.value}` : ''}`;
    const fallback = spec.defaultText ?? (typeof spec.default === 'string' ? spec.default : undefined);
    rows.push([flag, `${spec.description}${fallback ? ` (default: ${fallback})` : ''}`]);
  }
  const width = Math.max(...rows.map(([flag]) => flag.length));
  const lines = rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
  return [`Usage: ${command.synopsis}`, '', command.summary, '', 'Options:', ...lines, ...(command.notes ? ['', command.notes] : [])].join('\n');
}
