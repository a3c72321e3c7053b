/**
 * Ctrl+C, `kill` and a closed terminal: the command cleans up synchronously,
 * then ends by the same signal, so that its parent (a shell, npm) sees why
 * it stopped (exit status 128 + the signal's number).
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Aborts `controller` on the first of these signals, then re-raises it; returns a function that stops listening. */
export function abortOnSignals(controller: AbortController): () => void {
  const stop = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    controller.abort(new Error(`Stopped by ${signal}`));
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return stop;
}
