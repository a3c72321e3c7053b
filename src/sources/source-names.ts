/**
 * English names of 供稿 sources and of the masthead's organisations, for the
 * English pages and the open data. A source that is a zone's name is that
 * zone's English name (the gazetteer's place); another organisation has the
 * English name source-organisations.tsv gives it, each with where it comes
 * from. A name with none stays Chinese: the pages mark it `lang="zh-CN"`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { z } from 'zod';
import { translate } from '../i18n/index.ts';
import type { Park } from '../model/records.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import { parkNameForms } from '../parks/park-names.ts';

export interface Organisation {
  name: string;
  nameEn: string;
  /** Where the English name comes from: a URL, or `translation…` saying how it was made. */
  source: string;
}

export interface SourceNames {
  /** The English name of a source or organisation, or null when a part of it has none. */
  en(name: string): string | null;
  /** The canonical short name of the zone a source is (大冶湖高新区 → 黄石大冶湖高新区), or null. */
  zone(name: string): string | null;
}

// From the project folder, not this module's: the CLI runs as one bundle.
const ORGANISATIONS_FILE = join(PROJECT_ROOT, 'src', 'sources', 'source-organisations.tsv');
const COLUMNS = ['name', 'name_en', 'source'];
/** Between the organisations of a joint source: 江门高新区、江门市科技局. */
const PARTS = /[、，,；;\s]+/u;
/** Joins English names, which may hold commas themselves. */
const JOINED = '; ';
/** A zone's administrative committee: 佛山高新区管委会. */
const COMMITTEE = '管委会';

const rowSchema = z.object({
  name: z.string().regex(/^[\p{Script=Han}（）]+$/u, 'expected a Chinese name'),
  name_en: z.string().regex(/^[A-Z][A-Za-z ,.'&()-]*$/u, 'expected an English name'),
  source: z.string().regex(/^(https?:\/\/\S+|translation\b)/u, 'expected a URL or "translation…"'),
});

/** Parses and checks the dictionary; throws with the line of the first bad row. */
export function parseOrganisations(tsv: string, where = 'organisations'): Organisation[] {
  const [header = '', ...lines] = tsv.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  if (header !== COLUMNS.join('\t')) throw new Error(`${where}:1: expected header ${COLUMNS.join(' ')}`);
  const seen = new Set<string>();
  return lines.flatMap((line, index) => {
    if (line.trim() === '') return [];
    const at = `${where}:${index + 2}`;
    const cells = line.split('\t');
    if (cells.length !== COLUMNS.length) throw new Error(`${at}: expected ${COLUMNS.length} tab-separated columns, got ${cells.length}`);
    const row = rowSchema.safeParse(Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i]?.trim()])));
    if (!row.success) throw new Error(`${at}: ${row.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    if (seen.has(row.data.name)) throw new Error(`${at}: ${row.data.name} is listed twice`);
    seen.add(row.data.name);
    return [{ name: row.data.name, nameEn: row.data.name_en, source: row.data.source }];
  });
}

let organisations: readonly Organisation[] | undefined;

/** The dictionary of source-organisations.tsv, read once. */
export function loadOrganisations(): Organisation[] {
  organisations ??= Object.freeze(parseOrganisations(readFileSync(ORGANISATIONS_FILE, 'utf8'), ORGANISATIONS_FILE));
  return [...organisations];
}

/** Names of sources over a gazetteer and a dictionary of organisations. */
export function sourceNames(parks: readonly Park[], dictionary: readonly Organisation[] = loadOrganisations()): SourceNames {
  const { forms } = parkNameForms(parks);
  const placeOf = new Map(parks.map((park) => [park.shortName, park.placeEn]));
  const known = new Map(dictionary.map((entry) => [entry.name, entry.nameEn]));
  const zone = (name: string): string | null => forms.get(name.trim()) ?? null;
  const zoneEn = (name: string): string | null => {
    const place = placeOf.get(zone(name) ?? '');
    return place === undefined ? null : translate('en', 'park.zoneName', { zone: place });
  };
  const partEn = (part: string): string | null => {
    const direct = known.get(part) ?? zoneEn(part);
    if (direct !== null || !part.endsWith(COMMITTEE)) return direct;
    const committeeOf = zoneEn(part.slice(0, -COMMITTEE.length));
    return committeeOf === null ? null : `${committeeOf} Administrative Committee`;
  };
  return {
    zone,
    en(name) {
      const parts = name.trim().split(PARTS).filter((part) => part !== '');
      const names = parts.map(partEn);
      return names.length > 0 && names.every((part) => part !== null) ? names.join(JOINED) : null;
    },
  };
}

let defaults: SourceNames | undefined;

/**
 * The English name of a 供稿 source over the whole gazetteer and the
 * dictionary, or null: what the English pages show, what the search index
 * may hold beside the Chinese source.
 */
export function sourceNameEn(source: string): string | null {
  defaults ??= sourceNames(loadGazetteer());
  return defaults.en(source);
}
