/**
 * The opening of a text as a summary of at most `max` characters (code
 * points, the ellipsis included), on one line. A text that fits is returned
 * whole. A longer one ends at the last sentence end that keeps at least half
 * of the room, else at the last word boundary (Chinese words as ICU's
 * dictionary segments them, so no word is cut in two), followed by "…".
 */
const SENTENCE_END = /[。！？!?.]$/u;
const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if ([...flat].length <= max) return flat;
  const room = max - ELLIPSIS.length;
  let taken = '';
  let lastWordEnd = '';
  let lastSentenceEnd = '';
  for (const { segment } of segmenter.segment(flat)) {
    const next = taken + segment;
    if ([...next].length > room) break;
    taken = next;
    lastWordEnd = taken;
    if (SENTENCE_END.test(taken)) lastSentenceEnd = taken;
  }
  if ([...lastSentenceEnd].length >= room / 2) return `${lastSentenceEnd.trimEnd()}${ELLIPSIS}`;
  const words = lastWordEnd.trimEnd().replace(/[，、：；,:;（(“"‘'《]+$/u, '');
  // A first "word" longer than the room (a long URL, say) is cut at the room.
  return `${words === '' ? [...flat].slice(0, room).join('') : words}${ELLIPSIS}`;
}
