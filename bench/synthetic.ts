import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/parks/gazetteer.ts';

const SEED = fileURLToPath(new URL('../seeds/huoju-dongtai-549.md', import.meta.url));
/** The parks issue 549 names, longest first so that replacing one never touches another. */
const PARKS_IN_549 = ['黄石大冶湖高新区', '长春净月高新区', '通化医药高新区', '中山火炬高新区', '佛山高新区', '阜新高新区', '安阳高新区', '成都高新区', '江门高新区', '深圳高新区', '肇庆高新区', '杭州高新区', '苏州高新区'];
const FIRST_ISSUE_YEAR = 2000;
const ISSUES_PER_YEAR = 24;

/** A small deterministic generator, so every run of a benchmark parses the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * Issue 549 renumbered as issue `cumulative`: other parks in titles and body,
 * sentences shuffled inside paragraphs and numbers changed, so that a search
 * index over many such issues looks like one over real issues.
 */
export function syntheticIssue(cumulative: number): string {
  const next = random(cumulative * 7919);
  const gazetteer = loadGazetteer().filter((park) => park.shortName.endsWith('高新区'));
  const year = FIRST_ISSUE_YEAR + Math.floor((cumulative - 1) / ISSUES_PER_YEAR);
  const number = ((cumulative - 1) % ISSUES_PER_YEAR) + 1;
  const month = Math.min(12, Math.ceil(number / 2));
  const day = number % 2 === 0 ? 28 : 14;
  let text = readFileSync(SEED, 'utf8').replace('2022年第20期(总第549期) 2022年11月30日', `${year}年第${number}期(总第${cumulative}期) ${year}年${month}月${day}日`);
  PARKS_IN_549.forEach((park, index) => {
    const replacement = gazetteer[(cumulative * 13 + index * 17) % gazetteer.length]?.shortName ?? park;
    text = text.replaceAll(park, `\u0000${index}\u0000`).replaceAll(`\u0000${index}\u0000`, replacement);
  });
  text = text.replaceAll(/\u0000\d+\u0000/gu, '');
  return text
    .split('\n')
    .map((line) => {
      if (!line || /^[#*—-]|供稿|【|总第/u.test(line)) return line;
      const sentences = line.split(/(?<=。)/u);
      for (let i = sentences.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [sentences[i], sentences[j]] = [sentences[j] ?? '', sentences[i] ?? ''];
      }
      return sentences.join('').replace(/\d+(?:\.\d+)?/gu, (digits) => (digits.length > 3 ? digits : String(Math.round(Number(digits) * (0.5 + next())))));
    })
    .join('\n');
}

/**
 * Writes `count` synthetic issues into `dir` (emptied first), numbered up to
 * 549 (the real issue's number), or from 1 when there are more.
 */
export function writeSyntheticArchive(dir: string, count: number): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const first = Math.max(1, 550 - count);
  for (let cumulative = first; cumulative < first + count; cumulative++) {
    const file = join(dir, `huoju-dongtai-${String(cumulative).padStart(4, '0')}.md`);
    writeFileSync(file, syntheticIssue(cumulative));
    files.push(file);
  }
  return files;
}
