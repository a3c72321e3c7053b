/** The Chinese place names of places.txt, for telling a zone's name (青田高新区) from a kind of zone (省级高新区). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';

// From the project folder, not this module's: the CLI runs as one bundle.
const PLACES_FILE = join(PROJECT_ROOT, 'src', 'parks', 'places.txt');
let cached: ReadonlySet<string> | undefined;

export function loadPlaces(): ReadonlySet<string> {
  cached ??= new Set(readFileSync(PLACES_FILE, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#')));
  return cached;
}
