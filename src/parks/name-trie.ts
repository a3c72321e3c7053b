/** Finding known names in text: a trie over the name forms, walked by UTF-16 code unit. */
import type { AliasRule } from './aliases.ts';
import type { ParkMention } from './park-scan.ts';

/** What a name form stands for, and when a mention of it counts. */
export interface NameEntry {
  park: string;
  rule: AliasRule;
}

/** Children by UTF-16 code unit: numbers, so that walking the text makes no strings. */
interface TrieNode {
  children: Map<number, TrieNode>;
  entry?: NameEntry;
}

/** How far around an alias its context words are looked for: Han characters, up to the nearest punctuation or space. */
const CONTEXT_WINDOW = 6;
const HAN = /\p{Script=Han}/u;

export function buildTrie(forms: ReadonlyMap<string, NameEntry>): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const [form, entry] of forms) {
    let node = root;
    for (let k = 0; k < form.length; k++) {
      const unit = form.charCodeAt(k);
      let child = node.children.get(unit);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.entry = entry;
  }
  return root;
}

function hasContext(text: string, start: number, end: number, words: readonly string[]): boolean {
  let from = start;
  while (from > 0 && start - from < CONTEXT_WINDOW && HAN.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT_WINDOW && HAN.test(text[to] ?? '')) to++;
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  return words.some((word) => before.includes(word) || after.includes(word));
}

/**
 * Leftmost-longest matches; each position walks the trie at most as deep as
 * the longest form. A decoy phrase takes its text and names nothing; an
 * alias without its context names nothing, and the scan goes on inside it.
 */
export function findKnown(text: string, root: TrieNode): ParkMention[] {
  const mentions: ParkMention[] = [];
  let i = 0;
  while (i < text.length) {
    let node: TrieNode | undefined = root;
    let match: { end: number; entry: NameEntry } | null = null;
    for (let j = i; j < text.length; j++) {
      node = node.children.get(text.charCodeAt(j));
      if (node === undefined) break;
      if (node.entry !== undefined) match = { end: j + 1, entry: node.entry };
    }
    const { rule } = match?.entry ?? {};
    if (match === null || (rule?.kind === 'context' && !hasContext(text, i, match.end, rule.words))) {
      i++;
      continue;
    }
    if (rule?.kind !== 'never') mentions.push({ park: match.entry.park, start: i, end: match.end, form: text.slice(i, match.end) });
    i = match.end;
  }
  return mentions;
}
