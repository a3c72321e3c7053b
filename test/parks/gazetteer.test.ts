import { describe, it, expect } from 'vitest';
import { loadGazetteer, parseGazetteer, placeSlug } from '../../src/parks/gazetteer.ts';
import { parkSchema } from '../../src/model/records.ts';

const HEADER = 'full_name\tshort_name\tprovince\tprovince_en\tplace_en';
const row = (...cells: string[]) => cells.join('\t');

describe('loadGazetteer', () => {
  const parks = loadGazetteer();

  it('reads every row of the TSV as a valid park', () => {
    expect(parks).toHaveLength(174);
    for (const park of parks) expect(parkSchema.parse(park)).toEqual(park);
  });

  it('gives unique ASCII slugs and unique names', () => {
    expect(new Set(parks.map((park) => park.slug)).size).toBe(parks.length);
    expect(new Set(parks.map((park) => park.shortName)).size).toBe(parks.length);
    expect(new Set(parks.map((park) => park.fullName)).size).toBe(parks.length);
  });

  it('maps the columns onto the park fields', () => {
    expect(parks.find((park) => park.shortName === '长春净月高新区')).toEqual({
      fullName: '长春净月高新技术产业开发区',
      shortName: '长春净月高新区',
      province: '吉林',
      provinceEn: 'Jilin',
      placeEn: 'Changchun Jingyue',
      slug: 'changchun-jingyue',
    });
  });

  it('slugs place names with apostrophes and qualifiers', () => {
    const slugOf = (shortName: string) => parks.find((park) => park.shortName === shortName)?.slug;
    expect(slugOf('雄安高新区')).toBe('xiongan');
    expect(slugOf('马鞍山慈湖高新区')).toBe('maanshan-cihu');
    expect(slugOf('西安高新区')).toBe('xian');
    expect(slugOf('福州高新区')).toBe('fuzhou');
    expect(slugOf('抚州高新区')).toBe('fuzhou-jiangxi');
    expect(slugOf('苏州工业园区')).toBe('suzhou-industrial-park');
    expect(slugOf('攀枝花钒钛高新区')).toBe('panzhihua-vanadium-titanium');
  });

  it('returns the cached parks without letting callers change them', () => {
    const first = loadGazetteer();
    first.length = 0;
    expect(loadGazetteer()).toEqual(parks);
  });
});

describe('placeSlug', () => {
  it('lowercases, drops apostrophes and joins words with hyphens', () => {
    expect(placeSlug('Changchun Jingyue')).toBe('changchun-jingyue');
    expect(placeSlug("Xiong'an")).toBe('xiongan');
    expect(placeSlug('Fuzhou (Jiangxi)')).toBe('fuzhou-jiangxi');
    expect(placeSlug('Dongguan Songshan Lake')).toBe('dongguan-songshan-lake');
  });
});

describe('parseGazetteer', () => {
  it('appends -2 to a slug already taken', () => {
    const parks = parseGazetteer(
      [HEADER, row('甲高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu', 'Suzhou'), row('乙高新技术产业开发区', '乙高新区', '安徽', 'Anhui', 'Suzhou'), ''].join('\n'),
    );
    expect(parks.map((park) => park.slug)).toEqual(['suzhou', 'suzhou-2']);
  });

  it('accepts CRLF line ends and a byte order mark', () => {
    const parks = parseGazetteer(`\uFEFF${HEADER}\r\n${row('甲高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu', 'Jia')}\r\n`);
    expect(parks).toHaveLength(1);
  });

  it('rejects a wrong header', () => {
    expect(() => parseGazetteer('name\tshort\n')).toThrow(/:1: expected header/);
  });

  it('rejects a row with missing columns, naming its line', () => {
    expect(() => parseGazetteer([HEADER, row('甲高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu')].join('\n'), 'zones.tsv')).toThrow(
      /^zones\.tsv:2: expected 5 tab-separated columns, got 4$/,
    );
  });

  it('rejects an empty cell', () => {
    expect(() => parseGazetteer([HEADER, row('甲高新技术产业开发区', ' ', '江苏', 'Jiangsu', 'Jia')].join('\n'))).toThrow(/:2: short_name/);
  });

  it('rejects a non-Latin place_en', () => {
    expect(() => parseGazetteer([HEADER, row('甲高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu', '甲')].join('\n'))).toThrow(/:2: place_en/);
  });

  it('rejects a name used twice', () => {
    const tsv = [HEADER, row('甲高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu', 'Jia'), row('乙高新技术产业开发区', '甲高新区', '江苏', 'Jiangsu', 'Yi')].join('\n');
    expect(() => parseGazetteer(tsv)).toThrow(/:3: 甲高新区 already named on line 2/);
  });

  it('rejects a file without parks', () => {
    expect(() => parseGazetteer(`${HEADER}\n`)).toThrow(/no parks/);
  });
});
