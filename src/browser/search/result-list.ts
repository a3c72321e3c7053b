import type { PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { renderResult, type Highlight, type ResultContext } from './result-item.ts';

/** What to mark in a result, and why it is there. */
export type Describe = (result: PagefindResult, data: PagefindResultData) => Highlight;

/**
 * The result list, a page of results at a time, with a button for more.
 * `show` returns false when a newer search replaced this one meanwhile.
 */
export function resultList(list: HTMLElement, context: ResultContext, pageSize: number, moreLabel: (count: number) => string) {
  let shown = 0;
  let results: PagefindResult[] = [];
  let describe: Describe = () => ({ phrases: [], note: null });
  let more: HTMLButtonElement | null = null;
  let generation = 0;

  const removeMore = () => {
    more?.remove();
    more = null;
  };
  const showPage = async (mine: number, reset: boolean): Promise<boolean> => {
    const from = reset ? 0 : shown;
    const slice = results.slice(from, from + pageSize);
    const items = await Promise.all(
      slice.map(async (result) => {
        const data = await result.data();
        return renderResult(data, describe(result, data), context);
      }),
    );
    if (mine !== generation) return false;
    if (reset) list.replaceChildren(...items);
    else list.append(...items);
    shown = from + slice.length;
    removeMore();
    if (shown < results.length) {
      const button = context.doc.createElement('button');
      button.type = 'button';
      button.className = 'search-more';
      button.textContent = moreLabel(Math.min(pageSize, results.length - shown));
      button.addEventListener('click', async () => {
        button.disabled = true;
        const first = shown;
        if (await showPage(generation, false)) list.children[first]?.querySelector('a')?.focus();
      });
      list.after(button);
      more = button;
    }
    return true;
  };
  return {
    /** Shows the first page of new results in place of the old list. */
    show(next: PagefindResult[], nextDescribe: Describe): Promise<boolean> {
      results = next;
      describe = nextDescribe;
      return showPage(++generation, true);
    },
    clear() {
      generation++;
      results = [];
      list.replaceChildren();
      removeMore();
    },
  };
}
