/**
 * Every way of writing each national high-tech zone that the gazetteer
 * implies: full and short names, the `X国家高新区` and full-name variants, and
 * the forms without the city (大冶湖高新区 for 黄石大冶湖高新区).
 */
import type { Park } from '../model/records.ts';

export interface ParkNameForms {
  /** Every unambiguous way of writing a park, mapped to its canonical short name. */
  forms: ReadonlyMap<string, string>;
  /** Derived forms that would name several parks (火炬高新区): matched as none, reported as none. */
  ambiguous: ReadonlySet<string>;
  /** The city-less short forms, e.g. 大冶湖高新区 → 黄石大冶湖高新区. */
  derivedShortForms: ReadonlyMap<string, string>;
}

export const ZONE = '高新区';
const ZONE_SUFFIXES = [ZONE, `国家${ZONE}`, `国家级${ZONE}`, '高新技术产业开发区', '国家高新技术产业开发区'];
const FULL_NAME_SUFFIX = /(?:高新技术产业开发区|高新技术产业园区|高技术产业开发区|新技术开发区)$/u;

/**
 * Cities (and one district, 萧山) written before a zone's distinctive name;
 * bulletins often drop them (大冶湖高新区). Stems of other parks count too (长春).
 */
const CITY_PREFIXES = [
  '长春', '黄石', '东莞', '惠州', '湖州', '马鞍山', '铜陵', '萧山', '呼和浩特', '包头', '攀枝花',
  '天津', '上海', '武汉', '九江', '宜春', '中山', '厦门', '威海', '通化', '泰州', '河北',
];

/** Distinctive names shorter than this are too likely to be ordinary words. */
export const MIN_DISTINCTIVE_CHARS = 2;

export function parkNameForms(parks: readonly Park[]): ParkNameForms {
  const stemsOfParks = new Set(parks.map((park) => zoneStem(park.shortName)).filter((stem) => stem !== null));
  const cityPrefixes = [...new Set([...CITY_PREFIXES, ...stemsOfParks])];
  const canonical = new Map<string, Set<string>>();
  const variants = new Map<string, Set<string>>();
  const cityless = new Set<string>();
  const claim = (table: Map<string, Set<string>>, form: string, park: string) => {
    const owners = table.get(form) ?? new Set<string>();
    owners.add(park);
    table.set(form, owners);
  };

  for (const park of parks) {
    const owner = park.shortName;
    claim(canonical, park.fullName, owner);
    claim(canonical, park.shortName, owner);
    const shortStem = zoneStem(park.shortName);
    if (shortStem === null) continue;
    const fullStem = FULL_NAME_SUFFIX.test(park.fullName) ? park.fullName.replace(FULL_NAME_SUFFIX, '') : shortStem;
    for (const stem of new Set([shortStem, fullStem])) {
      for (const suffix of ZONE_SUFFIXES) claim(variants, stem + suffix, owner);
      const split = splitCity(stem, cityPrefixes);
      if (split === null) {
        if (!stem.endsWith('市')) claim(variants, `${stem}市${ZONE}`, owner);
        continue;
      }
      claim(variants, `${split.city}市${split.rest}${ZONE}`, owner);
      for (const suffix of ZONE_SUFFIXES) {
        claim(variants, split.rest + suffix, owner);
        cityless.add(split.rest + suffix);
      }
    }
  }

  const forms = new Map<string, string>();
  for (const [form, owners] of canonical) {
    if (owners.size > 1) throw new Error(`${form} names several parks: ${[...owners].join(', ')}`);
    forms.set(form, [...owners][0] ?? form);
  }
  const ambiguous = new Set<string>();
  const derivedShortForms = new Map<string, string>();
  for (const [form, owners] of variants) {
    if (forms.has(form)) continue;
    const [owner] = owners;
    if (owners.size > 1 || owner === undefined) {
      ambiguous.add(form);
      continue;
    }
    forms.set(form, owner);
    if (cityless.has(form)) derivedShortForms.set(form, owner);
  }
  return { forms, ambiguous, derivedShortForms };
}

export function zoneStem(shortName: string): string | null {
  return shortName.endsWith(ZONE) && shortName.length > ZONE.length ? shortName.slice(0, -ZONE.length) : null;
}

function splitCity(stem: string, cityPrefixes: readonly string[]): { city: string; rest: string } | null {
  const city = cityPrefixes
    .filter((prefix) => stem.startsWith(prefix) && stem.length - prefix.length >= MIN_DISTINCTIVE_CHARS)
    .sort((a, b) => b.length - a.length)[0];
  return city === undefined ? null : { city, rest: stem.slice(city.length) };
}
