import { describe, it, expect } from 'vitest';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';
import { loadAliases } from '../../src/parks/aliases.ts';
import { createParkMatcher, parkNameForms, parksNamed, type ParkScan } from '../../src/parks/park-matcher.ts';
import { loadPlaces } from '../../src/parks/places.ts';
import type { Park } from '../../src/model/records.ts';

const parks = loadGazetteer();
const matcher = createParkMatcher(parks, loadAliases(parks), loadPlaces());
const named = (text: string) => parksNamed(matcher.find(text));
const unknownNames = (text: string) => matcher.find(text).unknown.map((mention) => mention.name);

describe('createParkMatcher: known parks', () => {
  it('finds the parks of the Macau forum paragraph, not the cooperation zone', () => {
    const text = '来自横琴粤澳深度合作区、深圳高新区、中山火炬高新区、江门高新区、肇庆高新区等园区代表';
    const scan = matcher.find(text);
    expect(parksNamed(scan)).toEqual(['深圳高新区', '中山火炬高新区', '江门高新区', '肇庆高新区']);
    expect(scan.unknown).toEqual([]);
  });

  it('reports UTF-16 offsets and the form as written', () => {
    const text = '十年来，大冶湖高新区创新活力';
    expect(matcher.find(text).mentions).toEqual([{ park: '黄石大冶湖高新区', start: 4, end: 10, form: '大冶湖高新区' }]);
  });

  it('maps 大冶湖高新区 to 黄石大冶湖高新区', () => {
    expect(named('大冶湖高新区创新活力')).toEqual(['黄石大冶湖高新区']);
  });

  it('takes 长春净月高新区 but not the generic 国家高新区 after it', () => {
    const scan = matcher.find('长春净月高新区获批成为国家高新区');
    expect(parksNamed(scan)).toEqual(['长春净月高新区']);
    expect(scan.mentions).toHaveLength(1);
    expect(scan.unknown).toEqual([]);
  });

  it('keeps 长春高新区 and 长春净月高新区 apart', () => {
    const scan = matcher.find('长春高新区与长春净月高新区');
    expect(scan.mentions.map((mention) => [mention.park, mention.form])).toEqual([
      ['长春高新区', '长春高新区'],
      ['长春净月高新区', '长春净月高新区'],
    ]);
  });

  it('reads X国家高新区 and the full and half-official long forms', () => {
    expect(named('佛山国家高新区')).toEqual(['佛山高新区']);
    expect(named('佛山高新技术产业开发区')).toEqual(['佛山高新区']);
    expect(named('佛山国家高新技术产业开发区')).toEqual(['佛山高新区']);
    expect(named('佛山国家级高新区')).toEqual(['佛山高新区']);
    expect(named('佛山市高新区')).toEqual(['佛山高新区']);
  });

  it('reads full names that differ from the short name', () => {
    expect(named('武汉东湖新技术开发区')).toEqual(['东湖高新区']);
    expect(named('武汉东湖高新区和东湖高新区')).toEqual(['东湖高新区']);
    expect(named('上海张江高新技术产业开发区')).toEqual(['张江高新区']);
    expect(named('深圳市高新技术产业园区')).toEqual(['深圳高新区']);
    expect(named('厦门火炬高技术产业开发区')).toEqual(['厦门火炬高新区']);
    expect(named('九江共青城高新区')).toEqual(['共青城高新区']);
  });

  it('reads city-less short forms', () => {
    const cases: Array<[string, string]> = [
      ['净月高新区', '长春净月高新区'],
      ['松山湖高新区', '东莞松山湖高新区'],
      ['仲恺高新区', '惠州仲恺高新区'],
      ['莫干山高新区', '湖州莫干山高新区'],
      ['慈湖高新区', '马鞍山慈湖高新区'],
      ['狮子山高新区', '铜陵狮子山高新区'],
      ['临江高新区', '萧山临江高新区'],
      ['金山高新区', '呼和浩特金山高新区'],
      ['稀土高新区', '包头稀土高新区'],
      ['钒钛高新区', '攀枝花钒钛高新区'],
      ['净月国家高新区', '长春净月高新区'],
      ['长春市净月高新区', '长春净月高新区'],
    ];
    for (const [text, park] of cases) expect(named(`近日，${text}举办活动`), text).toEqual([park]);
  });

  it('reads parks whose names are not X高新区 as they are', () => {
    expect(named('中关村科技园区')).toEqual(['中关村']);
    expect(named('中关村论坛')).toEqual(['中关村']);
    expect(named('苏州工业园区与苏州高新区')).toEqual(['苏州工业园区', '苏州高新区']);
    expect(named('杨凌示范区')).toEqual(['杨凌示范区']);
    expect(named('杨凌农业高新技术产业示范区')).toEqual(['杨凌示范区']);
    expect(named('黄河三角洲农高区')).toEqual(['黄河三角洲农高区']);
  });

  it('does not guess between the torch zones', () => {
    const scan = matcher.find('火炬高新区的企业');
    expect(scan).toEqual({ mentions: [], unknown: [] });
    expect(named('中山市火炬高新区')).toEqual(['中山火炬高新区']);
  });
});

describe('createParkMatcher: generic phrases', () => {
  it.each([
    '由旅游经开区向国家高新区的历史性蜕变',
    '获批成为湖北省级高新区',
    '湖北省级高新区',
    '该高新区',
    '省级高新区',
    '全国首批高新区',
    '各高新区',
    '把高新区打造成',
    '国家高新区',
    '全国169家国家高新区',
    '推动国家级高新区高质量发展',
    '让优秀人才在高新区安心',
    '全面推进高新区建设',
    '持续扩大高新区影响力',
    '企业入驻高新区',
    '截至目前，高新区',
    '“高新区”',
    '长三角高新区',
    '粤港澳大湾区高新区',
    '东北地区高新区',
    '浙江高新区',
    '广东省高新区',
    '十大高新区',
    '县域高新区',
    '地级市高新区',
  ])('%s names no park and warns of none', (text) => {
    expect(matcher.find(text)).toEqual({ mentions: [], unknown: [] });
  });
});

describe('createParkMatcher: unknown zones', () => {
  it('reports X高新区 absent from the gazetteer with its offsets', () => {
    const text = '近日，青田高新区举办创新大赛';
    expect(matcher.find(text)).toEqual({ mentions: [], unknown: [{ name: '青田高新区', start: 3, end: 8 }] });
  });

  it('drops the words that lead into the name', () => {
    expect(unknownNames('大赛在青田高新区举办')).toEqual(['青田高新区']);
    expect(unknownNames('项目落户青田高新区')).toEqual(['青田高新区']);
    expect(unknownNames('支持青田高新区建设')).toEqual(['青田高新区']);
    expect(unknownNames('深圳高新区和青田高新区')).toEqual(['青田高新区']);
    expect(unknownNames('浙江青田高新区')).toEqual(['浙江青田高新区']);
  });

  it('reports an unknown zone next to known ones without touching them', () => {
    const scan = matcher.find('深圳高新区、瑞安市高新区、江门高新区');
    expect(parksNamed(scan)).toEqual(['深圳高新区', '江门高新区']);
    expect(scan.unknown).toEqual([{ name: '瑞安市高新区', start: 6, end: 12 }]);
  });

  it('reports a city name alone where the gazetteer has city plus distinctive name, such as 黄石高新区', () => {
    expect(unknownNames('黄石高新区')).toEqual(['黄石高新区']);
  });

  it('known limitation: an unknown zone written 青田国家高新区 is taken as generic', () => {
    expect(unknownNames('近日，青田国家高新区举办活动')).toEqual([]);
  });

  it('is silent on kinds and ranks of zones, which name no place', () => {
    const phrases = ['省级高新区', '十强高新区', '百强高新区', '国家级高新区', '世界一流高新区', '创新型高新区', '各地高新区', '示范性高新区', '特色产业高新区', '试点高新区', '前十高新区', '第一方阵高新区', '头部高新区', '龙头高新区', '长三角高新区', '中西部高新区'];
    for (const phrase of phrases) expect(unknownNames(`推动${phrase}高质量发展`), phrase).toEqual([]);
  });

  it('known limitation: a lead-in character inside the place name, as in 从化高新区, hides the zone', () => {
    expect(unknownNames('近日，从化高新区举办活动')).toEqual([]);
  });

  it('known limitation: a phrase longer than six characters before 高新区 is not reported', () => {
    expect(unknownNames('宁夏回族自治区示例高新区')).toEqual([]);
  });
});

describe('parksNamed', () => {
  it('lists distinct parks in order of first mention', () => {
    const scan: ParkScan = {
      mentions: [
        { park: '佛山高新区', start: 0, end: 5, form: '佛山高新区' },
        { park: '江门高新区', start: 6, end: 11, form: '江门高新区' },
        { park: '佛山高新区', start: 12, end: 19, form: '佛山国家高新区' },
      ],
      unknown: [],
    };
    expect(parksNamed(scan)).toEqual(['佛山高新区', '江门高新区']);
    expect(parksNamed({ mentions: [], unknown: [] })).toEqual([]);
  });
});

describe('parkNameForms', () => {
  it('never derives a form owned by another park', () => {
    const { forms, ambiguous } = parkNameForms(parks);
    for (const park of parks) {
      expect(forms.get(park.shortName)).toBe(park.shortName);
      expect(forms.get(park.fullName)).toBe(park.shortName);
    }
    expect(ambiguous.has('火炬高新区')).toBe(true);
    expect(ambiguous.has('医药高新区')).toBe(true);
    expect(forms.has('火炬高新区')).toBe(false);
    expect(forms.has('国家高新区')).toBe(false);
  });

  it('lets a park own its short name even when another park would derive it', () => {
    const toy: Park[] = [
      { fullName: '长春高新技术产业开发区', shortName: '长春高新区', province: '吉林', provinceEn: 'Jilin', placeEn: 'Changchun', slug: 'changchun' },
      { fullName: '长春净月高新技术产业开发区', shortName: '长春净月高新区', province: '吉林', provinceEn: 'Jilin', placeEn: 'Changchun Jingyue', slug: 'changchun-jingyue' },
      { fullName: '净月高新技术产业开发区', shortName: '净月高新区', province: '吉林', provinceEn: 'Jilin', placeEn: 'Jingyue', slug: 'jingyue' },
    ];
    const toyMatcher = createParkMatcher(toy);
    expect(parksNamed(toyMatcher.find('净月高新区与长春净月高新区'))).toEqual(['净月高新区', '长春净月高新区']);
  });

  it('lists the city-less short forms', () => {
    const derived = [...parkNameForms(parks).derivedShortForms].filter(([form]) => /[^家级]高新区$/u.test(form));
    expect(new Map(derived)).toEqual(
      new Map([
        ['滨海高新区', '天津滨海高新区'],
        ['稀土高新区', '包头稀土高新区'],
        ['金山高新区', '呼和浩特金山高新区'],
        ['净月高新区', '长春净月高新区'],
        ['临江高新区', '萧山临江高新区'],
        ['莫干山高新区', '湖州莫干山高新区'],
        ['慈湖高新区', '马鞍山慈湖高新区'],
        ['狮子山高新区', '铜陵狮子山高新区'],
        ['大冶湖高新区', '黄石大冶湖高新区'],
        ['仲恺高新区', '惠州仲恺高新区'],
        ['松山湖高新区', '东莞松山湖高新区'],
        ['钒钛高新区', '攀枝花钒钛高新区'],
      ]),
    );
  });
});

describe('createParkMatcher on long text', () => {
  it('scans 100k characters of repeated prose with every mention found', () => {
    const sentence = '佛山高新区与青田高新区、长春净月高新区，把高新区建成国家高新区。';
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const scan = matcher.find(text);
    const repeats = text.length / sentence.length;
    expect(scan.mentions).toHaveLength(2 * repeats);
    expect(scan.unknown).toHaveLength(repeats);
    expect(parksNamed(scan)).toEqual(['佛山高新区', '长春净月高新区']);
  });

  it('scans 100k random characters drawn from park names with consistent results', () => {
    const alphabet = [...new Set([...parks.map((park) => park.fullName + park.shortName).join(''), '国', '家', '、', '，', '在'])];
    let seed = 549;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let text = '';
    while (text.length < 100_000) {
      text += random() < 0.02 ? (parks[Math.floor(random() * parks.length)]?.shortName ?? '') : alphabet[Math.floor(random() * alphabet.length)];
    }
    const scan = matcher.find(text);
    const { forms } = parkNameForms(parks);
    expect(scan.mentions.length).toBeGreaterThan(1000);
    let previousEnd = 0;
    for (const mention of scan.mentions) {
      expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(mention.start, mention.end)).toBe(mention.form);
      expect(forms.get(mention.form)).toBe(mention.park);
      previousEnd = mention.end;
    }
    for (const unknown of scan.unknown) {
      expect(text.slice(unknown.start, unknown.end)).toBe(unknown.name);
      expect(unknown.name.endsWith('高新区')).toBe(true);
    }
  });
});
