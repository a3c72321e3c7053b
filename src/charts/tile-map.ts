/**
 * The province tile map of `/parks/`: each division a square at its place in
 * the grid, shaded by the number of articles naming its zones, labelled with
 * its name (in English on two lines where it is long) and that number, linked to its
 * group on the page. Divisions with no zone in the gazetteer are outlined
 * and marked "—", apart from those whose zones no article names (0).
 */
import { dictionary, translate, type Lang } from '../i18n/index.ts';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES, type ProvinceTile } from './province-grid.ts';
import { shades } from './shades.ts';
import { displaySize, linksOf, type ChartView, type Shape, type ShapeGroup, type TableCell } from './chart-view.ts';

const CELL = 60;
const TILE = 56;

export interface ProvinceCoverage {
  /** Articles naming one or more of its zones. */
  articles: number;
  /** Its zones that an article names. */
  zonesNamed: number;
  /** Whether the gazetteer has a zone there at all. */
  hasZones: boolean;
  /** Its group on the page, when it has one. */
  href: string | null;
}

export function tileMap(lang: Lang, coverage: ReadonlyMap<string, ProvinceCoverage>): ChartView {
  const t = dictionary(lang);
  const max = Math.max(0, ...[...coverage.values()].map((entry) => entry.articles));
  const scale = shades(max);
  const groups: ShapeGroup[] = PROVINCE_TILES.map((tile) => {
    const entry = coverage.get(tile.name);
    const x = tile.column * CELL;
    const y = tile.row * CELL;
    const name = lang === 'en' ? tile.nameEn : tile.name;
    const hasZones = entry?.hasZones ?? false;
    const articles = entry?.articles ?? 0;
    const shade = hasZones ? `tile--${scale.classOf(articles)}` : 'tile--none';
    return {
      link: entry?.href ? { href: entry.href, area: { x, y, width: TILE, height: TILE } } : undefined,
      className: shade,
      // A tile shows its name and count; a tooltip says more where it leads somewhere (the overlay's link), or explains the dash.
      tip: !hasZones ? `${name}${t['punct.colon']}${t['chart.tiles.noZones']}` : entry?.href ? `${name}${t['punct.colon']}${translate(lang, 'chart.articles', { count: articles })}` : null,
      shapes: [
        { kind: 'rect', x, y, width: TILE, height: TILE, className: 'tile', value: hasZones ? articles : undefined, key: tile.name },
        ...nameLabel(lang, tile, x, y),
        { kind: 'text', x: x + TILE / 2, y: y + 45, text: hasZones ? String(articles) : '—', className: 'tile__count' },
      ],
    };
  });
  // The key sits in the empty north-west of the grid, two rows of four.
  const legendX = 0;
  const legendY = 0;
  // From none to most: 0 first.
  const legendRows: [string, string][] = [
    ['tile--0', '0'],
    ...scale.legend.map(([shade, low, high]): [string, string] => [`tile--${shade}`, low === high ? String(low) : `${low}–${high}`]),
    ['tile--none', t['chart.tiles.noZonesShort']],
  ];
  const legend: ShapeGroup = {
    tip: null,
    shapes: [
      { kind: 'text', x: legendX, y: legendY + 14, text: t['chart.tiles.legend'], className: 'legend__title' },
      ...legendRows.flatMap(([shade, label], index) => {
        const left = legendX + (index % 4) * 88;
        const top = legendY + 26 + Math.floor(index / 4) * 22;
        return [
          { kind: 'rect' as const, x: left, y: top, width: 14, height: 14, className: `tile ${shade}` },
          { kind: 'text' as const, x: left + 19, y: top + 11.5, text: label, className: 'legend__label' },
        ];
      }),
    ],
  };
  const withArticles = [...coverage.entries()].filter(([, entry]) => entry.articles > 0).sort((a, b) => b[1].articles - a[1].articles);
  const top = withArticles.slice(0, 3).map(([name, entry]) => `${provinceName(lang, name)} ${entry.articles}`);
  return {
    id: 'chart-provinces',
    type: 'tiles',
    width: GRID_COLUMNS * CELL - (CELL - TILE),
    height: GRID_ROWS * CELL - (CELL - TILE),
    ...displaySize(GRID_COLUMNS * CELL - (CELL - TILE), GRID_ROWS * CELL - (CELL - TILE), 1.2),
    title: t['chart.tiles.title'],
    description: translate(lang, 'chart.tiles.description', { provinces: withArticles.length, top: top.join(t['punct.listSeparator']) || '—' }),
    hatchId: null,
    groups: [...groups, legend],
    links: linksOf(groups),
    table: provinceTable(lang, coverage),
    tableLabel: t['chart.table'],
  };
}

/** The division's name on its tile: Chinese at the tiles' size; English a size smaller, on two lines where it is long. */
function nameLabel(lang: Lang, tile: ProvinceTile, x: number, y: number): Shape[] {
  if (lang !== 'en') return [{ kind: 'text', x: x + TILE / 2, y: y + 22, text: tile.name, className: 'tile__name' }];
  const top = tile.labelEn.length === 1 ? 22 : 16;
  return tile.labelEn.map((line, index) => ({ kind: 'text', x: x + TILE / 2, y: y + top + index * 11, text: line, className: 'tile__name' }));
}

function provinceName(lang: Lang, name: string): string {
  return lang === 'en' ? (PROVINCE_TILES.find((tile) => tile.name === name)?.nameEn ?? name) : name;
}

function provinceTable(lang: Lang, coverage: ReadonlyMap<string, ProvinceCoverage>): ChartView['table'] {
  const t = dictionary(lang);
  const rows = [...PROVINCE_TILES]
    .map((tile) => ({ tile, entry: coverage.get(tile.name) }))
    .sort((a, b) => (b.entry?.articles ?? -1) - (a.entry?.articles ?? -1) || a.tile.row - b.tile.row || a.tile.column - b.tile.column)
    .map(({ tile, entry }): TableCell[] => [
      { text: lang === 'en' ? tile.nameEn : tile.name, href: entry?.href ?? undefined },
      { text: entry?.hasZones ? String(entry.zonesNamed) : '—', numeric: entry?.hasZones ?? false },
      { text: entry?.hasZones ? String(entry.articles) : t['chart.tiles.noZones'], numeric: entry?.hasZones ?? false },
    ]);
  return { caption: t['chart.tiles.title'], head: [t['chart.col.province'], t['chart.col.zones'], t['chart.col.articles']], rows };
}
