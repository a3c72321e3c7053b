/**
 * Folding for comparing titles: the table of contents and the headings of an
 * issue spell the same title with different spaces and punctuation widths.
 */
const FULL_TO_HALF = new Map(Object.entries({
  '：': ':', '，': ',', '；': ';', '（': '(', '）': ')', '？': '?', '！': '!',
  '“': '"', '”': '"', '‘': "'", '’': "'", '　': ' ', '—': '-', '－': '-', '、': ',', '。': '.',
}));

export function foldTitle(title: string): string {
  let folded = '';
  for (const char of title.normalize('NFKC')) {
    const half = FULL_TO_HALF.get(char) ?? char;
    if (/\s/u.test(half)) continue;
    folded += half.toLowerCase();
  }
  return folded;
}
