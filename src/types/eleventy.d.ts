declare module '@11ty/eleventy' {
  /** The part of Eleventy's configuration API this project uses. */
  export interface UserConfig {
    globalData: Record<string, unknown>;
    addGlobalData(name: string, value: unknown): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setTemplateFormats(formats: string[]): void;
  }
  interface EleventyOptions {
    /** A configuration file, or false to read none. */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    /** Runs before the configuration file, with the same configuration API. */
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}
