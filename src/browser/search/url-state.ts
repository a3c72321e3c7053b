/** The search form and the page's URL (`?q=…&park=…`) kept in step, with a history entry per query. */
export interface SearchState {
  q: string;
  filters: Record<string, string[]>;
}

/** Debounced URL writes closer together than this belong to one query being typed (one history entry). */
const TYPING_BURST_MS = 1000;

type Control = HTMLInputElement | HTMLSelectElement;

function filterControls(form: HTMLFormElement): Control[] {
  return (Array.from(form.elements) as Control[]).filter((element) => element.name && element.name !== 'q' && !['submit', 'button', 'reset'].includes(element.type));
}

export function readForm(form: HTMLFormElement): SearchState {
  const filters: Record<string, string[]> = {};
  for (const control of filterControls(form)) {
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio') && !control.checked) continue;
    const values = control instanceof HTMLSelectElement && control.multiple ? Array.from(control.selectedOptions, (option) => option.value) : [control.value];
    for (const value of values) if (value !== '') (filters[control.name] ??= []).push(value);
  }
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  return { q: input?.value ?? '', filters };
}

export function writeForm(form: HTMLFormElement, { q, filters }: SearchState): void {
  const input = form.elements.namedItem('q') as HTMLInputElement | null;
  if (input) input.value = q;
  for (const control of filterControls(form)) {
    const values = filters[control.name] ?? [];
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) control.checked = values.includes(control.value);
    else if (control instanceof HTMLSelectElement) for (const option of control.options) option.selected = values.includes(option.value);
    else control.value = values[0] ?? '';
  }
}

export function hasQuery(state: SearchState): boolean {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}

export function fromLocation(form: HTMLFormElement, location: Location): SearchState {
  const params = new URLSearchParams(location.search);
  const names = new Set(filterControls(form).map((control) => control.name));
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) if (names.has(key) && value !== '') (filters[key] ??= []).push(value);
  return { q: params.get('q') ?? '', filters };
}

function toParams({ q, filters }: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (q.trim() !== '') params.set('q', q.trim());
  for (const [key, values] of Object.entries(filters)) for (const value of values) params.append(key, value);
  return params;
}

/**
 * Writes states into the URL. A query the reader typed gets its own history
 * entry, so that Back returns to the previous query; keystrokes of one burst
 * of typing share one entry, replaced as the query grows; an empty search
 * page is replaced rather than kept.
 */
export function urlWriter(win: Window, form: HTMLFormElement) {
  let lastTyped = -Infinity;
  const write = (state: SearchState, push: boolean) => {
    const params = toParams(state).toString();
    const { pathname, search, hash } = win.location;
    const url = `${pathname}${params ? `?${params}` : ''}${hash}`;
    if (url === `${pathname}${search}${hash}`) return;
    if (push) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };
  return {
    /** A state reached by typing: a new entry only when a new burst of typing starts. */
    typed(state: SearchState) {
      const at = win.performance.now();
      write(state, at - lastTyped > TYPING_BURST_MS && hasQuery(fromLocation(form, win.location)));
      lastTyped = at;
    },
    /** A state the reader asked for at once (Enter, a filter): an entry of its own. */
    submitted(state: SearchState, push = true) {
      lastTyped = -Infinity;
      write(state, push);
    },
    /** Back or Forward: the next typing starts a new entry. */
    restored() {
      lastTyped = -Infinity;
    },
  };
}
