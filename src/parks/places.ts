/** The Chinese place names of places.txt, for telling a zone's name (青田高新区) from a kind of zone (省级高新区). */
import { readFileSync } from 'node:fs';

const PLACES_URL = new URL('./places.txt', import.meta.url);
let cached: ReadonlySet<string> | undefined;

export function loadPlaces(): ReadonlySet<string> {
  cached ??= new Set(readFileSync(PLACES_URL, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#')));
  return cached;
}
