import { readCommandLine } from './command-line.ts';
import { defaultAddressNote } from './site-address.ts';

/**
 * Runs a command and returns its exit code: 0 done, 1 failed, 2 a usage
 * mistake (nothing started). A command's modules (Eleventy, Pagefind…) are
 * loaded only once its options are known to be good, so help, the version and
 * a mistake are answered in a fraction of the time.
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const action = readCommandLine(argv);
    switch (action.kind) {
      case 'print':
        console.log(action.text);
        return 0;
      case 'usage-error':
        console.error(action.message);
        return 2;
      case 'check': {
        const { runCheck } = await import('./check-command.ts');
        return await runCheck(action.request);
      }
      case 'build': {
        const { seeds, out, address, verbose } = action.request;
        const { runBuild } = await import('./build-command.ts');
        const code = await runBuild({ seeds, out, baseUrl: address.baseUrl, verbose });
        // Said after the build's own report, where it is read last.
        if (code === 0 && address.setBy === null) console.error(defaultAddressNote());
        return code;
      }
      case 'serve': {
        const { runServe } = await import('./serve-command.ts');
        return await runServe(action.request);
      }
    }
  } catch (error) {
    console.error(`bulletin ${argv[0]}: ${describe(error)}`);
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
