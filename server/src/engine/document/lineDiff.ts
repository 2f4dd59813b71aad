import { insideCrLf } from './lineIndex';

/**
 * The changes turning one text into another as small replacements, one per run of changed lines (Myers'
 * O(ND) line diff), each trimmed to the characters that differ. Offsets are into `before`.
 */

export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Beyond this many changed lines one replacement of the differing span is returned instead. */
const MAX_CHANGED_LINES = 400;

const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/** Pairs of equal lines (index in a, index in b) of a shortest edit script, in order; undefined past the budget. */
function matchedLines(a: readonly string[], b: readonly string[]): Array<[number, number]> | undefined {
  const max = Math.min(a.length + b.length, MAX_CHANGED_LINES);
  const offset = max + 1;
  const v = new Array<number>(2 * offset + 1).fill(0);
  const trace: number[][] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return backtrack(trace, offset, a.length, b.length);
    }
  }
  return undefined;
}

/** Walks the trace back from the end: the diagonal runs are the equal lines. */
function backtrack(trace: readonly number[][], offset: number, n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let [x, y] = [n, m];
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    [x, y] = [prevX, prevY];
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

function starts(lines: readonly string[]): number[] {
  const out = [0];
  for (const line of lines) out.push(out[out.length - 1] + line.length);
  return out;
}

/**
 * One change, without the characters both sides share at its ends; neither end falls between the CR and LF of a
 * line break of `before`, where an editor position would put it before the CR.
 */
function trimmed(before: string, after: string, start: number, end: number, from: number, to: number): TextChange {
  let [s, e, f, t] = [start, end, from, to];
  while (s < e && f < t && before[s] === after[f]) [s, f] = [s + 1, f + 1];
  if (insideCrLf(before, s)) [s, f] = [s - 1, f - 1];
  while (e > s && t > f && before[e - 1] === after[t - 1]) [e, t] = [e - 1, t - 1];
  if (insideCrLf(before, e)) [e, t] = [e + 1, t + 1];
  return { start: s, end: e, text: after.slice(f, t) };
}

export function lineChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const [a, b] = [linesOf(before), linesOf(after)];
  const pairs = matchedLines(a, b);
  if (!pairs) return [trimmed(before, after, 0, before.length, 0, after.length)];
  const [aStart, bStart] = [starts(a), starts(b)];
  const out: TextChange[] = [];
  let [i, j] = [0, 0];
  for (const [x, y] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (x > i || y > j) out.push(trimmed(before, after, aStart[i], aStart[x], bStart[j], bStart[y]));
    [i, j] = [x + 1, y + 1];
  }
  return out;
}
