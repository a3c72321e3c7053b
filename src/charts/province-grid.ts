/**
 * China's 34 province-level divisions as a tile grid: one equal square each,
 * placed roughly where the division lies (north up, east right), in the
 * manner of the China tile-grid maps in the press and of the R package
 * geofacet's `china_prov_grid1` / `china_prov_grid2`. This layout is our own,
 * 7 columns by 9 rows, placed by each division's capital and checked against
 * its neighbours:
 *
 *   . . . . . . 黑
 *   . . . . . . 吉
 *   新 . . 蒙 京 津 辽
 *   青 甘 宁 晋 冀 鲁 .
 *   藏 川 陕 豫 皖 苏 沪
 *   . 云 渝 鄂 赣 浙 .
 *   . . 贵 湘 闽 台 .
 *   . . 桂 粤 . . .
 *   . . 琼 澳 港 . .
 *
 * `code` is the ISO 3166-2:CN subdivision code (without `CN-`): the anchor of
 * the division's group on /parks/. On English pages a tile is labelled with
 * the English name, on two lines where one would not fit the tile: between
 * words, or at a syllable with a hyphen (Heilong-jiang).
 */
export interface ProvinceTile {
  /** As the gazetteer writes it: 内蒙古, 广西, 北京. */
  name: string;
  nameEn: string;
  /** The English name as a tile shows it, one or two lines. */
  labelEn: string[];
  code: string;
  column: number;
  row: number;
}

const GRID: readonly [string, string, string, number, number][] = [
  ['黑龙江', 'Heilongjiang', 'HL', 6, 0],
  ['吉林', 'Jilin', 'JL', 6, 1],
  ['新疆', 'Xinjiang', 'XJ', 0, 2],
  ['内蒙古', 'Inner Mongolia', 'NM', 3, 2],
  ['北京', 'Beijing', 'BJ', 4, 2],
  ['天津', 'Tianjin', 'TJ', 5, 2],
  ['辽宁', 'Liaoning', 'LN', 6, 2],
  ['青海', 'Qinghai', 'QH', 0, 3],
  ['甘肃', 'Gansu', 'GS', 1, 3],
  ['宁夏', 'Ningxia', 'NX', 2, 3],
  ['山西', 'Shanxi', 'SX', 3, 3],
  ['河北', 'Hebei', 'HE', 4, 3],
  ['山东', 'Shandong', 'SD', 5, 3],
  ['西藏', 'Tibet', 'XZ', 0, 4],
  ['四川', 'Sichuan', 'SC', 1, 4],
  ['陕西', 'Shaanxi', 'SN', 2, 4],
  ['河南', 'Henan', 'HA', 3, 4],
  ['安徽', 'Anhui', 'AH', 4, 4],
  ['江苏', 'Jiangsu', 'JS', 5, 4],
  ['上海', 'Shanghai', 'SH', 6, 4],
  ['云南', 'Yunnan', 'YN', 1, 5],
  ['重庆', 'Chongqing', 'CQ', 2, 5],
  ['湖北', 'Hubei', 'HB', 3, 5],
  ['江西', 'Jiangxi', 'JX', 4, 5],
  ['浙江', 'Zhejiang', 'ZJ', 5, 5],
  ['贵州', 'Guizhou', 'GZ', 2, 6],
  ['湖南', 'Hunan', 'HN', 3, 6],
  ['福建', 'Fujian', 'FJ', 4, 6],
  ['台湾', 'Taiwan', 'TW', 5, 6],
  ['广西', 'Guangxi', 'GX', 2, 7],
  ['广东', 'Guangdong', 'GD', 3, 7],
  ['海南', 'Hainan', 'HI', 2, 8],
  ['澳门', 'Macao', 'MO', 3, 8],
  ['香港', 'Hong Kong', 'HK', 4, 8],
];

/** English names too wide for a tile in one line (more than eight letters at the tiles' size), and where they break. */
const SYLLABLE_BREAKS: Readonly<Record<string, [string, string]>> = {
  Heilongjiang: ['Heilong-', 'jiang'],
  Guangdong: ['Guang-', 'dong'],
  Chongqing: ['Chong-', 'qing'],
};

function tileLabel(nameEn: string): string[] {
  return SYLLABLE_BREAKS[nameEn] ?? nameEn.split(' ');
}

export const PROVINCE_TILES: readonly ProvinceTile[] = GRID.map(([name, nameEn, code, column, row]) => ({ name, nameEn, labelEn: tileLabel(nameEn), code, column, row }));

export const GRID_COLUMNS = 1 + Math.max(...PROVINCE_TILES.map((tile) => tile.column));
export const GRID_ROWS = 1 + Math.max(...PROVINCE_TILES.map((tile) => tile.row));
