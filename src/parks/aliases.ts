/**
 * Nicknames, former and newer names of the zones (zone-aliases.tsv), each
 * with where it comes from, and the rule that says when a mention counts:
 * `always`; `context` (one of the context words stands within a few
 * characters before or after it: 光谷 beside 武汉); `never` (a decoy phrase
 * that holds a name but is not the zone: 光谷科创大走廊, 净月潭).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import type { Park } from '../model/records.ts';

export type AliasRule = { kind: 'always' } | { kind: 'context'; words: readonly string[] } | { kind: 'never' };

export interface ZoneAlias {
  alias: string;
  /** The canonical short name of the zone. */
  park: string;
  kind: 'nickname' | 'former' | 'renamed' | 'decoy';
  rule: AliasRule;
  source: string;
}

// From the project folder, not this module's: the CLI runs as one bundle.
const ALIASES_FILE = join(PROJECT_ROOT, 'src', 'parks', 'zone-aliases.tsv');
const COLUMNS = ['alias', 'short_name', 'kind', 'rule', 'context', 'source'];
const KINDS = new Set(['nickname', 'former', 'renamed', 'decoy']);

let cached: readonly ZoneAlias[] | undefined;

/** Every alias of zone-aliases.tsv, checked against the gazetteer; read once. */
export function loadAliases(parks: readonly Park[]): ZoneAlias[] {
  cached ??= Object.freeze(parseAliases(readFileSync(ALIASES_FILE, 'utf8'), parks, ALIASES_FILE));
  return [...cached];
}

/** Parses and checks alias TSV text; throws with the line of the first bad row. */
export function parseAliases(tsv: string, parks: readonly Park[], source = 'aliases'): ZoneAlias[] {
  const [header = '', ...rows] = tsv.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  if (header !== COLUMNS.join('\t')) throw new Error(`${source}:1: expected header ${COLUMNS.join(' ')}`);
  const known = new Set(parks.map((park) => park.shortName));
  const names = new Set(parks.flatMap((park) => [park.shortName, park.fullName]));
  const seen = new Set<string>();
  return rows.flatMap((row, index) => {
    if (row.trim() === '') return [];
    const where = `${source}:${index + 2}`;
    const [alias = '', park = '', kind = '', rule = '', context = '', origin = ''] = row.split('\t');
    if (!/^[\p{Script=Han}（）\-—]+$/u.test(alias)) throw new Error(`${where}: alias \`${alias}\` is not a Chinese name`);
    if (!known.has(park)) throw new Error(`${where}: \`${park}\` is not a short name of the gazetteer`);
    if (names.has(alias)) throw new Error(`${where}: \`${alias}\` is already a gazetteer name`);
    if (seen.has(alias)) throw new Error(`${where}: \`${alias}\` is listed twice`);
    if (!KINDS.has(kind)) throw new Error(`${where}: kind \`${kind}\`, expected nickname, former, renamed or decoy`);
    if (origin.trim() === '') throw new Error(`${where}: \`${alias}\` says nowhere where it comes from`);
    seen.add(alias);
    return [{ alias, park, kind: kind as ZoneAlias['kind'], rule: parseRule(rule, context, where), source: origin }];
  });
}

function parseRule(rule: string, context: string, where: string): AliasRule {
  if (rule === 'always' || rule === 'never') return { kind: rule };
  if (rule === 'context' && context.trim() !== '') return { kind: 'context', words: context.split('|') };
  throw new Error(`${where}: rule \`${rule}\`, expected always, never, or context with context words`);
}
