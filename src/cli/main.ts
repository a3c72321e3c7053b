import { parseArgs } from 'node:util';
import { runBuild } from './build-command.ts';
import { runCheck } from './check-command.ts';
import { runServe } from './serve-command.ts';

const USAGE = `Usage:
  bulletin build [--seeds DIR] [--out DIR] [--base-url URL] [--verbose]
  bulletin check [PATH…] [--strict] [--json]
  bulletin serve [--seeds DIR] [--out DIR] [--port N]

build   the whole site from every issue file in DIR (default seeds/) into DIR (default _site/)
check   parse only and print every diagnostic; exit 1 on any error (any warning with --strict)
serve   build, serve on http://localhost:8080 and rebuild when a seed, template or asset changes`;

/** Runs a command and returns its exit code; usage errors exit 2. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'build': {
        const { values } = parseArgs({ args: rest, options: { seeds: { type: 'string', default: 'seeds' }, out: { type: 'string', default: '_site' }, 'base-url': { type: 'string', default: 'http://localhost:8080/' }, verbose: { type: 'boolean', default: false } } });
        return await runBuild({ seeds: values.seeds, out: values.out, baseUrl: values['base-url'], verbose: values.verbose });
      }
      case 'check': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { strict: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
        return await runCheck({ paths: positionals.length > 0 ? positionals : ['seeds'], strict: values.strict, json: values.json });
      }
      case 'serve': {
        const { values } = parseArgs({ args: rest, options: { seeds: { type: 'string', default: 'seeds' }, out: { type: 'string', default: '_site' }, port: { type: 'string', default: '8080' } } });
        const port = Number(values.port);
        if (!/^\d+$/u.test(values.port) || port > 65_535) {
          console.error(`bulletin serve: --port expects a whole number from 0 to 65535, got \`${values.port}\`\n\n${USAGE}`);
          return 2;
        }
        return await runServe({ seeds: values.seeds, out: values.out, port });
      }
      case undefined:
      case '--help':
      case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        console.error(`bulletin: unknown command \`${command}\`\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`bulletin: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`bulletin ${command}: ${describe(error)}`);
    return 1;
  }
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    parts.push(current instanceof Error ? current.message : String(current));
    if (parts.length > 4) break;
  }
  return [...new Set(parts)].join('\n  caused by: ');
}
