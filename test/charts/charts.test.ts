import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES } from '../../src/charts/province-grid.ts';
import { labelWidth, type ChartView } from '../../src/charts/chart-view.ts';
import { issueStrip, type StripRow } from '../../src/charts/issue-strip.ts';
import { tileMap, type ProvinceCoverage } from '../../src/charts/tile-map.ts';
import { shades } from '../../src/charts/shades.ts';
import { yearBars } from '../../src/charts/year-bars.ts';
import { loadGazetteer } from '../../src/parks/gazetteer.ts';

describe('the province grid', () => {
  it('has the 34 province-level divisions, each on a square of its own, with unique ISO codes', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((tile) => `${tile.column},${tile.row}`)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((tile) => tile.code)).size).toBe(34);
    for (const tile of PROVINCE_TILES) {
      expect(tile.column).toBeLessThan(GRID_COLUMNS);
      expect(tile.row).toBeLessThan(GRID_ROWS);
      expect(tile.code).toMatch(/^[A-Z]{2}$/u);
    }
  });

  it('names every province of the gazetteer the way the gazetteer does, in both languages', () => {
    const byName = new Map(PROVINCE_TILES.map((tile) => [tile.name, tile]));
    for (const park of loadGazetteer()) {
      expect(byName.get(park.province)?.nameEn, park.province).toBe(park.provinceEn);
    }
  });

  it('labels each tile with its English name, on two lines where one would not fit the tile (10 units a letter at most 0.6 of that)', () => {
    for (const tile of PROVINCE_TILES) {
      expect(tile.labelEn.join(' ').replace('- ', ''), tile.name).toBe(tile.nameEn);
      expect(tile.labelEn.length, tile.name).toBeLessThanOrEqual(2);
      for (const line of tile.labelEn) expect(labelWidth(line, 10), `${tile.nameEn}: ${line}`).toBeLessThanOrEqual(52);
    }
    expect(PROVINCE_TILES.find((tile) => tile.name === '黑龙江')?.labelEn).toEqual(['Heilong-', 'jiang']);
    expect(PROVINCE_TILES.find((tile) => tile.name === '内蒙古')?.labelEn).toEqual(['Inner', 'Mongolia']);
  });

  it('keeps neighbours near: Beijing beside Tianjin and above Hebei, Guangdong above Hong Kong and Macao', () => {
    const at = (name: string) => PROVINCE_TILES.find((tile) => tile.name === name)!;
    const distance = (a: string, b: string) => Math.max(Math.abs(at(a).column - at(b).column), Math.abs(at(a).row - at(b).row));
    for (const [a, b] of [['北京', '天津'], ['北京', '河北'], ['广东', '香港'], ['广东', '澳门'], ['上海', '江苏'], ['上海', '浙江'], ['四川', '重庆'], ['福建', '台湾']]) {
      expect(distance(a!, b!), `${a} ${b}`).toBe(1);
    }
  });
});

describe('shades', () => {
  it('gives 0 its own class and spreads the counts over five', () => {
    const scale = shades(40);
    expect(scale.classOf(0)).toBe(0);
    expect(scale.classOf(1)).toBe(1);
    expect(scale.classOf(40)).toBe(5);
    expect(scale.legend.map(([shade]) => shade)).toEqual([1, 2, 3, 4, 5]);
    expect(scale.legend[0]![1]).toBe(1);
    expect(scale.legend.at(-1)![2]).toBe(40);
  });

  it('covers every count from 1 to the largest with exactly one legend entry', () => {
    for (const max of [1, 2, 3, 4, 7, 12, 173]) {
      const scale = shades(max);
      for (let count = 1; count <= max; count++) {
        const entries = scale.legend.filter(([, low, high]) => low <= count && count <= high);
        expect(entries, `${count} of ${max}`).toHaveLength(1);
        expect(entries[0]![0], `${count} of ${max}`).toBe(scale.classOf(count));
      }
    }
  });
});

describe('year bars', () => {
  const chart = (first: number, last: number) =>
    yearBars({
      id: 'c',
      title: 't',
      description: 'd',
      series: ['bar--issues'],
      bars: Array.from({ length: last - first + 1 }, (_, index) => ({ year: first + index, values: [1], hasIssues: true, href: null, tip: '' })),
      plotHeight: 40,
      table: { caption: 'c', head: [], rows: [] },
      tableLabel: 't',
    });
  const yearLabels = (view: ReturnType<typeof chart>) =>
    view.groups.flatMap((group) => group.shapes).flatMap((shape) => (shape.kind === 'text' && shape.className === 'bar__year' ? [{ year: Number(shape.text), x: shape.x }] : []));

  it('labels every year where there is room', () => {
    expect(yearLabels(chart(2018, 2022)).map((label) => label.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
  });

  it('labels round years on a long row, and the first and last only where they do not touch a round one', () => {
    const labels = yearLabels(chart(1999, 2022));
    expect(labels.map((label) => label.year)).toEqual([2000, 2005, 2010, 2015, 2020, 2022]);
    for (const [left, right] of labels.slice(1).map((label, index) => [labels[index]!, label] as const)) expect(right.x - left.x).toBeGreaterThanOrEqual(labelWidth('0000', 10));
    expect(yearLabels(chart(1998, 2021)).map((label) => label.year)).toEqual([1998, 2000, 2005, 2010, 2015, 2020]);
  });
});

const textsOf = (view: ChartView, className: string) =>
  view.groups.flatMap((group) => group.shapes).flatMap((shape) => (shape.kind === 'text' && shape.className === className ? [shape] : []));

describe('the tile map', () => {
  const coverage = new Map<string, ProvinceCoverage>(
    PROVINCE_TILES.map((tile, index) => [tile.name, { articles: index % 7, zonesNamed: index % 3, hasZones: tile.name !== '西藏', href: null }]),
  );

  it('lists its legend from none to most: 0 first, then the shades, then the divisions without a zone', () => {
    const labels = textsOf(tileMap('zh-CN', coverage), 'legend__label').map((shape) => shape.text);
    expect(labels[0]).toBe('0');
    const lows = labels.slice(1, -1).map((label) => Number(label.split('–')[0]));
    expect(lows[0]).toBe(1);
    expect([...lows].sort((a, b) => a - b)).toEqual(lows);
    expect(labels.at(-1)).toBe('无高新区');
  });

  it('names the divisions in English on English pages, not by their ISO codes', () => {
    const names = textsOf(tileMap('en', coverage), 'tile__name').map((shape) => shape.text);
    expect(names).toContain('Shandong');
    expect(names).toContain('Heilong-');
    expect(names).toContain('jiang');
    for (const tile of PROVINCE_TILES) expect(names, tile.code).not.toContain(tile.code);
  });
});

describe('the issue strip', () => {
  const strip = (rows: StripRow[], numbers: { first: number; last: number }) =>
    issueStrip({ id: 's', title: 't', description: 'd', rows, numbers, legend: ['a', 'm', 'n'], table: { caption: 'c', head: [], rows: [] }, tableLabel: 't' });
  const row = (year: number, numbers: number[]): StripRow => ({ year, issues: new Map(numbers.map((number) => [number, { mark: 'about' as const, tip: '' }])) });

  it('runs its axis from the first issue number to the last, with no empty columns before them', () => {
    const view = strip([row(2022, [20, 21])], { first: 20, last: 21 });
    const cells = view.groups.flatMap((group) => group.shapes).filter((shape) => shape.kind === 'rect' && shape.key !== undefined);
    expect(cells.map((cell) => (cell.kind === 'rect' ? cell.x : 0))).toEqual([34, 46]);
    expect(textsOf(view, 'strip__number').map((shape) => shape.text)).toEqual(['20']);
    expect(view.width).toBeLessThan(200);
  });

  it('names the first number, every sixth and the last, none two cells from another', () => {
    expect(textsOf(strip([row(2022, [1, 24])], { first: 1, last: 24 }), 'strip__number').map((shape) => shape.text)).toEqual(['1', '6', '12', '18', '24']);
    expect(textsOf(strip([row(2022, [5, 19])], { first: 5, last: 19 }), 'strip__number').map((shape) => shape.text)).toEqual(['5', '12', '18']);
  });
});
