import type { Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import { startOf } from './mdast-text.ts';

const SAFE_URL = /^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))/iu;

export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

/**
 * Content is data: raw HTML becomes visible text, links keep only http(s),
 * mailto and relative targets, and remote images become plain links, each
 * with a warning. Nothing from a seed reaches a page as markup.
 */
export function remarkBulletinContentSafety() {
  return (tree: Root, file: VFile) => {
    const visit = (parent: Parent) => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        const node = child as RootContent;
        if (node.type === 'html') {
          report(file, 'warning', 'raw-html', `Unexpected raw HTML \`${truncate(node.value)}\`, expected Markdown; it is shown as text`, startOf(node));
          const text = { type: 'text' as const, value: node.value, position: node.position };
          const blockParent = ['root', 'blockquote', 'listItem', 'footnoteDefinition'].includes(parent.type);
          return [blockParent ? { type: 'paragraph', children: [text], position: node.position } : text] as RootContent[];
        }
        if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
          report(file, 'warning', 'link-unsafe', `Unexpected link target \`${truncate(node.url)}\`, expected http(s), mailto or a relative address; the link is removed`, startOf(node));
          if (node.type === 'definition') return [];
          visit(node);
          return node.children;
        }
        if (node.type === 'image' || node.type === 'imageReference') {
          const url = node.type === 'image' ? node.url : '';
          report(file, 'warning', 'image-unsupported', `Unexpected image \`${truncate(url || node.alt || '')}\`, expected text; it is kept as a link to the image`, startOf(node));
          const label = node.alt || url;
          if (node.type === 'image' && isSafeUrl(url) && url) return [{ type: 'link', url, children: [{ type: 'text', value: label }], position: node.position }];
          return label ? [{ type: 'text', value: label, position: node.position }] : [];
        }
        if ('children' in node) visit(node as Parent);
        return [node];
      }) as Parent['children'];
    };
    visit(tree);
    for (const definition of file.data.footnotes?.definitions.values() ?? []) visit(definition);
  };
}

function truncate(value: string): string {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}
