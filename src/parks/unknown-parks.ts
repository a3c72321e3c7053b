/**
 * `X高新区` names that look like a zone the gazetteer does not know, and the
 * generic phrases (省级高新区, 十强高新区, 长三角高新区) that name no zone.
 */
import { isHan } from '../text/han.ts';
import type { ParkMention, UnknownParkMention } from './park-scan.ts';
import { MIN_DISTINCTIVE_CHARS, ZONE } from './park-names.ts';

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
export const GENERIC_ENDINGS = [
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
export function wordSet(words: Iterable<string>): (text: string, end: number) => boolean {
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

export interface GenericTests {
  /** Whether a name begins with a place (a city or county, after any province): 青田, 浙江青田, not 示范性 or 头部. */
  beginsWithPlace: (name: string) => boolean;
  /** A distinctive name several parks share once the city is dropped (火炬 of 中山/厦门/威海火炬). */
  endsWithAmbiguousStem: (text: string, end: number) => boolean;
  endsWithGeneric: (text: string, end: number) => boolean;
}

export function findUnknown(text: string, mentions: readonly ParkMention[], generic: GenericTests): UnknownParkMention[] {
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
  // The name starts where a place does (本期介绍青田 → 青田); a phrase with no place in it is a kind of zone.
  for (let start = 0; start + MIN_DISTINCTIVE_CHARS <= place.length; start++) if (generic.beginsWithPlace(place.slice(start))) return place.slice(start);
  return null;
}

/** Provinces may come first (浙江青田), with or without 省/市/自治区; then a place of `places` must. */
export function placeTest(provinces: Iterable<string>, places: ReadonlySet<string>): (name: string) => boolean {
  const leads = [...new Set(provinces)].flatMap((province) => [province, `${province}省`, `${province}市`, `${province}自治区`]).sort((a, b) => b.length - a.length);
  const longest = Math.max(...[...places].map((place) => place.length));
  return (name) => {
    const lead = leads.find((province) => name.startsWith(province)) ?? '';
    const rest = name.slice(lead.length);
    for (let length = Math.min(longest, rest.length); length >= MIN_DISTINCTIVE_CHARS; length--) if (places.has(rest.slice(0, length))) return true;
    return false;
  };
}
