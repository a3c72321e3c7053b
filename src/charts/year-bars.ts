/**
 * A bar per year, stacked when there are two series (articles about a zone,
 * articles that only mention it). A year the archive has no issue of gets a
 * dashed stub marked "—", so it is not read as a zero. Scales are d3-scale's
 * band and linear scales.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { displaySize, labelWidth, legendRow, linksOf, round, type ChartTable, type ChartView, type Shape, type ShapeGroup } from './chart-view.ts';

export interface YearBar {
  year: number;
  /** One value per series, bottom first. */
  values: number[];
  /** False for a year with no issue in the archive. */
  hasIssues: boolean;
  href: string | null;
  tip: string;
}

export interface YearBarsInput {
  id: string;
  title: string;
  description: string;
  /** One CSS class per series, bottom first; a class ending in `--hatched` is filled with the chart's hatching. */
  series: string[];
  /** A label per series, for a legend above the bars; none for a single series. */
  legend?: string[];
  bars: YearBar[];
  /** Height of the plot, without the labels. */
  plotHeight: number;
  table: ChartTable;
  tableLabel: string;
}

const BOTTOM = 16;
const SIDE = 4;
const LEGEND = 18;

export function yearBars(input: YearBarsInput): ChartView {
  const TOP = input.legend ? 14 + LEGEND : 14;
  const band = Math.max(12, Math.min(40, 352 / Math.max(1, input.bars.length)));
  const hatch = (className: string) => (className.endsWith('--hatched') ? `url(#${input.id}-hatch)` : undefined);
  const legendItems = (input.legend ?? []).map((label, index) => ({ className: `bar ${input.series[index] ?? ''}`, fill: hatch(input.series[index] ?? ''), label }));
  const legend = legendRow(legendItems, SIDE, 2);
  const width = Math.max(SIDE * 2 + band * input.bars.length, input.legend ? legend.right : 0);
  const x = scaleBand<number>().domain(input.bars.map((bar) => bar.year)).range([SIDE, width - SIDE]).paddingInner(0.2).paddingOuter(0.1);
  const max = Math.max(1, ...input.bars.map((bar) => bar.values.reduce((sum, value) => sum + value, 0)));
  const y = scaleLinear().domain([0, max]).range([TOP + input.plotHeight, TOP]);
  const base = y(0);
  const labelEvery = band >= 28 ? 1 : 5;
  const isRound = (year: number) => year % labelEvery === 0;
  // The first and last years are labelled too, unless a round year stands so near that the labels would touch.
  const roundYearsFarFrom = (index: number) => input.bars.every((other, at) => at === index || !isRound(other.year) || Math.abs(at - index) * band >= labelWidth('0000', 10) + 4);
  const groups: ShapeGroup[] = input.bars.map((bar, index) => {
    const left = x(bar.year) ?? 0;
    const middle = round(left + x.bandwidth() / 2);
    const total = bar.values.reduce((sum, value) => sum + value, 0);
    const shapes: Shape[] = [];
    if (!bar.hasIssues) {
      shapes.push({ kind: 'rect', x: round(left), y: round(base - 6), width: round(x.bandwidth()), height: 6, className: 'bar bar--none', key: String(bar.year) });
      shapes.push({ kind: 'text', x: middle, y: round(base - 9), text: '—', className: 'bar__value' });
    } else {
      let top = base;
      bar.values.forEach((value, series) => {
        if (value <= 0) return;
        const height = base - y(value);
        top -= height;
        const className = input.series[series] ?? '';
        const fill = hatch(className);
        shapes.push({ kind: 'rect', x: round(left), y: round(top), width: round(x.bandwidth()), height: round(height), className: `bar ${className}`, value, key: String(bar.year), fill });
      });
      // A value that does not fit above its bar is left to the tooltip and the table.
      if (labelWidth(String(total), 10) <= band) shapes.push({ kind: 'text', x: middle, y: round(top - 3), text: String(total), className: 'bar__value' });
    }
    const labelled = labelEvery === 1 || isRound(bar.year) || ((index === 0 || index === input.bars.length - 1) && roundYearsFarFrom(index));
    if (labelled) shapes.push({ kind: 'text', x: middle, y: round(base + 12), text: String(bar.year), className: 'bar__year' });
    return { link: bar.href ? { href: bar.href, area: { x: round(left), y: TOP, width: round(x.bandwidth()), height: round(base - TOP) } } : undefined, tip: bar.tip, shapes };
  });
  const axis: ShapeGroup = { tip: null, shapes: [{ kind: 'line', x1: SIDE, y1: round(base), x2: width - SIDE, y2: round(base), className: 'axis' }] };
  return {
    id: input.id,
    type: 'bars',
    width: round(width),
    height: TOP + input.plotHeight + BOTTOM,
    ...displaySize(width, TOP + input.plotHeight + BOTTOM, 1.5),
    title: input.title,
    description: input.description,
    hatchId: input.series.some((name) => name.endsWith('--hatched')) ? `${input.id}-hatch` : null,
    groups: [...(input.legend ? [{ tip: null, shapes: legend.shapes }] : []), axis, ...groups],
    links: linksOf(groups),
    table: input.table,
    tableLabel: input.tableLabel,
  };
}
