import { performance } from 'node:perf_hooks';

// Distributions of timings, and "n/a" for what a server could not be measured on.

export interface Distribution {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}
export interface NotAvailable {
  na: string;
}
export type Metric = Distribution | NotAvailable;

export const isMeasured = (m: Metric | undefined): m is Distribution => !!m && 'median' in m;

const round = (x: number) => Math.round(x * 100) / 100;

/** Median and nearest-rank p90 (the smallest sample that at least 90 % of samples do not exceed). */
export function distribution(samples: readonly number[]): Distribution {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return {
    n: s.length,
    median: round(median),
    p90: round(s[Math.max(0, Math.ceil(0.9 * s.length) - 1)]),
    min: round(s[0]),
    max: round(s[s.length - 1]),
  };
}

/** Ends a long series early: after `ms` of wall time, once `minSamples` are in. */
export interface Budget {
  ms: number;
  minSamples: number;
}
const UNLIMITED: Budget = { ms: Infinity, minSamples: 0 };

/**
 * Runs `sample` up to `count` times (fewer when the budget runs out; `n` tells); the first failure ends
 * the series and becomes the reason for "n/a".
 */
export async function series(count: number, sample: (i: number) => Promise<number>, budget = UNLIMITED): Promise<Metric> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    if (samples.length >= budget.minSamples && performance.now() - started > budget.ms) break;
    try {
      samples.push(await sample(i));
    } catch (e) {
      return { na: reason(e) };
    }
  }
  return distribution(samples);
}

export function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 120);
}

export function formatMs(m: Metric | undefined, unit = 'ms'): string {
  if (!m) return '—';
  if (!isMeasured(m)) return 'n/a';
  if (m.n === 1) return `${fmt(m.median)} ${unit}`;
  return `${fmt(m.median)} / ${fmt(m.p90)} ${unit}`;
}

export function fmt(x: number): string {
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
