/**
 * A mistake in how a command was called or configured: reported with exit
 * code 2, before anything is started. `usage` says whether the command's usage
 * helps (a bad option) or not (a bad config file or environment variable).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly usage: boolean;

  constructor(message: string, { usage = true } = {}) {
    super(message);
    this.usage = usage;
  }
}
