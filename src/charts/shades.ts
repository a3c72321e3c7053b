/**
 * Counts → shade classes 1 to 5 (0 stays 0), in equal steps of the counts
 * from 1 to the largest, with d3-scale's quantize scale. The legend lists the
 * range of counts each class covers, from the scale's own inverse.
 */
import { scaleQuantize } from 'd3-scale';

export const SHADES = 5;

export interface Shades {
  classOf(count: number): number;
  /** `[class, lowest count, highest count]` of each class that has a count in it. */
  legend: [number, number, number][];
}

export function shades(max: number): Shades {
  const top = Math.max(1, Math.floor(max));
  const steps = Math.min(SHADES, top);
  // With fewer distinct counts than shades, spread the classes used over the whole range.
  const range = Array.from({ length: steps }, (_, index) => (steps === 1 ? SHADES : 1 + Math.round((index * (SHADES - 1)) / (steps - 1))));
  const scale = scaleQuantize<number>().domain([1, top + 1]).range(range);
  const classOf = (count: number): number => (count <= 0 ? 0 : scale(Math.min(count, top)));
  if (steps === 1) return { classOf, legend: [[SHADES, 1, top]] };
  const legend: [number, number, number][] = range.map((shade) => {
    const [low, high] = scale.invertExtent(shade);
    const lowest = Math.ceil(low);
    const highest = Math.min(top, Math.ceil(high) - 1);
    return [shade, lowest, Math.max(lowest, highest)];
  });
  return { classOf, legend: legend.filter(([, low, high]) => low <= high && low <= top) };
}
