// Human-readable tables of a bench result: per fixture and metric both servers and their ratio,
// then the issue's targets with pass/miss.
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';
import type { Fixture } from '../mkfixtures';
import type { CliRun } from './cliTiming';
import type { CrossFileMetric } from './crossFile';
import type { ServerId } from './servers';
import type { FixtureRun, MetricName } from './session';
import { fmt, formatMs, isMeasured, type Metric } from './stats';
import type { TargetResult } from './targets';
import type { GuardCost } from './guardCost';
import type { NodeFloor } from './nodeFloor';

/** How the bench starts node for the server, the CLI and node alone: with the options of startup/nodeArgs.ts. */
const NODE_COMMAND = `node ${NODE_ARGS.join(' ')}`;

/** The machine a bench ran on, as printed above its tables. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  loadAverage1m: number;
  loadAverage1mAtEnd?: number;
  node: string;
  os: string;
  commit: string;
  worktreeDirty: boolean;
}

export interface BenchResult {
  startedAt: string;
  machine: Machine;
  options: Record<string, unknown>;
  servers: Record<ServerId, { label: string; skipped?: string }>;
  fixtures: Array<{ fixture: Fixture; loadAverage1m: number; runs: Partial<Record<ServerId, FixtureRun>> }>;
  /** kops-spec alone: yaml-language-server links nothing across files. */
  crossFile?: { files: number; loadAverage1m: number; metrics: Record<CrossFileMetric, Metric> };
  cli: CliRun;
  targets: TargetResult[];
  /** The edit guard's cost per code action request on the large fixture, in process (CPU ms). */
  editGuard?: GuardCost;
  /** node with the server's options and no code of ours: what every server process pays first. */
  nodeFloor?: NodeFloor;
}

const CROSS_FILE_LABELS: Record<CrossFileMetric, string> = {
  openAloneMs: 'open an InstanceGroup file alone → first diagnostics (fresh process)',
  openInWorkspaceMs: 'the same in the workspace (its Cluster in another file, so the server indexes the folder)',
  clusterEditToGroupsMs: 'Cluster edit → diagnostics of its 40 InstanceGroups, each open in a file of its own',
};

const LABELS: Record<MetricName, string> = {
  initializeMs: 'initialize (spawn → answer)',
  coldStartToDiagnosticsMs: 'cold start → first diagnostics',
  coldOpenToDiagnosticsMs: 'open → diagnostics, cold process',
  warmOpenToDiagnosticsMs: 'open → diagnostics, warm',
  editToDiagnosticsMs: 'edit → diagnostics',
  completionMs: 'completion in cilium:, unchanged',
  completionAfterEditMs: 'completion right after an edit',
  hoverMs: 'hover enableNodePort',
  documentSymbolMs: 'document symbols',
  peakRssMB: 'peak RSS (VmHWM)',
};

const PLANNED: Partial<Record<MetricName, 'runs' | 'editRuns' | 'warmOpens' | 'coldStarts'>> = {
  initializeMs: 'coldStarts',
  coldStartToDiagnosticsMs: 'coldStarts',
  coldOpenToDiagnosticsMs: 'coldStarts',
  warmOpenToDiagnosticsMs: 'warmOpens',
  editToDiagnosticsMs: 'editRuns',
  completionMs: 'runs',
  completionAfterEditMs: 'runs',
  hoverMs: 'runs',
  documentSymbolMs: 'editRuns',
};

/** The cell, marked `*` when the time budget cut the series short. */
function cell(r: BenchResult, name: MetricName, m: Metric | undefined): string {
  const unit = name === 'peakRssMB' ? 'MB' : 'ms';
  const planned = PLANNED[name] && Number(r.options[PLANNED[name]]);
  return formatMs(m, unit) + (isMeasured(m) && planned && m.n < planned ? ` (n=${m.n})*` : '');
}

/** theirs ÷ ours on the median: > 1 means ours is faster (or smaller). */
function ratio(ours: Metric | undefined, theirs: Metric | undefined): string {
  if (!isMeasured(ours) || !isMeasured(theirs)) return '—';
  return `${fmt(theirs.median / Math.max(ours.median, 0.01))}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function naReasons(runs: Partial<Record<ServerId, FixtureRun>>): string[] {
  const notes = new Set<string>();
  for (const [server, run] of Object.entries(runs)) {
    for (const [name, m] of Object.entries(run?.metrics ?? {})) if (!isMeasured(m)) notes.add(`${server} ${name}: ${m.na}`);
  }
  return [...notes];
}

export function formatReport(r: BenchResult): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `kops-spec bench ${r.startedAt} — ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, node ${m.node}, ${m.os}, commit ${m.commit}${m.worktreeDirty ? '+changes' : ''}`,
  );
  out.push(
    `Load average (1 min) at start ${m.loadAverage1m}, after the LSP runs ${m.loadAverage1mAtEnd}${Number(m.loadAverage1m) > Number(m.cpus) ? ' — the machine was busy: expect noisy figures' : ''}.`,
  );
  out.push(
    'Latencies: median / p90 over the samples (n in the JSON). Ratio = yaml-language-server ÷ kops-spec on the median (> 1: ours faster/smaller).',
  );
  out.push(
    `* = fewer samples than planned: a series stops after ${(r.options.budget as { ms: number }).ms / 1000} s once it has ${(r.options.budget as { minSamples: number }).minSamples}.`,
  );
  for (const s of Object.values(r.servers)) if (s.skipped) out.push(`${s.label}: not run (${s.skipped})`);
  for (const { fixture, loadAverage1m, runs } of r.fixtures) {
    const f = fixture;
    const rows = [
      [
        `${f.name}: ${f.lines.toLocaleString('en')} lines, ${(f.bytes / 1024).toFixed(0)} KB, ${f.docs} docs (load ${loadAverage1m})`,
        'kops-spec',
        'yaml-language-server',
        'ratio',
      ],
    ];
    for (const name of Object.keys(LABELS) as MetricName[]) {
      rows.push([
        `  ${LABELS[name]}`,
        cell(r, name, runs.ours?.metrics[name]),
        cell(r, name, runs.yls?.metrics[name]),
        ratio(runs.ours?.metrics[name], runs.yls?.metrics[name]),
      ]);
    }
    const info = (key: 'diagnosticsOnOpen' | 'completionItems' | 'symbols') =>
      [runs.ours?.info[key], runs.yls?.info[key]].map((v) => (v === undefined ? '—' : String(v)));
    rows.push(['  (diagnostics on open)', ...info('diagnosticsOnOpen'), '']);
    rows.push(['  (completion items)', ...info('completionItems'), '']);
    rows.push(['  (top-level symbols)', ...info('symbols'), '']);
    out.push('', table(rows));
    for (const note of naReasons(runs)) out.push(`  n/a ${note}`);
  }
  out.push(
    '',
    `CLI: ${NODE_COMMAND} dist/cli.js check --format json, ${r.cli.files} files: ${formatMs(r.cli.wallMs)} wall${r.cli.cpuMs ? `, ${formatMs(r.cli.cpuMs)} CPU (user+sys)` : ''}${r.cli.exitCode !== undefined ? ` (exit ${r.cli.exitCode})` : ''}${isMeasured(r.cli.wallMs) ? '' : ` — ${r.cli.wallMs.na}`}`,
  );
  const g = r.editGuard;
  if (g) {
    out.push(
      `Edit guard, large with 3 fixable mistakes per Cilium block, in process (CPU): ${g.requests} code action requests offering ${g.guardedActions} edits; ` +
        `first request at a place ${formatMs(g.firstRequestMs)}, later requests on the same text ${formatMs(g.laterRequestMs)}; the guard's own work per request ${formatMs(g.guardMs)}`,
    );
  }
  if (r.crossFile) {
    const { files, loadAverage1m, metrics } = r.crossFile;
    const rows = [[`cross-file: workspace of ${files} kops files (load ${loadAverage1m})`, 'kops-spec']];
    for (const name of Object.keys(CROSS_FILE_LABELS) as CrossFileMetric[])
      rows.push([`  ${CROSS_FILE_LABELS[name]}`, formatMs(metrics[name])]);
    out.push('', table(rows));
  }
  const verdict = (p: boolean | null) => (p === null ? 'n/a' : p ? 'pass' : 'MISS');
  out.push(
    '',
    table([
      ['Target (issue "Performance")', 'kops-spec', 'yaml-language-server', 'ratio', ''],
      ...r.targets.map((t) => [t.target, t.figure, t.theirs, t.ratio, verdict(t.pass)]),
    ]),
  );
  if (r.nodeFloor) out.push(nodeFloorLine(r.nodeFloor));
  return out.join('\n');
}

/** What node alone takes of the cold-start and RSS targets on this machine. */
function nodeFloorLine({ startMs, peakRssMB }: NodeFloor): string {
  const start = isMeasured(startMs) ? `${fmt(startMs.median)} ms from spawn to its first line of output` : `start n/a (${startMs.na})`;
  const rss = isMeasured(peakRssMB) ? `${fmt(peakRssMB.median)} MB peak RSS` : `RSS n/a (${peakRssMB.na})`;
  return `node alone (${NODE_COMMAND} -e, no code of ours; median of ${isMeasured(startMs) ? startMs.n : 0}): ${start}, ${rss}. Every server process pays both before it reads a byte.`;
}
