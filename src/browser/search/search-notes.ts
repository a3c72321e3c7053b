/**
 * What the page says besides the results: the form it searched when it
 * folded the query ("显示 江门高新区 的结果"), the searches a query that found
 * nothing may have meant, each a link that runs it, and the guide (examples,
 * the zone list) for a query with nothing to search.
 */
export interface NotesParts {
  doc: Document;
  notes: HTMLElement;
  guide: HTMLElement | null;
  say: (key: string, values?: Record<string, string | number>) => string;
  /** The page's URL for a search of `query`. */
  hrefFor: (query: string) => string;
  /** Runs a search the reader chose from a note. */
  searchFor: (query: string) => void;
}

const HOLE = '\u0000';
const HAN = /\p{Script=Han}/u;

/** A message with the query put in its place, marked as Chinese when it is (on either page). */
function withQuery(message: string, query: string, doc?: Document): (string | Node)[] {
  const [before = '', after = ''] = message.split(HOLE);
  if (!doc || !HAN.test(query)) return [before, query, after];
  const span = doc.createElement('span');
  span.lang = 'zh-CN';
  span.textContent = query;
  return [before, span, after];
}

export function searchNotes({ doc, notes, guide, say, hrefFor, searchFor }: NotesParts) {
  const line = (className: string, ...content: (string | Node)[]) => {
    const p = doc.createElement('p');
    p.className = className;
    p.append(...content);
    return p;
  };
  const link = (query: string) => {
    const a = doc.createElement('a');
    a.href = hrefFor(query);
    a.textContent = query;
    if (HAN.test(query)) a.lang = 'zh-CN';
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      searchFor(query);
    });
    return a;
  };
  return {
    /** Shows the guide, and nothing else, for a query with nothing to search. */
    guide() {
      notes.replaceChildren();
      if (guide) guide.hidden = false;
    },
    show({ searchedAs, nearMisses }: { searchedAs: string | null; nearMisses: readonly string[] }) {
      if (guide) guide.hidden = true;
      const shown: HTMLElement[] = [];
      if (searchedAs !== null) shown.push(line('search-note', ...withQuery(say('search.searchedAs', { query: HOLE }), searchedAs, doc)));
      if (nearMisses.length > 0) {
        const links = nearMisses.flatMap((query, i) => (i === 0 ? [link(query)] : [say('search.exampleSeparator'), link(query)]));
        const lead = say('search.didYouMean');
        // A space after an ASCII colon (Did you mean:), none after a full-width one (您是不是要找：).
        shown.push(line('search-note search-note--near', /[!-~]$/u.test(lead) ? `${lead} ` : lead, ...links));
      }
      notes.replaceChildren(...shown);
    },
  };
}
