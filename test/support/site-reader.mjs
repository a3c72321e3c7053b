// A reader of a published site, as a web server is: reads <out>/index.html over and over
// until <stop> exists, then prints how many reads found it missing or incomplete.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, stop] = process.argv.slice(2);
let reads = 0;
let missing = 0;
const problems = new Set();
const round = () => {
  for (let i = 0; i < 200; i++) {
    reads++;
    try {
      if (!readFileSync(join(out, 'index.html'), 'utf8').includes('</html>')) throw new Error('incomplete index.html');
    } catch (error) {
      missing++;
      problems.add(error.code ?? error.message);
    }
  }
  if (existsSync(stop)) console.log(JSON.stringify({ reads, missing, problems: [...problems] }));
  else setImmediate(round);
};
round();
