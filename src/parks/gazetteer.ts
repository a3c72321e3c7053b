/**
 * The national high-tech zones (国家高新区), read once from the TSV next to
 * this module and validated row by row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { z } from 'zod';
import { parkSchema, type Park } from '../model/records.ts';
import { createSlugger } from '../text/slug.ts';

// From the project folder, not this module's: the CLI runs as one bundle.
const GAZETTEER_FILE = join(PROJECT_ROOT, 'src', 'parks', 'national-high-tech-zones.tsv');
const COLUMNS = ['full_name', 'short_name', 'province', 'province_en', 'place_en'] as const;

const cell = z.string().trim().min(1);
const hanName = cell.regex(/^\p{Script=Han}+$/u, 'expected Han characters only');
const rowSchema = z.object({
  full_name: hanName,
  short_name: hanName,
  province: hanName,
  province_en: cell.regex(/^[A-Za-z ]+$/u, 'expected Latin letters'),
  place_en: cell.regex(/^[A-Za-z][A-Za-z '()-]*$/u, 'expected a Latin place name'),
});

let cached: readonly Park[] | undefined;

/** All parks of the gazetteer, in file order; the file is read on first call only. */
export function loadGazetteer(): Park[] {
  cached ??= Object.freeze(parseGazetteer(readFileSync(GAZETTEER_FILE, 'utf8'), GAZETTEER_FILE).map((park) => Object.freeze(park)));
  return [...cached];
}

/** `Changchun Jingyue` → `changchun-jingyue`, `Xiong'an` → `xiongan`, `Fuzhou (Jiangxi)` → `fuzhou-jiangxi`. */
export function placeSlug(placeEn: string): string {
  return placeEn
    .normalize('NFKD')
    .toLowerCase()
    .replace(/['’]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Parses and validates gazetteer TSV text; throws with the line number of the first bad row. */
export function parseGazetteer(tsv: string, source = 'gazetteer'): Park[] {
  const lines = tsv.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== COLUMNS.join('\t')) {
    throw new Error(`${source}:1: expected header ${COLUMNS.join(' ')}, got ${header.join(' ')}`);
  }
  const parks: Park[] = [];
  const uniqueSlug = createSlugger([], placeSlug);
  const seenNames = new Map<string, number>();
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    if (line.trim() === '') return;
    const row = parseRow(line, `${source}:${lineNumber}`);
    for (const name of new Set([row.full_name, row.short_name])) {
      const earlier = seenNames.get(name);
      if (earlier !== undefined) throw new Error(`${source}:${lineNumber}: ${name} already named on line ${earlier}`);
      seenNames.set(name, lineNumber);
    }
    const slug = uniqueSlug(row.place_en);
    parks.push(
      parkSchema.parse({
        fullName: row.full_name,
        shortName: row.short_name,
        province: row.province,
        provinceEn: row.province_en,
        placeEn: row.place_en,
        slug,
      }),
    );
  });
  if (parks.length === 0) throw new Error(`${source}: no parks`);
  return parks;
}

function parseRow(line: string, where: string): z.infer<typeof rowSchema> {
  const cells = line.split('\t');
  if (cells.length !== COLUMNS.length) {
    throw new Error(`${where}: expected ${COLUMNS.length} tab-separated columns, got ${cells.length}`);
  }
  const result = rowSchema.safeParse(Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i]])));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${where}: ${issue?.path.join('.') ?? 'row'}: ${issue?.message ?? 'invalid row'}`);
  }
  return result.data;
}
