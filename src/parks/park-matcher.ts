/**
 * Finds the national high-tech zones named in a text, and the `X高新区`
 * names that look like a zone but are not in the gazetteer.
 */
import type { Park } from '../model/records.ts';
import { isHan } from '../text/han.ts';

export interface ParkMention {
  /** Canonical short name from the gazetteer. */
  park: string;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** The text as written, e.g. 大冶湖高新区 for 黄石大冶湖高新区. */
  form: string;
}

export interface UnknownParkMention {
  name: string;
  start: number;
  end: number;
}

export interface ParkScan {
  mentions: ParkMention[];
  unknown: UnknownParkMention[];
}

export interface ParkMatcher {
  find(text: string): ParkScan;
}

export interface ParkNameForms {
  /** Every unambiguous way of writing a park, mapped to its canonical short name. */
  forms: ReadonlyMap<string, string>;
  /** Derived forms that would name several parks (火炬高新区): matched as none, reported as none. */
  ambiguous: ReadonlySet<string>;
  /** The city-less short forms, e.g. 大冶湖高新区 → 黄石大冶湖高新区. */
  derivedShortForms: ReadonlyMap<string, string>;
}

const ZONE = '高新区';
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
const MIN_DISTINCTIVE_CHARS = 2;

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

function zoneStem(shortName: string): string | null {
  return shortName.endsWith(ZONE) && shortName.length > ZONE.length ? shortName.slice(0, -ZONE.length) : null;
}

function splitCity(stem: string, cityPrefixes: readonly string[]): { city: string; rest: string } | null {
  const city = cityPrefixes
    .filter((prefix) => stem.startsWith(prefix) && stem.length - prefix.length >= MIN_DISTINCTIVE_CHARS)
    .sort((a, b) => b.length - a.length)[0];
  return city === undefined ? null : { city, rest: stem.slice(city.length) };
}

/** Children by UTF-16 code unit: numbers, so that walking the text makes no strings. */
interface TrieNode {
  children: Map<number, TrieNode>;
  park?: string;
}

function buildTrie(forms: ReadonlyMap<string, string>): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const [form, park] of forms) {
    let node = root;
    for (let k = 0; k < form.length; k++) {
      const unit = form.charCodeAt(k);
      let child = node.children.get(unit);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.park = park;
  }
  return root;
}

/** Leftmost-longest matches; each position walks the trie at most as deep as the longest form. */
function findKnown(text: string, root: TrieNode): ParkMention[] {
  const mentions: ParkMention[] = [];
  let i = 0;
  while (i < text.length) {
    let node: TrieNode | undefined = root;
    let match: { end: number; park: string } | null = null;
    for (let j = i; j < text.length; j++) {
      node = node.children.get(text.charCodeAt(j));
      if (node === undefined) break;
      if (node.park !== undefined) match = { end: j + 1, park: node.park };
    }
    if (match === null) {
      i++;
      continue;
    }
    mentions.push({ park: match.park, start: i, end: match.end, form: text.slice(i, match.end) });
    i = match.end;
  }
  return mentions;
}

/**
 * Words that end the phrase before a zone name: particles, prepositions,
 * verbs and adverbs of the bulletin's prose. The name is what follows the last
 * of them. Single characters that start or end common place names
 * (即墨, 大同, 正定, 如皋, 新乡) are deliberately absent.
 */
const LEAD_IN_WORDS = [
  '在', '于', '与', '和', '及', '到', '为', '是', '把', '由', '向', '将', '从', '对', '的', '等', '让', '使',
  '了', '被', '给', '并', '或', '也', '还', '已', '均', '又', '再', '就', '才', '仅', '只', '至', '赴', '经', '以',
  '成为', '获批', '位于', '落户', '来自', '包括', '包含', '涵盖', '覆盖', '遍布', '分布', '例如', '比如', '其中', '以及',
  '同时', '此外', '另外', '近日', '日前', '目前', '今年', '去年', '此前', '近年来', '以来',
  '支持', '推动', '推进', '助力', '依托', '围绕', '立足', '聚焦', '打造', '建设', '创建', '带动', '引领', '加快', '促进',
  '服务', '引导', '鼓励', '指导', '发展', '提升', '加强', '深化', '优化', '完善', '实现', '形成', '构建', '培育',
  '引进', '吸引', '集聚', '赋能', '扩大', '作为', '入驻', '进入', '走进', '来到', '前往', '参观', '考察', '调研', '视察',
  '出台', '制定', '印发', '发布', '申报', '申请', '升级', '认定', '批准', '批复', '同意', '晋升', '升格', '纳入', '列入',
  '入选', '评为', '授予', '联合', '携手', '协同', '对接', '合作', '共建', '共同', '组织', '举办', '召开', '开展',
  '承办', '主办', '地处', '设在', '坐落', '布局', '选址', '扎根', '全面', '持续', '不断', '进一步', '积极', '大力',
  '着力', '努力', '全力', '加速', '已经', '正在', '即将', '首次', '通过', '推广', '复制', '借鉴', '学习', '对标',
];

/**
 * Endings that make `X高新区` a category of zones rather than one zone:
 * counts, ranks, levels, regions (长三角, 粤港澳大湾区) and, added from the
 * gazetteer, provinces (浙江高新区).
 */
const GENERIC_ENDINGS = [
  '国家', '级', '级市', '首批', '批', '该', '本', '各', '全', '其他', '其它', '其余', '多个', '等', '省', '家', '个', '座',
  '些', '类', '型', '内', '这', '此', '其', '两', '三', '几', '大', '强', '众多', '诸多', '若干', '所有', '全部', '多数',
  '部分', '重点', '相关', '所在', '我国', '全国', '中国', '地方', '城市', '东部', '西部', '中部', '东北', '沿海', '沿边',
  '边境', '内陆', '一流', '优秀', '先进', '领先', '标杆', '特色', '传统', '老牌', '新兴', '新晋', '新设', '新建',
  '全市', '我市', '本市', '该市', '各市', '区', '园', '域', '基地', '三角', '京津冀', '成渝', '经济带', '苏南', '苏北', '苏中',
  '西藏', '香港', '澳门', '台湾',
];

/** Longer `X` almost always still holds prose the lead-in words missed. */
const MAX_PLACE_CHARS = 6;
const LOOKBACK_CHARS = 16;

/** Tests whether one of `words` ends `text` at `end`; cost bounded by the longest word. */
function wordSet(words: Iterable<string>): (text: string, end: number) => boolean {
  const set = new Set(words);
  const longest = Math.max(0, ...[...set].map((word) => word.length));
  return (text, end) => {
    for (let length = 1; length <= Math.min(longest, end); length++) {
      if (set.has(text.slice(end - length, end))) return true;
    }
    return false;
  };
}

const endsWithLeadIn = wordSet(LEAD_IN_WORDS);

interface GenericTests {
  /** A distinctive name several parks share once the city is dropped (火炬 of 中山/厦门/威海火炬). */
  endsWithAmbiguousStem: (text: string, end: number) => boolean;
  endsWithGeneric: (text: string, end: number) => boolean;
}

function findUnknown(text: string, mentions: readonly ParkMention[], generic: GenericTests): UnknownParkMention[] {
  const unknown: UnknownParkMention[] = [];
  let next = 0;
  let boundary = 0;
  for (let at = text.indexOf(ZONE); at !== -1; at = text.indexOf(ZONE, at + 1)) {
    while (next < mentions.length && (mentions[next]?.end ?? 0) <= at) boundary = Math.max(boundary, mentions[next++]?.end ?? 0);
    const covering = mentions[next];
    if (covering === undefined || covering.start >= at + ZONE.length) {
      let runStart = at;
      while (runStart > Math.max(boundary, at - LOOKBACK_CHARS) && isHan(text[runStart - 1])) runStart--;
      const place = placeBefore(text.slice(runStart, at), generic);
      if (place !== null) {
        unknown.push({ name: place + ZONE, start: at - place.length, end: at + ZONE.length });
      }
    }
    boundary = Math.max(boundary, at + ZONE.length);
  }
  return unknown;
}

/** The place name at the end of `phrase`, or null when the zone it precedes is generic. */
function placeBefore(phrase: string, generic: GenericTests): string | null {
  let cut = phrase.length;
  while (cut > 0 && !endsWithLeadIn(phrase, cut)) cut--;
  const place = phrase.slice(cut);
  if (place.length < MIN_DISTINCTIVE_CHARS || place.length > MAX_PLACE_CHARS) return null;
  if (generic.endsWithGeneric(place, place.length) || generic.endsWithAmbiguousStem(place, place.length)) return null;
  return place;
}

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
