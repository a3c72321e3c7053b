/**
 * Finds the national high-tech zones named in a text, and the `X高新区`
 * names that look like a zone but are not in the gazetteer.
 */
import type { Park } from '../model/records.ts';
import { buildTrie, findKnown } from './name-trie.ts';
import { parkNameForms, ZONE } from './park-names.ts';
import { findUnknown, GENERIC_ENDINGS, wordSet, type GenericTests } from './unknown-parks.ts';

export { parkNameForms, type ParkNameForms } from './park-names.ts';
export type { ParkMatcher, ParkMention, ParkScan, UnknownParkMention } from './park-scan.ts';
import type { ParkMatcher, ParkScan } from './park-scan.ts';

export function createParkMatcher(parks: readonly Park[]): ParkMatcher {
  const { forms, ambiguous } = parkNameForms(parks);
  const root = buildTrie(forms);
  const generic: GenericTests = {
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
