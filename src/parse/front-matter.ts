import matter from 'gray-matter';
import { z } from 'zod';
import type { Diagnostic } from '../model/records.ts';
import { isoDate } from './issue-line.ts';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u;

export type FrontMatter = { ok: true; data: Record<string, unknown>; body: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Separates optional YAML front matter from the Markdown. The body keeps its
 * line numbers: the front matter's lines are blanked, not removed.
 */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const block = FRONT_MATTER.exec(text);
  if (!block) return { ok: true, data: {}, body: text };
  try {
    // Passing options turns off gray-matter's cache, which would keep every seed in memory.
    const parsed = matter(block[0], { excerpt: false });
    const data: unknown = parsed.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('front matter is not a mapping');
    const blank = block[0].replace(/[^\n]/gu, '');
    return { ok: true, data: data as Record<string, unknown>, body: blank + text.slice(block[0].length) };
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return {
      ok: false,
      diagnostic: {
        file,
        line: (mark?.line ?? 0) + 2,
        column: (mark?.column ?? 0) + 1,
        severity: 'error',
        message: `Unexpected front matter: ${reason.split('\n')[0]}, expected a YAML mapping`,
        ruleId: 'front-matter-invalid',
      },
    };
  }
}

const isoDateSchema = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/u), z.date().transform((date) => date.toISOString().slice(0, 10))])
  .refine((iso) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return isoDate({ year, month, day }) === iso;
  }, 'not a real calendar date');

/** Issue metadata a seed's front matter may add or override. */
export const issueFrontMatterSchema = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    year: z.number().int().min(1900).max(2200),
    number: z.number().int().min(1),
    cumulative: z.number().int().min(1),
    date: isoDateSchema,
    label: z.string().min(1),
  })
  .partial()
  .strict();
export type IssueFrontMatter = z.infer<typeof issueFrontMatterSchema>;
