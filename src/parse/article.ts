import type { RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { Article, Block } from '../model/records.ts';
import { loadGazetteer } from '../parks/gazetteer.ts';
import { createParkMatcher, parksNamed, type ParkMatcher } from '../parks/park-matcher.ts';
import { createSlugger } from '../text/slug.ts';
import { report } from './diagnostics.ts';
import { notesOf } from './footnotes.ts';
import { nodeText, startOf } from './mdast-text.ts';
import { renderBodyHtml } from './render-html.ts';
import { takeSource } from './source.ts';
import type { RawArticle } from './split.ts';

let matcher: ParkMatcher | undefined;
const parkMatcher = () => (matcher ??= createParkMatcher(loadGazetteer()));

/** One article's record: its source, subheadings, parks, plain text and HTML, with the notes it refers to after the body. */
export function buildArticle(raw: RawArticle, cumulative: number, articleSlug: (text: string) => string, file: VFile): Article {
  const body = [...raw.body];
  const source = takeSource(body);
  if (source === null) report(file, 'warning', 'source-missing', `Missing source for \`${raw.title}\`, expected \`(供稿:单位)\` at the end of the article`, raw.place);
  const anchorSlug = createSlugger();
  const anchors = new Map<RootContent, string>();
  const blocks: Block[] = [];
  for (const node of body) {
    const text = nodeText(node).trim();
    if (!text) continue;
    if (node.type === 'heading') {
      const anchor = anchorSlug(text);
      anchors.set(node, anchor);
      blocks.push({ kind: 'heading', text, anchor });
    } else {
      blocks.push({ kind: 'paragraph', text });
    }
  }
  if (!blocks.some((block) => block.kind === 'paragraph')) report(file, 'warning', 'article-empty', `Unexpected article \`${raw.title}\` without text, expected paragraphs under its title`, raw.place);
  const notes = notesOf(body, file);
  const noteBlocks = notes.flatMap((note) => note.children);
  for (const node of noteBlocks) {
    const text = nodeText(node).trim();
    if (text) blocks.push({ kind: 'paragraph', text });
  }
  const slug = articleSlug(raw.title);
  return {
    id: `${cumulative}-${slug}`,
    slug,
    title: raw.title,
    source,
    headings: blocks.flatMap((block) => (block.kind === 'heading' ? [{ text: block.text, anchor: block.anchor }] : [])),
    parks: findParks(raw, [...body, ...noteBlocks], file),
    text: blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])).join('\n\n'),
    blocks,
    html: renderBodyHtml(body, anchors, notes, slug),
    line: raw.place?.line ?? 1,
  };
}

function findParks(raw: RawArticle, body: readonly RootContent[], file: VFile): string[] {
  const scans = [{ text: raw.title, place: raw.place }, ...body.map((node) => ({ text: nodeText(node), place: startOf(node) }))].map(({ text, place }) => {
    const scan = parkMatcher().find(text);
    for (const unknown of scan.unknown) {
      report(file, 'warning', 'park-unknown', `Unexpected park \`${unknown.name}\`, expected a national high-tech zone from the gazetteer`, place);
    }
    return scan;
  });
  return [...new Set(scans.flatMap(parksNamed))];
}

