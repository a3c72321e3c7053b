/**
 * The opening of a text as a summary of at most `max` characters (code
 * points, the ellipsis included), on one line. A text that fits is returned
 * whole. A longer one ends at the last sentence end that keeps at least half
 * of the room, else at the last word boundary before the room runs out
 * (Chinese words as ICU's dictionary segments them, so no word is cut in
 * two), followed by "…".
 */
const SENTENCE_ENDS = new Set(['。', '！', '？', '!', '?', '.']);
/** ASCII `.`, `!`, `?` end a sentence only before white space: `436.99` does not. */
const ASCII_ENDS = new Set(['!', '?', '.']);
const DANGLING = /[\s，、：；,:;（(“"‘'《]+$/u;
const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function excerpt(text: string, max: number): string {
  // Only the opening matters: no more of a long text is flattened than could be kept (2 code units per character at most).
  const opening = text.slice(0, max * 2 + 16);
  const flat = opening.replace(/\s+/gu, ' ').trim();
  const characters = [...flat];
  if (characters.length <= max) {
    if (opening.length === text.length) return flat;
    // White space shrank the opening: look at the whole text, flattened (its opening then holds more than `max` characters, or all of it).
    return excerpt(text.replace(/\s+/gu, ' ').trim(), max);
  }
  const room = max - ELLIPSIS.length;
  const kept = characters.slice(0, room).join('');
  let sentenceEnd = -1;
  characters.slice(0, room).forEach((char, index) => {
    const ends = SENTENCE_ENDS.has(char) && (!ASCII_ENDS.has(char) || characters[index + 1] === ' ');
    if (ends && index + 1 >= room / 2) sentenceEnd = index + 1;
  });
  if (sentenceEnd > 0) return `${characters.slice(0, sentenceEnd).join('')}${ELLIPSIS}`;
  // The segment holding the first character left out: if it began before the cut, the cut was inside a word.
  const next = segmenter.segment(flat).containing(kept.length);
  const cut = next && next.index < kept.length ? next.index : kept.length;
  const words = flat.slice(0, cut).replace(DANGLING, '');
  // A first "word" longer than the room (a long URL, say) is cut at the room.
  return `${words === '' ? kept : words}${ELLIPSIS}`;
}
