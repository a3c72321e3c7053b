/**
 * The project's config file (`bulletin.config.json` where the command runs):
 * settings made once for every command. Strict, like seeds' front matter: a
 * key it does not know is an error, so that a typo (`baseURL`) cannot leave
 * the default in place without a word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from './usage-error.ts';

const settingsSchema = z.strictObject({
  /** The site's public address; see site-address.ts. */
  baseUrl: z.string().optional(),
});
export type ProjectSettings = z.infer<typeof settingsSchema>;

const KNOWN_KEYS = Object.keys(settingsSchema.shape);

/** The settings of `name` in `cwd`, or null when there is no such file; throws a UsageError naming the file (and the key) when it is unusable. */
export function readProjectConfig(cwd: string, name: string): { path: string; settings: ProjectSettings } | null {
  const path = join(cwd, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { usage: false });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message}); expected an object such as { "baseUrl": "https://example.org/archive/" }`, { usage: false });
  }
  const parsed = settingsSchema.safeParse(data);
  if (parsed.success) return { path, settings: parsed.data };
  throw new UsageError(`${path}: ${describeIssue(parsed.error.issues[0])}`, { usage: false });
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  const expected = `expected ${KNOWN_KEYS.map((key) => JSON.stringify(key)).join(', ')}`;
  if (!issue) return 'not valid';
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}, ${expected}`;
  if (issue.path.length === 0) return `expected a JSON object of settings (${KNOWN_KEYS.join(', ')})`;
  return `${JSON.stringify(issue.path.join('.'))} ${issue.message.replace(/^Invalid input: /u, '')}`;
}
