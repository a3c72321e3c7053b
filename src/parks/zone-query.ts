/**
 * Which zone a reader's query names, and which zones to suggest while they
 * type. Shared by the search page (bundled into its script) and the tests:
 * the forms are the parser's own (park-names.ts), from the same gazetteer.
 */
import { foldTitle } from '../text/fold.ts';
import { parkNameForms, ZONE, zoneStem } from './park-names.ts';

/** A zone as /data/zones.json describes it. */
export interface ZoneEntry {
  /** Canonical short name, the value of the `park` filter. */
  name: string;
  fullName: string;
  province: string;
  provinceEn: string;
  placeEn: string;
  /** Nicknames, former and newer names (not decoys). */
  aliases: string[];
  /** A nickname that counts only beside a context word, written with it: 武汉光谷, 上海张江. */
  contextForms?: string[];
  /**
   * The words of `placeEn` that spell the zone's Chinese name, lower case
   * (`changchun`, `jingyue`; not `lake`, `industrial`): a query of one of
   * them alone names the zone, when no other zone's is the same.
   */
  placeWords?: string[];
  /** Articles naming it in this archive. */
  articles: number;
  /**
   * Its Han query forms that some article not naming the zone contains
   * (in another zone's name, say, or a decoy). A search for any other of
   * its Han forms finds nothing that the zone's own articles do not hold.
   */
  uncovered?: string[];
  /** The slug of its page under /parks/, or null when the archive names it nowhere. */
  page: string | null;
}

export interface ZoneIndex {
  /** The zone a whole query names, or null (no zone, or several). */
  resolve(query: string): ZoneEntry | null;
  /** Zones the archive names whose names start with or contain what is typed, best first. */
  suggest(typed: string, limit?: number): ZoneEntry[];
  /**
   * Whether every article containing the query's text names `zone`, so that
   * the zone's articles are the whole answer and the text need not be
   * looked up: a Han form of the zone that no other article contains.
   */
  coversText(query: string, zone: ZoneEntry): boolean;
}

const PROVINCE_SUFFIXES = ['', '省', '市', '自治区'];

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * An English zone suffix after a place, folded (`High-tech Zone`, `Hi-Tech
 * Industrial Development Zone`, `National High Tech Zone`).
 */
const ENGLISH_ZONE_SUFFIX = /(?<=.)(?:national)?(?:high|hi)-?tech(?:nology)?(?:industrial)?(?:development)?zone$/u;

const placeWords = (zone: ZoneEntry): readonly string[] => zone.placeWords ?? [];

/** Every folded name a query may use for each zone: the parser's forms, the bare distinctive names, aliases, English place names. */
export function queryForms(zones: readonly ZoneEntry[]): Map<string, Set<ZoneEntry>> {
  const byName = new Map(zones.map((zone) => [zone.name, zone]));
  const parks = zones.map((zone) => ({ shortName: zone.name, fullName: zone.fullName, province: zone.province, provinceEn: zone.provinceEn, placeEn: zone.placeEn, slug: '' }));
  const { forms } = parkNameForms(parks);
  const owners = new Map<string, Set<ZoneEntry>>();
  const claim = (form: string, zone: ZoneEntry | undefined) => {
    if (!zone || form === '') return;
    const folded = foldTitle(form);
    owners.set(folded, (owners.get(folded) ?? new Set()).add(zone));
  };
  for (const [form, name] of forms) {
    claim(form, byName.get(name));
    if (form.endsWith(ZONE) && form.length > ZONE.length && !/国家级?$/u.test(form.slice(0, -ZONE.length))) claim(form.slice(0, -ZONE.length), byName.get(name));
  }
  for (const zone of zones) {
    claim(zoneStem(zone.name) ?? '', zone);
    for (const alias of [...zone.aliases, ...(zone.contextForms ?? [])]) claim(alias, zone);
    claim(zone.placeEn, zone);
  }
  return owners;
}

/** The zones each word of an English place name belongs to: `jingyue` → 长春净月高新区; `changchun` → two zones. */
function wordOwners(zones: readonly ZoneEntry[]): Map<string, Set<ZoneEntry>> {
  const owners = new Map<string, Set<ZoneEntry>>();
  for (const zone of zones) for (const word of placeWords(zone)) owners.set(word, (owners.get(word) ?? new Set()).add(zone));
  return owners;
}

const onlyOwner = (owners: ReadonlyMap<string, ReadonlySet<ZoneEntry>>, key: string): ZoneEntry | null | undefined => {
  const found = owners.get(key);
  if (found === undefined) return undefined;
  return found.size === 1 ? ([...found][0] ?? null) : null;
};

export function zoneIndex(zones: readonly ZoneEntry[]): ZoneIndex {
  const owners = queryForms(zones);
  const words = wordOwners(zones);
  const provinces = [...new Set(zones.map((zone) => zone.province))].flatMap((province) => PROVINCE_SUFFIXES.map((suffix) => province + suffix)).sort((a, b) => b.length - a.length);
  /** The one zone a folded name names: a whole name first (Changchun is 长春高新区), then one word of an English place (Jingyue). */
  const only = (folded: string): ZoneEntry | null => {
    const english = folded.replace(ENGLISH_ZONE_SUFFIX, '');
    for (const table of [owners, words]) {
      for (const key of [folded, english]) {
        const found = onlyOwner(table, key);
        // A name several zones share names none of them.
        if (found !== undefined) return found;
      }
    }
    return null;
  };
  const named = zones.filter((zone) => zone.page !== null);
  const names = new Map(named.map((zone) => [zone, [zone.name, zone.fullName, zoneStem(zone.name) ?? '', ...zone.aliases, zone.placeEn].map(foldTitle).filter((name) => name !== '')]));
  const placeWordsOf = new Map(named.map((zone) => [zone, placeWords(zone)]));
  /** The zone a query names, and the form it names it by (without a province before it). */
  const namedBy = (query: string): { zone: ZoneEntry; form: string } | null => {
    const folded = foldTitle(query);
    if (folded === '') return null;
    const whole = only(folded);
    if (whole) return { zone: whole, form: folded };
    // A province before the name (安徽省合肥高新区, 湖北黄石大冶湖高新区) names the same zone.
    const province = provinces.find((candidate) => folded.startsWith(candidate) && folded.length > candidate.length);
    const zone = province ? only(folded.slice(province.length)) : null;
    return zone && province ? { zone, form: folded.slice(province.length) } : null;
  };
  return {
    resolve(query) {
      return namedBy(query)?.zone ?? null;
    },
    coversText(query, zone) {
      const found = namedBy(query);
      return found !== null && found.zone === zone && zone.page !== null && HAN_ONLY.test(found.form) && !(zone.uncovered ?? []).includes(found.form);
    },
    suggest(typed, limit = 8) {
      const folded = foldTitle(typed);
      if (folded === '') return [];
      const rank = (zone: ZoneEntry) => {
        const all = names.get(zone) ?? [];
        if (all.some((name) => name.startsWith(folded)) || placeWordsOf.get(zone)?.some((word) => word.startsWith(folded))) return 0;
        return all.some((name) => name.includes(folded)) ? 1 : 2;
      };
      return named
        .map((zone) => ({ zone, rank: rank(zone) }))
        .filter((entry) => entry.rank < 2)
        .sort((a, b) => a.rank - b.rank || b.zone.articles - a.zone.articles || a.zone.name.localeCompare(b.zone.name, 'zh'))
        .slice(0, limit)
        .map((entry) => entry.zone);
    },
  };
}
