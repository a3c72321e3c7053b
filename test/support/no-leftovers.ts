/**
 * Global setup of both test projects: every test makes its temporary folders
 * as `<tmp>/bulletin-*` and removes them; a run that leaves one behind fails,
 * naming it.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ours = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('bulletin-')));

export default function setup(): () => void {
  const before = ours();
  return () => {
    const left = [...ours()].filter((name) => !before.has(name));
    if (left.length === 0) return;
    // A teardown that throws is only logged: the exit code says it.
    console.error(`Tests left temporary folders in ${tmpdir()}: ${left.join(', ')}`);
    process.exitCode = 1;
  };
}
