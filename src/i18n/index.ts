import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import { formatMessage } from './messages.ts';

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
  return formatMessage(dictionaries[lang], key, values);
}

/** The path prefix of a language: Chinese at the root, English under `/en/`. */
export function langPrefix(lang: Lang): string {
  return lang === DEFAULT_LANG ? '/' : '/en/';
}
