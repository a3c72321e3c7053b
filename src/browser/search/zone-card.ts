import type { ZoneEntry } from '../../parks/zone-query.ts';

export interface ZoneCardContext {
  doc: Document;
  english: boolean;
  /** `/parks/` in the page's language. */
  parksPath: string;
  say: (key: string, values?: Record<string, string | number>) => string;
}

/** The zone a query names, at the top of its results: its name, full name, province, articles and page, or that no article names it yet. */
export function showZoneCard(container: HTMLElement, zone: ZoneEntry | null, { doc, english, parksPath, say }: ZoneCardContext): void {
  if (!zone) return container.replaceChildren();
  const card = doc.createElement('section');
  card.className = 'zone-card';
  card.setAttribute('aria-labelledby', 'zone-card-title');
  const heading = doc.createElement('h2');
  heading.id = 'zone-card-title';
  heading.className = 'zone-card__title';
  heading.textContent = say('park.zoneName', { zone: english ? zone.placeEn : zone.name });
  if (english) {
    const chinese = doc.createElement('span');
    chinese.lang = 'zh-CN';
    chinese.textContent = ` ${zone.name}`;
    heading.append(chinese);
  }
  const facts = doc.createElement('p');
  facts.className = 'zone-card__facts';
  const full = doc.createElement('span');
  full.lang = 'zh-CN';
  full.textContent = zone.fullName;
  facts.append(full, ` · ${english ? zone.provinceEn : zone.province}`);
  const link = doc.createElement('a');
  const more = doc.createElement('p');
  more.className = 'zone-card__link';
  if (zone.page === null) {
    // A zone of the gazetteer that no article names yet: said, with the list of the zones that have articles.
    link.href = parksPath;
    link.textContent = say('search.zoneList');
    more.append(`${say('search.zoneNoArticles')} · `, link);
  } else {
    link.href = `${parksPath}${zone.page}/`;
    link.textContent = `${say('search.zoneArticles', { count: zone.articles })} · ${say('search.zonePage')}`;
    more.append(link);
  }
  card.append(heading, facts, more);
  container.replaceChildren(card);
}
