/**
 * Issue by issue, for the years a zone is named in: a row per year, a cell per
 * issue number. A filled square is an issue with an article about the zone, an
 * outlined square one that only mentions it, a dot an issue that does not name
 * it; no mark, no issue in the archive. Shapes, not colours, tell them apart.
 */
import { displaySize, legendRow, round, type ChartTable, type ChartView, type LegendItem, type Shape, type ShapeGroup } from './chart-view.ts';

export type IssueMark = 'about' | 'mention' | 'none';

export interface StripRow {
  year: number;
  /** Issue number (期) → what it has; numbers missing from the map are not in the archive. */
  issues: ReadonlyMap<number, { mark: IssueMark; tip: string }>;
}

export interface IssueStripInput {
  id: string;
  title: string;
  description: string;
  rows: StripRow[];
  /** The lowest and the highest issue number of the years shown: the axis runs from one to the other. */
  numbers: { first: number; last: number };
  /** Labels for about, mention and none. */
  legend: [string, string, string];
  table: ChartTable;
  tableLabel: string;
}

const CELL = 12;
const MARK = 9;
const LABEL = 34;
const HEAD = 12;

export function issueStrip(input: IssueStripInput): ChartView {
  const { first, last } = input.numbers;
  const columns = last - first + 1;
  const header: ShapeGroup = {
    tip: null,
    shapes: axisNumbers(first, last).map((number): Shape => ({ kind: 'text', x: round(LABEL + (number - first) * CELL + MARK / 2), y: 9, text: String(number), className: 'strip__number' })),
  };
  const groups: ShapeGroup[] = input.rows.flatMap((row, rowIndex) => {
    const top = HEAD + rowIndex * CELL;
    const label: ShapeGroup = { tip: null, shapes: [{ kind: 'text', x: LABEL - 4, y: top + MARK, text: String(row.year), className: 'strip__year' }] };
    const cells = [...row.issues].map(([number, issue]): ShapeGroup => {
      const left = LABEL + (number - first) * CELL;
      const shape: Shape =
        issue.mark === 'none'
          ? { kind: 'circle', cx: round(left + MARK / 2), cy: round(top + MARK / 2), r: 1.5, className: 'strip__none' }
          : { kind: 'rect', x: left + (issue.mark === 'mention' ? 0.5 : 0), y: top + (issue.mark === 'mention' ? 0.5 : 0), width: issue.mark === 'mention' ? MARK - 1 : MARK, height: issue.mark === 'mention' ? MARK - 1 : MARK, className: `strip__${issue.mark}`, key: `${row.year}-${number}` };
      // An issue that does not name the zone needs no tooltip of its own: the dot says it.
      return { tip: issue.mark === 'none' ? null : issue.tip, shapes: [shape] };
    });
    return [label, ...cells];
  });
  const [about, mention, none] = input.legend;
  const items: LegendItem[] = [
    { className: 'strip__about', label: about },
    { className: 'strip__mention', label: mention },
    { className: 'strip__none', label: none, dot: true },
  ];
  const legend = legendRow(items, LABEL, HEAD + input.rows.length * CELL + 6);
  const width = Math.max(LABEL + columns * CELL, legend.right);
  const height = HEAD + input.rows.length * CELL + 6 + 14;
  return {
    id: input.id,
    type: 'strip',
    width,
    height,
    ...displaySize(width, height, 1.5),
    title: input.title,
    description: input.description,
    hatchId: null,
    groups: [header, ...groups, { tip: null, shapes: legend.shapes }],
    links: [],
    table: input.table,
    tableLabel: input.tableLabel,
  };
}

/** The numbers the axis names: its first, every sixth, and its last, none closer than two cells to the one before. */
function axisNumbers(first: number, last: number): number[] {
  const sixths = Array.from({ length: Math.floor(last / 6) }, (_, index) => (index + 1) * 6).filter((number) => number > first);
  const named: number[] = [];
  for (const number of [first, ...sixths, last]) {
    const previous = named.at(-1);
    if (previous === undefined || number - previous >= 2) named.push(number);
  }
  return named;
}
