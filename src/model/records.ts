/**
 * The records every other part of the project works with: typed once here,
 * validated at the boundary (after parsing), plain data after that.
 */
import { z } from 'zod';
import { ISO_DATE } from '../text/iso-date.ts';
import { recordOf } from './own-entry.ts';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

const ruleIdSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/);

/** Where another diagnostic is: the one this one follows from. */
export const diagnosticRefSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  ruleId: ruleIdSchema,
});
export type DiagnosticRef = z.infer<typeof diagnosticRefSchema>;

/** A problem or repair found in an input file, with its place in that file. */
export const diagnosticSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  severity: severitySchema,
  message: z.string(),
  ruleId: ruleIdSchema,
  /** The problem this one is a consequence of (content left out because a heading was renamed): fix that one first. */
  cause: diagnosticRefSchema.optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const publicationSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Where it is published (出版地), as a citation names it. */
  place: z.string().min(1),
});
export type Publication = z.infer<typeof publicationSchema>;

/** One way to reach an office: the footer masthead has two of them. */
export const contactSchema = z.object({
  name: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

/** The footer masthead printed after `---` at the end of an issue. */
export const mastheadSchema = z.object({
  publisher: contactSchema,
  editorialOffice: contactSchema,
  editors: z.array(z.string()),
});
export type Masthead = z.infer<typeof mastheadSchema>;

/** A block of an article body, in reading order. */
export const blockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string(), anchor: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
]);
export type Block = z.infer<typeof blockSchema>;

export const headingSchema = z.object({ text: z.string(), anchor: z.string() });
export type Heading = z.infer<typeof headingSchema>;

export const articleSchema = z.object({
  /** Stable ASCII id, unique in the archive: `<cumulative>-<slug>`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** ASCII slug, unique within its issue. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** The 供稿 attribution without brackets, or null when the article has none. */
  source: z.string().nullable(),
  headings: z.array(headingSchema),
  /** Canonical short names of the national high-tech zones named in title or body. */
  parks: z.array(z.string()),
  /** For each of `parks`, the form the article first names it by (佛山国家高新区, 光谷): what a search result shows. */
  parkForms: z.array(z.object({ park: z.string(), form: z.string() })),
  /** Plain text of the body, paragraphs separated by a blank line (subheadings excluded). */
  text: z.string(),
  blocks: z.array(blockSchema),
  /** Body HTML from remark-rehype + rehype-stringify; never contains raw HTML from the seed. */
  html: z.string(),
  /** Line of the article's title heading in the seed. */
  line: z.number().int().min(1),
});
export type Article = z.infer<typeof articleSchema>;

/** A column of an issue. Its URL slug is the archive's to give (one per title across all issues), not the issue's: see src/pages/titles.ts. */
export const sectionSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().nullable(),
  articles: z.array(articleSchema),
});
export type Section = z.infer<typeof sectionSchema>;

export const issueSchema = z.object({
  publication: publicationSchema,
  year: z.number().int().min(1900).max(2200),
  number: z.number().int().min(1),
  cumulative: z.number().int().min(1),
  /** ISO date `YYYY-MM-DD`. */
  date: z.string().regex(ISO_DATE),
  /** Issue label as printed, e.g. `2022年第20期(总第549期)`. */
  title: z.string(),
  sections: z.array(sectionSchema),
  masthead: mastheadSchema.nullable(),
  /** Path of the seed this issue came from, relative to the working directory. */
  sourceFile: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

/** A national high-tech zone from the gazetteer. */
export const parkSchema = z.object({
  fullName: z.string(),
  shortName: z.string(),
  province: z.string(),
  provinceEn: z.string(),
  placeEn: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
});
export type Park = z.infer<typeof parkSchema>;

/**
 * Values keyed by titles. Not z.record, which drops a `__proto__` key
 * without a word: every key is kept, as its own property.
 */
function titleRecord<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, unknown>>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), 'expected titles as `title: { … }` entries')
    .transform((input, ctx) =>
      recordOf(
        Object.entries(input).flatMap(([key, raw]): [string, z.output<T>][] => {
          const parsed = value.safeParse(raw);
          if (parsed.success) return [[key, parsed.data]];
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
          return [];
        }),
      ),
    );
}

/** English titles for one issue, read from a translation seed's front matter. Look titles up with ownEntry. */
export const translationSchema = z.object({
  cumulative: z.number().int().min(1),
  lang: z.literal('en'),
  sections: titleRecord(z.object({ title: z.string(), subtitle: z.string().nullable().optional() })).default({}),
  articles: titleRecord(z.object({ title: z.string(), summary: z.string().optional() })).default({}),
});
export type Translation = z.infer<typeof translationSchema>;
