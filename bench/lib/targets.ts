// The performance targets of the "Performance" issue, checked against one bench result.
// Latency targets without a stated statistic are judged on p90 (what a typing user feels);
// cold start on the median of the fresh processes; RSS on the peak (VmHWM).
import type { CliRun } from './cliTiming';
import type { ServerId } from './servers';
import type { MetricName } from './session';
import { fmt, isMeasured, type Distribution, type Metric } from './stats';

export interface ResultView {
  metric(fixture: string, server: ServerId, name: MetricName): Metric | undefined;
  cli: CliRun;
}
export interface TargetResult {
  target: string;
  figure: string;
  pass: boolean | null;
}

type Check = (r: ResultView) => { figure: string; pass: boolean | null };
const NA = { figure: 'n/a', pass: null };

const within =
  (fixture: string, name: MetricName, stat: 'median' | 'p90', limit: number, unit = 'ms'): Check =>
  (r) => {
    const m = r.metric(fixture, 'ours', name);
    if (!isMeasured(m)) return NA;
    return { figure: `${fmt(m[stat])} ${unit}${m.n > 1 ? ` (${stat})` : ''}`, pass: m[stat] <= limit };
  };

const fasterThanYls =
  (fixture: string, name: MetricName, factor: number): Check =>
  (r) => {
    const ours = r.metric(fixture, 'ours', name);
    const theirs = r.metric(fixture, 'yls', name);
    if (!isMeasured(ours) || !isMeasured(theirs)) return NA;
    const ratio = theirs.p90 / Math.max(ours.p90, 0.01);
    return { figure: `${fmt(ratio)}× (p90 ${fmt(ours.p90)} vs ${fmt(theirs.p90)} ms)`, pass: ratio >= factor };
  };

/** The worst value of `stat` over several metrics/fixtures; n/a unless every one was measured or one already misses. */
const worstOf =
  (cells: Array<[string, MetricName]>, stat: 'median' | 'p90', limit: number): Check =>
  (r) => {
    const measured: Array<[string, Distribution]> = [];
    const missing: string[] = [];
    for (const [fixture, name] of cells) {
      const m = r.metric(fixture, 'ours', name);
      if (isMeasured(m)) measured.push([`${fixture} ${name.replace(/Ms$/, '')}`, m]);
      else missing.push(name.replace(/Ms$/, ''));
    }
    if (!measured.length) return NA;
    const [where, worst] = measured.reduce((a, b) => (b[1][stat] > a[1][stat] ? b : a));
    const figure = `${fmt(worst[stat])} ms ${stat} (${where})${missing.length ? `; n/a: ${[...new Set(missing)].join(', ')}` : ''}`;
    if (worst[stat] > limit) return { figure, pass: false };
    return { figure, pass: missing.length ? null : true };
  };

const REQUESTS: MetricName[] = ['completionMs', 'completionAfterEditMs', 'hoverMs', 'documentSymbolMs'];
const EDITOR_FIXTURES = ['small', 'medium', 'large', 'anchors'];

export const TARGETS: Array<{ target: string; check: Check }> = [
  { target: 'completion right after an edit, large: p90 ≤ 8 ms', check: within('large', 'completionAfterEditMs', 'p90', 8) },
  {
    target: 'completion right after an edit, large: ≥ 10× faster than yaml-language-server (p90)',
    check: fasterThanYls('large', 'completionAfterEditMs', 10),
  },
  { target: 'edit → diagnostics, large: ≤ 25 ms (p90)', check: within('large', 'editToDiagnosticsMs', 'p90', 25) },
  {
    target: 'cold start → first diagnostics, large: ≤ 150 ms (median of fresh processes)',
    check: within('large', 'coldStartToDiagnosticsMs', 'median', 150),
  },
  {
    target: 'hover: ≤ 1 ms median (worst of small/medium/large/anchors)',
    check: worstOf(
      EDITOR_FIXTURES.map((f) => [f, 'hoverMs']),
      'median',
      1,
    ),
  },
  { target: 'document symbols, 50k lines: ≤ 100 ms (p90)', check: within('stream50k', 'documentSymbolMs', 'p90', 100) },
  { target: 'peak RSS, large: ≤ 70 MB (VmHWM)', check: within('large', 'peakRssMB', 'median', 70, 'MB') },
  {
    target: 'CLI check over specs + validation cases: ≤ 1 s (median wall, incl. node start)',
    check: (r) =>
      isMeasured(r.cli.wallMs)
        ? { figure: `${fmt(r.cli.wallMs.median)} ms (${r.cli.files} files)`, pass: r.cli.wallMs.median <= 1000 }
        : NA,
  },
  {
    target: '50k lines: every request ≤ 50 ms p90 (completion, completion after edit, hover, symbols)',
    check: worstOf(
      REQUESTS.map((m) => ['stream50k', m]),
      'p90',
      50,
    ),
  },
];

export const checkTargets = (r: ResultView): TargetResult[] => TARGETS.map(({ target, check }) => ({ target, ...check(r) }));
