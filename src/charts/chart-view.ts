/**
 * What a chart template receives: shapes already placed in the chart's own
 * coordinates, its title and description, and the same numbers as a table.
 * Classes, not colours: the stylesheets colour the shapes for light, dark and
 * paper.
 */
export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  /** The number the shape stands for, and what it is the number of (a province, a year, an issue), for readers of the markup and for the tests. */
  value?: number | undefined;
  key?: string | undefined;
  /** A paint server such as the chart's hatching, `url(#…)`, when a class cannot say it. */
  fill?: string | undefined;
}

export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** The class also sets the alignment (`text-anchor`), in the stylesheet. */
  className: string;
}

export interface CircleShape {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  className: string;
}

export interface LineShape {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  className: string;
}

export type Shape = RectShape | TextShape | CircleShape | LineShape;

/**
 * Shapes drawn together, with `tip` as their tooltip and `className` on the
 * group. A group with a `link` can be clicked: an `<svg role="img">` may not
 * hold links (its content is one picture to assistive technology), so the
 * link is an area of a second SVG laid over the picture, hidden from
 * assistive technology and out of the tab order; keyboard and screen reader
 * users follow the same links in the chart's table.
 */
export interface ShapeGroup {
  link?: { href: string; area: { x: number; y: number; width: number; height: number } } | undefined;
  tip: string | null;
  className?: string | undefined;
  shapes: Shape[];
}

export interface TableCell {
  text: string;
  href?: string | undefined;
  numeric?: boolean;
}

export interface ChartTable {
  caption: string;
  head: string[];
  rows: TableCell[][];
}

export interface ChartView {
  /** Unique on its page: the ids of the title and description derive from it. */
  id: string;
  /** `tiles`, `bars`, `strip`: the chart's CSS modifier. */
  type: string;
  /** The chart's own coordinate space (the viewBox). */
  width: number;
  height: number;
  /** The size it is shown at where there is room (the `width`/`height` attributes); CSS shrinks it to fit a narrow screen. */
  displayWidth: number;
  displayHeight: number;
  title: string;
  description: string;
  /** `<pattern>` definitions the shapes refer to, by id. */
  hatchId: string | null;
  groups: ShapeGroup[];
  /** The groups with a link, for the overlay. */
  links: { href: string; tip: string | null; x: number; y: number; width: number; height: number }[];
  table: ChartTable;
  /** The label of the disclosure that shows the table. */
  tableLabel: string;
}

/** A key to the marks, drawn in a row: each mark's shape class and its label. */
export interface LegendItem {
  className: string;
  fill?: string | undefined;
  label: string;
  /** Drawn as a small dot instead of a square. */
  dot?: boolean;
}

/** Roughly how wide a label is at `size` units: Han characters are square, others about half. */
export function labelWidth(text: string, size: number): number {
  return [...text].reduce((width, char) => width + (/[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u.test(char) ? size : size * 0.6), 0);
}

/** The size `.legend__label` is drawn at (public/css/charts.css), for laying legends out. */
const LEGEND_LABEL_SIZE = 11;

/** A row of legend items from (x, y), each a 10-unit swatch and its label, and where the row ends. */
export function legendRow(items: readonly LegendItem[], x: number, y: number, size = LEGEND_LABEL_SIZE): ShapeGroup & { right: number } {
  let left = x;
  const shapes: Shape[] = items.flatMap((item) => {
    const swatch: Shape = item.dot
      ? { kind: 'circle', cx: left + 5, cy: y + 5, r: 1.5, className: item.className }
      : { kind: 'rect', x: left, y, width: 10, height: 10, className: item.className, fill: item.fill };
    const label: Shape = { kind: 'text', x: left + 14, y: y + 9, text: item.label, className: 'legend__label' };
    left += 14 + labelWidth(item.label, size) + 12;
    return [swatch, label];
  });
  return { tip: null, shapes, right: left };
}

/** The overlay's links, from the groups that have one. */
export function linksOf(groups: readonly ShapeGroup[]): ChartView['links'] {
  return groups.flatMap((group) => (group.link ? [{ href: group.link.href, tip: group.tip, ...group.link.area }] : []));
}

/**
 * Charts are drawn for a phone's width, so that their text stays legible
 * when CSS fits them to 360 px, and shown larger where there is room.
 */
export function displaySize(width: number, height: number, scale: number): { displayWidth: number; displayHeight: number } {
  return { displayWidth: Math.round(width * scale), displayHeight: Math.round(height * scale) };
}

/** Rounds a coordinate to a tenth of a unit: plenty for a screen, shorter markup. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
