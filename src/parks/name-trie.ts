/** Finding known names in text: a trie over the name forms, walked by UTF-16 code unit. */
import type { ParkMention } from './park-scan.ts';

/** Children by UTF-16 code unit: numbers, so that walking the text makes no strings. */
interface TrieNode {
  children: Map<number, TrieNode>;
  park?: string;
}

export function buildTrie(forms: ReadonlyMap<string, string>): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const [form, park] of forms) {
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
    node.park = park;
  }
  return root;
}

/** Leftmost-longest matches; each position walks the trie at most as deep as the longest form. */
export function findKnown(text: string, root: TrieNode): ParkMention[] {
  const mentions: ParkMention[] = [];
  let i = 0;
  while (i < text.length) {
    let node: TrieNode | undefined = root;
    let match: { end: number; park: string } | null = null;
    for (let j = i; j < text.length; j++) {
      node = node.children.get(text.charCodeAt(j));
      if (node === undefined) break;
      if (node.park !== undefined) match = { end: j + 1, park: node.park };
    }
    if (match === null) {
      i++;
      continue;
    }
    mentions.push({ park: match.park, start: i, end: match.end, form: text.slice(i, match.end) });
    i = match.end;
  }
  return mentions;
}
