import matter from 'gray-matter';
import { z } from 'zod';
import type { Diagnostic } from '../model/records.ts';
import { firstRemovable } from './characters.ts';
import { placesOfOffsets, START, type Place } from './diagnostics.ts';
import { ISO_DATE, isoDate } from '../text/iso-date.ts';
import { loadYaml, offsetOfPath, stringNodes, type YamlNode, type YamlResult } from './yaml.ts';

/** The YAML of the front matter starts on the file's second line. */
const YAML_START: Place = { line: 2, column: 1 };

export type FrontMatter =
  | { ok: true; data: Record<string, unknown>; body: string; placeOf: (path: readonly PropertyKey[]) => Place }
  | { ok: false; diagnostic: Diagnostic };

/** Front matter in a language other than YAML: gray-matter would run `---js` as JavaScript; a seed is data. */
class LanguageRefused extends Error {}
const refuse = () => {
  throw new LanguageRefused();
};

/**
 * Separates optional YAML front matter from the Markdown. gray-matter finds
 * the block; its YAML is read by loadYaml (the core schema, every node's
 * place kept for diagnostics), and any other language is refused. The body
 * keeps its line numbers: the front matter's lines are blanked, not removed.
 * An opening `---` with no closing one is no front matter (a thematic break).
 */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  if (!matter.test(text) || !/\n---/u.test(text.slice(3))) return { ok: true, data: {}, body: text, placeOf: () => START };
  let yaml = '';
  let loaded = { ok: true, value: {}, root: undefined } as YamlResult;
  const invalid = (offset: number, message: string): FrontMatter => ({
    ok: false,
    diagnostic: { file, ...(placesOfOffsets(yaml, [offset], YAML_START)[0] ?? YAML_START), severity: 'error', message, ruleId: 'front-matter-invalid' },
  });
  const readYaml = (block: string) => {
    yaml = block.replace(/^\r?\n/u, '');
    loaded = loadYaml(yaml);
    return {};
  };
  let split: { content: string; language?: string };
  try {
    split = matter(text, { engines: { yaml: { parse: readYaml }, javascript: { parse: refuse }, json: { parse: refuse } } });
  } catch {
    const language = /^---(.*)/u.exec(text)?.[1]?.trim() ?? '';
    return { ok: false, diagnostic: { file, line: 1, column: 4, severity: 'error', message: `Unexpected front matter in \`${language}\`, expected YAML`, ruleId: 'front-matter-invalid' } };
  }
  if (!loaded.ok) {
    const { offset, reason } = loaded;
    const tag = reason.startsWith('unknown tag') ? /^!\S*/u.exec(yaml.slice(offset))?.[0] : undefined;
    return invalid(offset, tag ? `Unexpected tag \`${tag}\` in front matter, expected plain YAML values` : `Unexpected front matter: ${reason}, expected a YAML mapping`);
  }
  const data = loaded.value ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return invalid(0, 'Unexpected front matter that is not a mapping, expected `key: value` lines');
  const escaped = escapedCharacter(loaded.root);
  if (escaped) return invalid(escaped.node.start, `Unexpected character ${escaped.code} in front matter (made by an escape), expected text`);
  const block = text.slice(0, text.length - split.content.length);
  const { root } = loaded;
  return {
    ok: true,
    data: data as Record<string, unknown>,
    body: block.replace(/[^\n]/gu, '') + split.content,
    placeOf: (path) => placesOfOffsets(yaml, [offsetOfPath(root, path)], YAML_START)[0] ?? YAML_START,
  };
}

/**
 * Decoding removed such characters from the seed, but a YAML escape
 * (`"\uFFFF"`) makes them again: they are refused rather than removed, since
 * nobody writes one by accident.
 */
function escapedCharacter(root: YamlNode | undefined): { node: YamlNode; code: string } | null {
  for (const node of stringNodes(root)) {
    const code = firstRemovable(String(node.result));
    if (code) return { node, code };
  }
  return null;
}

/** A schema error of the front matter, placed on the key it is about. */
export function frontMatterError(error: z.ZodError, front: Extract<FrontMatter, { ok: true }>, file: string, ruleId: string): Diagnostic {
  const issue = error.issues[0];
  const unknownKey = issue?.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = [...(issue?.path ?? []), ...(unknownKey === undefined ? [] : [unknownKey])];
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'front matter';
  const found = valueAt(front.data, path);
  const value = ['string', 'number', 'boolean'].includes(typeof found) ? ` \`${String(found).slice(0, 40)}\`` : '';
  const message =
    unknownKey === undefined
      ? `Unexpected ${where}${value} in front matter: ${issue?.message ?? 'invalid value'}`
      : `Unexpected key ${where} in front matter, expected one of ${ruleId === 'translation-invalid' ? 'translation_of, lang, sections, articles' : Object.keys(issueFrontMatterSchema.shape).join(', ')}`;
  return { file, ...front.placeOf(path), severity: 'error', message, ruleId };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const step of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'expected a date as YYYY-MM-DD')
  .refine((iso) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return isoDate({ year, month, day }) === iso;
  }, 'not a real calendar date');

/** Issue metadata a seed's front matter may add or override. */
export const issueFrontMatterSchema = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    place: z.string().min(1),
    year: z.number().int().min(1900).max(2200),
    number: z.number().int().min(1),
    cumulative: z.number().int().min(1),
    date: isoDateSchema,
    label: z.string().min(1),
  })
  .partial()
  .strict();
export type IssueFrontMatter = z.infer<typeof issueFrontMatterSchema>;
