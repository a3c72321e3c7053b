/** The printed issue line: `2022年第20期(总第549期) 2022年11月30日`. */
export interface IssueLine {
  year: number;
  number: number;
  cumulative: number;
  /** As printed, e.g. `2022年第20期(总第549期)`. */
  label: string;
  date: { year: number; month: number; day: number } | null;
}

const ISSUE_LINE =
  /(\d{4})\s*年\s*第\s*(\d{1,3})\s*期\s*[(（]\s*总\s*第\s*(\d{1,5})\s*期\s*[)）](?:\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)?/u;

export function parseIssueLine(line: string): IssueLine | null {
  const match = ISSUE_LINE.exec(line);
  if (!match) return null;
  const [, year, number, cumulative, dateYear, month, day] = match;
  return {
    year: Number(year),
    number: Number(number),
    cumulative: Number(cumulative),
    label: `${year}年第${number}期(总第${cumulative}期)`,
    date: dateYear && month && day ? { year: Number(dateYear), month: Number(month), day: Number(day) } : null,
  };
}
