/**
 * The site's public address (Hugo's `baseURL`, Astro's `site`), set once for
 * `build` and `serve`: `--base-url`, else the environment, else the project's
 * config file, else the local default. Checked here, before a command starts
 * anything, so that an address the build cannot use fails at once.
 */
import { readProjectConfig } from './project-config.ts';
import { UsageError } from './usage-error.ts';

export const DEFAULT_BASE_URL = 'http://localhost:8080/';
export const BASE_URL_ENV = 'BULLETIN_BASE_URL';
export const CONFIG_FILE = 'bulletin.config.json';

export interface SiteAddress {
  /** Absolute http(s) URL ending in `/`. */
  baseUrl: string;
  /** Where it was set, as the user would name it; null for the default. */
  setBy: string | null;
}

const EXPECTED = 'an absolute http:// or https:// URL such as https://example.org/archive/';

/**
 * The address `value` names, ending in `/`; throws a UsageError naming
 * `setting` and what is wrong. A user name or password is refused (it would be
 * printed into every page) and never repeated in the message.
 */
export function checkBaseUrl(value: string, setting: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  const refuse = (why: string, shown = value): never => {
    throw new UsageError(`${setting} expects ${EXPECTED}, got ${JSON.stringify(shown)}: ${why}`, { usage: setting.startsWith('--') });
  };
  if (!url) return refuse(value.trim() === '' ? 'it is empty' : 'it is not an absolute URL');
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
    return refuse('it holds a user name or password, which would be printed into every page; give the address without them', url.href.replace('//', '//…@'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`it uses ${url.protocol}`);
  if (!url.hostname) return refuse('it names no host');
  if (url.search || url.hash) return refuse('a site address has no query (?…) or fragment (#…)');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * The address to build for, and where it was set; throws a UsageError for an
 * unusable one. Every place that is set is checked, the ones overridden too:
 * a mistake in the config file shows the day the option is left off, not only
 * then.
 */
export function resolveSiteAddress(option: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): SiteAddress {
  const config = readProjectConfig(cwd, CONFIG_FILE);
  // An empty variable is an unset one, as a shell's `VAR= command` means.
  const fromEnv = env[BASE_URL_ENV] || undefined;
  const settings = [
    { value: option, name: '--base-url' },
    { value: fromEnv, name: BASE_URL_ENV },
    { value: config?.settings.baseUrl, name: `"baseUrl" in ${config?.path}`, setBy: config?.path },
  ];
  const checked = settings.flatMap(({ value, name, setBy }) => (value === undefined ? [] : [{ baseUrl: checkBaseUrl(value, name), setBy: setBy ?? name }]));
  return checked[0] ?? { baseUrl: DEFAULT_BASE_URL, setBy: null };
}

/** What a build that fell back to the default says, with the three ways to set the address. */
export function defaultAddressNote(): string {
  return (
    `Note: no site address is set, so ${DEFAULT_BASE_URL} is in the canonical links, the sitemap, the feeds and the citations of this build.\n` +
    `Before deploying, set the address the site will have, in one of three ways:\n` +
    `  ${CONFIG_FILE} in this folder: { "baseUrl": "https://example.org/archive/" }\n` +
    `  the environment: ${BASE_URL_ENV}=https://example.org/archive/ npm run build\n` +
    `  the option: npx bulletin build --base-url https://example.org/archive/`
  );
}
