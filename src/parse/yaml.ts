import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/** A node of the YAML document as js-yaml composed it: what it became, and where its text starts. */
export interface YamlNode {
  /** Offset of its first character, after the whitespace before it. */
  start: number;
  result: unknown;
  children: YamlNode[];
}

export type YamlResult = { ok: true; value: unknown; root: YamlNode | undefined } | { ok: false; offset: number; reason: string };

/**
 * Loads YAML with the core schema: no timestamps, so `date: 2022-13-45`
 * stays the string it is written as instead of rolling over to 2023-02-14,
 * and no JavaScript types. js-yaml's listener gives each node's start, which
 * is how a problem is placed on the key or tag that causes it.
 */
export function loadYaml(text: string): YamlResult {
  const top: YamlNode = { start: 0, result: undefined, children: [] };
  const open: YamlNode[] = [top];
  try {
    const value = load(text, {
      schema: CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          const node: YamlNode = { start: skipSpace(text, state.position), result: undefined, children: [] };
          open.at(-1)?.children.push(node);
          open.push(node);
        } else {
          const node = open.pop();
          if (node) node.result = state.result;
        }
      },
    });
    return { ok: true, value, root: top.children[0] };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // js-yaml marks an unknown tag where its node ends; the tag itself opens the innermost node still open.
    const offset = error.reason.startsWith('unknown tag') ? (open.at(-1)?.start ?? 0) : error.mark.position;
    return { ok: false, offset: skipSpace(text, offset), reason: error.reason };
  }
}

/**
 * Where the key at the end of `path` is written (or the deepest key of the
 * path that exists), as an offset into the text; 0 when the path names
 * nothing in the document.
 */
export function offsetOfPath(root: YamlNode | undefined, path: readonly PropertyKey[]): number {
  let node = root;
  let offset = 0;
  for (const step of path) {
    if (!node) break;
    if (Array.isArray(node.result)) {
      node = typeof step === 'number' ? node.children[step] : undefined;
      if (node) offset = node.start;
      continue;
    }
    const keyIndex = node.children.findIndex((child, index) => index % 2 === 0 && child.result === step);
    if (keyIndex === -1) break;
    offset = node.children[keyIndex]?.start ?? offset;
    node = node.children[keyIndex + 1];
  }
  return offset;
}

/** Every node whose result is a string (keys and values), for checks on the text they hold. */
export function stringNodes(root: YamlNode | undefined): YamlNode[] {
  const found: YamlNode[] = [];
  const pending = root ? [root] : [];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (typeof node.result === 'string') found.push(node);
    pending.push(...node.children);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** js-yaml's node positions include the whitespace before the node. */
function skipSpace(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && /\s/u.test(text[at] ?? '')) at++;
  return at < text.length ? at : offset;
}
