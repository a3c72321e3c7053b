import { main } from './main.ts';
import { tuneHeap } from './tune-heap.ts';

/** The CLI's entry, as bin/bulletin.js runs it from the compiled bundle: exit code of the command. */
export async function run(argv: readonly string[]): Promise<number> {
  tuneHeap();
  return main(argv);
}
