/** Which zone a query names, and which zones are suggested as a reader types. */
import { describe, expect, it } from 'vitest';
import { zonesExport } from '../../src/archive/zones-export.ts';
import { loadAliases } from '../../src/parks/aliases.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { zoneIndex } from '../../src/parks/zone-query.ts';
import type { Issue } from '../../src/model/records.ts';

const parks = loadGazetteer();
/** An archive whose articles name these zones, so many times each. */
const named: Record<string, number> = { 佛山高新区: 3, 东湖高新区: 2, 江门高新区: 4, 长春净月高新区: 1, 黄石大冶湖高新区: 2, 合肥高新区: 1, 杭州高新区: 2, 深圳高新区: 1 };
const issue = {
  sections: [
    {
      articles: [
        ...Object.entries(named).flatMap(([park, count]) =>
          Array.from({ length: count }, () => ({ title: `${park}：一篇报道`, text: `${park}发展迅速。`, blocks: [{ kind: 'paragraph', text: `${park}发展迅速。` }], source: park, parks: [park] })),
        ),
        // Names no zone, but contains the bare place name 江门 and the nickname 光谷 (of the 光谷 bookshop, say).
        { title: '江门市召开会议', text: '光谷书店开业。', blocks: [{ kind: 'paragraph', text: '光谷书店开业。' }], source: null, parks: [] },
        // Names no zone either; holds 深圳 in a subheading only, which the index searches as well, and 合肥 with a variation selector inside.
        { title: '一次座谈', text: '与会者交流了经验。', blocks: [{ kind: 'heading', text: '深圳湾畔', anchor: 'x' }, { kind: 'paragraph', text: '与会者交流了合\u{FE00}肥的经验。' }], source: null, parks: [] },
      ],
    },
  ],
} as unknown as Issue;
const { zones } = zonesExport(parks, loadAliases(parks), [issue]);
const index = zoneIndex(zones);
const resolved = (query: string) => index.resolve(query)?.name ?? null;

describe('zoneIndex.resolve', () => {
  it.each([
    ['江门高新区', '江门高新区'],
    ['江门高新技术产业开发区', '江门高新区'],
    ['江门国家高新技术产业开发区', '江门高新区'],
    ['江门国家高新区', '江门高新区'],
    ['江门市高新区', '江门高新区'],
    ['江门', '江门高新区'],
    ['净月', '长春净月高新区'],
    ['净月高新区', '长春净月高新区'],
    ['大冶湖', '黄石大冶湖高新区'],
    ['湖北黄石大冶湖高新区', '黄石大冶湖高新区'],
    ['安徽省合肥高新区', '合肥高新区'],
    ['广东佛山高新区', '佛山高新区'],
    ['光谷', '东湖高新区'],
    ['中国光谷', '东湖高新区'],
    ['麓谷', '长沙高新区'],
    ['深圳科技工业园', '深圳高新区'],
    ['襄樊高新区', '襄阳高新区'],
    ['高新区（滨江）', '杭州高新区'],
    ['高新区(滨江)', '杭州高新区'],
    ['Foshan', '佛山高新区'],
    ['foshan high-tech zone', '佛山高新区'],
    [' 佛山高新区 ', '佛山高新区'],
    ['ＦＯＳＨＡＮ', '佛山高新区'],
    // English names in every form: a word of the place that spells the Chinese name, with or without spaces, any case, any suffix.
    ['Jingyue', '长春净月高新区'],
    ['changchunjingyue', '长春净月高新区'],
    ['Changchun Jingyue High-tech Zone', '长春净月高新区'],
    ['CHANGCHUN JINGYUE HI-TECH ZONE', '长春净月高新区'],
    ['Changchun', '长春高新区'], // a whole name before a word of another
    ['Huangshi', '黄石大冶湖高新区'],
    ['Dayehu', '黄石大冶湖高新区'],
    ['Zhongshan', '中山火炬高新区'],
    ['Zhangjiang', '张江高新区'],
    ['Suzhou', '苏州高新区'],
    ['Suzhou Industrial Park', '苏州工业园区'],
    ['Wuhan', '东湖高新区'],
    // A nickname the parser counts beside a context word, with it.
    ['武汉光谷', '东湖高新区'],
    ['上海张江', '张江高新区'],
    ['杭州滨江', '杭州高新区'],
  ])('%s names %s', (query, zone) => {
    expect(resolved(query)).toBe(zone);
  });

  it.each(['高新区', '国家高新区', '国家级高新区', '火炬高新区', '火炬', '光谷科创大走廊', '净月潭', '江门高', '佛山经济技术开发区', '省级高新区', '江苏', '', '  ',
    // English words of place names that are not the place: Torch (three zones), Lake, Industrial, Medicine.
    'Torch', 'Lake', 'East Lake', 'Industrial', 'Medicine', 'Park', 'High-tech Zone', 'zone', 'ai'])('%j names no zone', (query) => {
    expect(resolved(query)).toBeNull();
  });

  it('resolves every zone’s English place name to that zone: what a suggestion chosen on the English page puts in the box', () => {
    expect(zones.filter((zone) => index.resolve(zone.placeEn) !== zone).map((zone) => zone.placeEn)).toEqual([]);
  });
});

describe('zoneIndex.suggest', () => {
  const suggested = (typed: string) => index.suggest(typed).map((zone) => zone.name);

  it('offers zones whose names start with what is typed, then those that contain it, most covered first', () => {
    expect(suggested('佛')).toEqual(['佛山高新区']);
    expect(suggested('江')[0]).toBe('江门高新区');
    expect(suggested('净月')).toEqual(['长春净月高新区']);
    expect(suggested('门')).toEqual(['江门高新区']);
    // Both contain 高新区; the alias 高新区（滨江） of 杭州高新区 starts with it, and 江门高新区 has more articles than 佛山高新区.
    expect(suggested('高新区').slice(0, 3)).toEqual(['杭州高新区', '江门高新区', '佛山高新区']);
  });

  it('knows nicknames and English place names', () => {
    expect(suggested('光')).toEqual(['东湖高新区']);
    expect(suggested('fos')).toEqual(['佛山高新区']);
    expect(suggested('Jing')).toEqual(['长春净月高新区']);
    expect(suggested('wuhan')).toEqual(['东湖高新区']);
  });

  it('offers only zones the archive names, and nothing for nothing', () => {
    expect(suggested('中关')).toEqual([]);
    expect(suggested('')).toEqual([]);
    expect(suggested('zzz')).toEqual([]);
  });
});

describe('zoneIndex.coversText: when the zone\'s articles hold every article containing the query', () => {
  const zone = (name: string) => zones.find((entry) => entry.name === name)!;
  it.each([
    ['江门高新区', '江门高新区', true],
    ['广东江门高新区', '江门高新区', true],
    ['长春净月高新区', '长春净月高新区', true],
    ['江门', '江门高新区', false], // in an article that names no zone
    ['江门市', '江门高新区', false],
    ['光谷', '东湖高新区', false],
    ['Foshan', '佛山高新区', false], // not Han: always looked up
    ['麓谷', '长沙高新区', false], // no article names the zone
  ])('%s (%s): %s', (query, name, covers) => {
    expect(index.resolve(query)?.name).toBe(name);
    expect(index.coversText(query, zone(name))).toBe(covers);
  });

  it('lists, per zone, the forms found outside its articles', () => {
    expect(zone('江门高新区').uncovered).toEqual(['江门', '江门市']);
    expect(zone('东湖高新区').uncovered).toEqual(['光谷']);
    expect(zone('佛山高新区').uncovered).toBeUndefined();
    expect(zone('深圳高新区').uncovered).toEqual(['深圳']);
    expect(zone('合肥高新区').uncovered).toEqual(['合肥']);
  });
});
