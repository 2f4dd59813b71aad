/** Ranked spelling suggestions for an unknown key among the keys the schema knows. */
import { compareText } from '../types';

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** How far a suggestion may be from what was typed: short keys allow one slip, longer ones a few. */
const tolerance = (length: number): number => (length <= 4 ? 1 : length <= 9 ? 2 : 3);

/**
 * Up to `limit` known keys close to `typed`, best first. Case is compared loosely (a case-only difference ranks
 * first), so `associatePublicIP` finds `associatePublicIp`.
 */
export function suggestKeys(typed: string, known: Iterable<string>, limit = 3): string[] {
  const lower = typed.toLowerCase();
  const scored: Array<{ key: string; score: number }> = [];
  for (const key of known) {
    // The length difference alone is a lower bound of the distance: skip hopeless (and costly) comparisons.
    if (key === typed || Math.abs(key.length - typed.length) > tolerance(Math.min(typed.length, key.length))) continue;
    const loose = editDistance(lower, key.toLowerCase());
    if (loose >= typed.length || loose > tolerance(Math.min(typed.length, key.length))) continue;
    const exactTieBreak = editDistance(typed, key) / 100;
    scored.push({ key, score: loose + exactTieBreak });
  }
  scored.sort((x, y) => x.score - y.score || compareText(x.key, y.key));
  return scored.slice(0, limit).map((s) => s.key);
}
