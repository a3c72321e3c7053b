/**
 * Ctrl+C, `kill` and a closed terminal: the command cleans up, then ends by
 * the same signal, so that its parent (a shell, npm) sees why it stopped
 * (exit status 128 + the signal's number). A second signal during the clean-up
 * ends it at once.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Clean-up that takes longer than this is cut short. */
const CLEANUP_MS = 3_000;

/** Runs `cleanUp` on the first of these signals, then re-raises it; returns a function that stops listening. */
export function onInterrupt(cleanUp: (signal: NodeJS.Signals) => void | Promise<void>): () => void {
  const stop = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    let cleaning: void | Promise<void>;
    try {
      cleaning = cleanUp(signal);
    } catch {
      cleaning = undefined;
    }
    // A clean-up that is done at once ends the process at once: the event
    // loop must not turn again, or work still running (Eleventy writing a
    // page) would make folders the clean-up has just removed.
    if (!(cleaning instanceof Promise)) return void process.kill(process.pid, signal);
    const deadline = new Promise((resolve) => setTimeout(resolve, CLEANUP_MS).unref());
    void Promise.race([cleaning.catch(() => undefined), deadline]).then(() => process.kill(process.pid, signal));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return stop;
}
