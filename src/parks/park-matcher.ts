/**
 * Finds the national high-tech zones named in a text, and the `X高新区`
 * names that look like a zone but are not in the gazetteer.
 */
import type { Park } from '../model/records.ts';
import type { ZoneAlias } from './aliases.ts';
import { buildTrie, findKnown, type NameEntry } from './name-trie.ts';
import { parkNameForms, ZONE } from './park-names.ts';
import { findUnknown, GENERIC_ENDINGS, placeTest, wordSet, type GenericTests } from './unknown-parks.ts';

export { parkNameForms, type ParkNameForms } from './park-names.ts';
export type { ParkMatcher, ParkMention, ParkScan, UnknownParkMention } from './park-scan.ts';
import type { ParkMatcher, ParkScan } from './park-scan.ts';

/** Every name form of the gazetteer and the aliases, each with the rule that says when a mention counts. */
function nameEntries(forms: ReadonlyMap<string, string>, aliases: readonly ZoneAlias[]): Map<string, NameEntry> {
  const entries = new Map<string, NameEntry>([...forms].map(([form, park]) => [form, { park, rule: { kind: 'always' } }]));
  for (const alias of aliases) entries.set(alias.alias, { park: alias.park, rule: alias.rule });
  return entries;
}

export function createParkMatcher(parks: readonly Park[], aliases: readonly ZoneAlias[] = [], places: ReadonlySet<string> = new Set()): ParkMatcher {
  const { forms, ambiguous } = parkNameForms(parks);
  const root = buildTrie(nameEntries(forms, aliases));
  const generic: GenericTests = {
    beginsWithPlace: placeTest(parks.map((park) => park.province), places),
    endsWithAmbiguousStem: wordSet([...ambiguous].filter((form) => form.endsWith(ZONE)).map((form) => form.slice(0, -ZONE.length))),
    endsWithGeneric: wordSet([...GENERIC_ENDINGS, ...parks.map((park) => park.province)]),
  };
  return {
    find(text) {
      const mentions = findKnown(text, root);
      return { mentions, unknown: findUnknown(text, mentions, generic) };
    },
  };
}

/** Distinct canonical short names, in order of first mention. */
export function parksNamed(scan: ParkScan): string[] {
  return [...new Set(scan.mentions.map((mention) => mention.park))];
}
