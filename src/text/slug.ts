import { pinyin } from 'pinyin-pro';

const MAX_SYLLABLES = 8;

/**
 * An ASCII slug from Chinese text: one pinyin syllable per Han character,
 * Latin words and numbers kept, at most eight syllables so URLs stay short.
 */
export function slugify(text: string, maxSyllables = MAX_SYLLABLES): string {
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = parts
    .flatMap((part) => part.normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/u))
    .filter((word) => word.length > 0)
    .slice(0, maxSyllables);
  return words.join('-') || 'untitled';
}

/** Makes slugs (by default pinyin ones) unique within one scope by appending -2, -3, … to repeats and to reserved names. */
export function createSlugger(reserved: readonly string[] = [], slugOf: (text: string) => string = slugify): (text: string) => string {
  const used = new Set<string>(reserved);
  const nextSuffix = new Map<string, number>();
  return (text) => {
    const base = slugOf(text);
    let suffix = nextSuffix.get(base) ?? 1;
    let slug = suffix === 1 ? base : `${base}-${suffix}`;
    while (used.has(slug)) slug = `${base}-${++suffix}`;
    nextSuffix.set(base, suffix + 1);
    used.add(slug);
    return slug;
  };
}
