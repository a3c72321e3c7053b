/**
 * Zone suggestions under the search box: a combobox with a listbox popup, as
 * the WAI-ARIA Authoring Practices describe it. Down and Up move through the
 * zones (the box keeps the focus, `aria-activedescendant` names the one
 * shown as chosen), Enter or a click chooses one, Escape closes the list.
 */
import type { ZoneEntry, ZoneIndex } from '../../parks/zone-query.ts';
import { needsSimplifying } from '../../text/simplify-needed.ts';

export interface SuggestionParts {
  doc: Document;
  input: HTMLInputElement;
  listbox: HTMLElement;
  loadZones: () => Promise<ZoneIndex>;
  /** The typed text in simplified characters: suggestions for 東湖 are those for 东湖. */
  simplify: (text: string) => Promise<string>;
  english: boolean;
  say: (key: string, values?: Record<string, string | number>) => string;
  /** The reader chose a zone: search for it. */
  choose: (zone: ZoneEntry) => void;
}

/** `佛山高新区 · 广东 · 2 篇`, or `Foshan (佛山高新区) · Guangdong · 2 articles` with the Chinese name marked as such. */
function optionLabel(doc: Document, zone: ZoneEntry, english: boolean, say: SuggestionParts['say']): (string | Node)[] {
  const count = say('search.suggestionArticles', { count: zone.articles });
  if (!english) return [`${zone.name} · ${zone.province} · ${count}`];
  const chinese = doc.createElement('span');
  chinese.lang = 'zh-CN';
  chinese.textContent = zone.name;
  return [`${zone.placeEn} (`, chinese, `) · ${zone.provinceEn} · ${count}`];
}

function optionFor(doc: Document, id: string, label: (string | Node)[], pick: () => void): HTMLLIElement {
  const option = doc.createElement('li');
  option.id = id;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.append(...label);
  // Chosen before the box loses focus to the click.
  option.addEventListener('mousedown', (event) => {
    event.preventDefault();
    pick();
  });
  return option;
}

export function wireSuggestions({ doc, input, listbox, loadZones, simplify, english, say, choose }: SuggestionParts): void {
  let shown: ZoneEntry[] = [];
  let active = -1;
  let zones: ZoneIndex | null = null;
  // Roles only where the script makes them true: without it, the box is a plain search box.
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', listbox.dataset.label ?? '');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');

  const mark = (index: number) => {
    active = index;
    [...listbox.children].forEach((option, at) => option.setAttribute('aria-selected', String(at === index)));
    const option = listbox.children[index];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    shown = [];
    listbox.replaceChildren();
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    mark(-1);
  };
  const pick = (zone: ZoneEntry) => {
    close();
    // The interface's language stays in the box: Foshan on the English page, which names the zone as 佛山高新区 does.
    input.value = english ? zone.placeEn : zone.name;
    choose(zone);
  };
  const open = (found: ZoneEntry[]) => {
    shown = found;
    listbox.replaceChildren(...found.map((zone, index) => optionFor(doc, `${listbox.id}-${index}`, optionLabel(doc, zone, english, say), () => pick(zone))));
    listbox.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    mark(-1);
  };
  let asked = 0;
  const update = () => {
    const typed = input.value;
    const mine = ++asked;
    // Synchronous when the zones are loaded and nothing is to fold: a suggestion follows the keystroke at once.
    if (zones && !needsSimplifying(typed)) return open(zones.suggest(typed));
    void Promise.all([zones ?? loadZones(), simplify(typed)]).then(([loaded, folded]) => {
      zones = loaded;
      if (mine === asked && doc.activeElement === input) open(loaded.suggest(folded));
    }, close);
  };

  input.addEventListener('input', (event) => {
    if (!(event as InputEvent).isComposing) update();
  });
  input.addEventListener('compositionend', update);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (shown.length === 0) return update();
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : shown.length - 1;
      mark((active + step) % shown.length);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      const zone = shown[active];
      if (zone) pick(zone);
    } else if (event.key === 'Escape' && shown.length > 0) {
      event.preventDefault();
      close();
    }
  });
}
