import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';

const MAX_SYLLABLES = 8;
/**
 * The longest slug, in bytes (slugs are ASCII). File systems allow 255 bytes
 * a name; well under that, so that a whole path (`en/issues/549/<slug>/citation.json`)
 * stays short too.
 */
export const MAX_SLUG_LENGTH = 80;
const HASH_LENGTH = 8;

/**
 * Names Windows keeps for devices, whatever the case and even with an
 * extension (`con.txt`): a folder so named cannot be checked out or copied there.
 */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/iu;

/**
 * Whether every common file system can hold `name` as a file or folder name:
 * at most 255 bytes, not a Windows device name, not ending in a dot or a space.
 */
export function isPortableName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && Buffer.byteLength(name, 'utf8') <= 255 && !DEVICE_NAME.test(name) && !/[. ]$/u.test(name) && !/[/\\\0]/u.test(name);
}

/**
 * A slug (`[a-z0-9-]`) that every file system can hold as a folder name,
 * changed only where it must be, so that existing URLs stay: a device name
 * gets `-1` (`con` → `con-1`), and one longer than MAX_SLUG_LENGTH is cut at
 * a word and ends in a digest of the whole, so two long titles that begin
 * alike still get two slugs, the same ones at every build.
 */
export function portableSlug(slug: string): string {
  if (slug.length > MAX_SLUG_LENGTH) {
    const digest = createHash('sha256').update(slug).digest('hex').slice(0, HASH_LENGTH);
    const room = MAX_SLUG_LENGTH - HASH_LENGTH - 1;
    const cut = slug.slice(0, room);
    const atWord = cut.lastIndexOf('-') > room / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut;
    return `${atWord.replace(/-+$/u, '')}-${digest}`;
  }
  return DEVICE_NAME.test(slug) ? `${slug}-1` : slug;
}

/**
 * An ASCII slug from Chinese text: one pinyin syllable per Han character,
 * Latin words and numbers kept, at most eight syllables so URLs stay short;
 * always a name every file system can hold (see portableSlug).
 */
export function slugify(text: string, maxSyllables = MAX_SYLLABLES): string {
  const parts = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = parts
    .flatMap((part) => part.normalize('NFKD').toLowerCase().split(/[^a-z0-9]+/u))
    .filter((word) => word.length > 0)
    .slice(0, maxSyllables);
  return portableSlug(words.join('-') || 'untitled');
}

/** Makes slugs (by default pinyin ones) unique within one scope by appending -2, -3, … to repeats and to reserved names; each one portable (see portableSlug). */
export function createSlugger(reserved: readonly string[] = [], slugOf: (text: string) => string = slugify): (text: string) => string {
  const used = new Set<string>(reserved);
  const nextSuffix = new Map<string, number>();
  return (text) => {
    const base = portableSlug(slugOf(text));
    let suffix = nextSuffix.get(base) ?? 1;
    let slug = suffix === 1 ? base : `${base}-${suffix}`;
    while (used.has(slug)) slug = `${base}-${++suffix}`;
    nextSuffix.set(base, suffix + 1);
    used.add(slug);
    return slug;
  };
}
