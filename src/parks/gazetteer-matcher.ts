import { loadAliases } from './aliases.ts';
import { loadGazetteer } from './gazetteer.ts';
import { createParkMatcher, type ParkMatcher } from './park-matcher.ts';
import { loadPlaces } from './places.ts';

let matcher: ParkMatcher | undefined;

/** The matcher of the archive: the gazetteer's zones, their aliases, and the place names; made once. */
export function gazetteerMatcher(): ParkMatcher {
  if (matcher) return matcher;
  const parks = loadGazetteer();
  matcher = createParkMatcher(parks, loadAliases(parks), loadPlaces());
  return matcher;
}
