import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Record<MessageKey, string>;

const dictionaries: Record<Lang, Dictionary> = { 'zh-CN': zhCN, en };

export function dictionary(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** A UI string with `{name}` placeholders filled in; a count of one uses the key's `.one` form where there is one. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const singular = `${key}.one`;
  const chosen = values.count === 1 && singular in dictionaries[lang] ? (singular as MessageKey) : key;
  return dictionaries[lang][chosen].replace(/\{(\w+)\}/gu, (whole, name: string) => String(values[name] ?? whole));
}

/** The path prefix of a language: Chinese at the root, English under `/en/`. */
export function langPrefix(lang: Lang): string {
  return lang === DEFAULT_LANG ? '/' : '/en/';
}
