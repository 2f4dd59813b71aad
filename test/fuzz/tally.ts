/** Counts of one fuzz campaign: calls, issues by kind, the slowest call of each engine entry point. */

export type IssueKind = 'exception' | 'invariant' | 'slow' | 'incremental';

/** Every kind fails a campaign. */
export const FAILING: readonly IssueKind[] = ['exception', 'invariant', 'slow', 'incremental'];

export interface Issue {
  kind: IssueKind;
  op: string;
  detail: string;
  mutant: string;
}

/** The per-call bound, in CPU time so a loaded machine does not turn a healthy call into a failure. */
export const CALL_BOUND_MS = 1000;

const MAX_LISTED = 100;

export interface Slowest {
  cpuMs: number;
  wallMs: number;
  mutant: string;
}

export class Tally {
  mutants = 0;
  calls = 0;
  readonly counts = new Map<IssueKind, number>();
  readonly slowest = new Map<string, Slowest>();
  /** The first few issues of each kind and operation, with the mutant that shows them. */
  readonly examples: Issue[] = [];
  /** Every mutant with a failing issue (up to MAX_LISTED), to rerun one by one. */
  readonly failing = new Set<string>();

  issue(issue: Issue): void {
    this.counts.set(issue.kind, (this.counts.get(issue.kind) ?? 0) + 1);
    if (FAILING.includes(issue.kind) && this.failing.size < MAX_LISTED) this.failing.add(issue.mutant);
    const seen = this.examples.filter((e) => e.kind === issue.kind && e.op === issue.op).length;
    if (seen < 3) this.examples.push(issue);
  }

  call(op: string, cpuMs: number, wallMs: number, mutant: string): void {
    this.calls++;
    const top = this.slowest.get(op);
    if (!top || cpuMs > top.cpuMs) this.slowest.set(op, { cpuMs, wallMs: Math.max(wallMs, top?.wallMs ?? 0), mutant });
    else if (wallMs > top.wallMs) top.wallMs = wallMs;
  }

  count(kind: IssueKind): number {
    return this.counts.get(kind) ?? 0;
  }

  failures(): number {
    return FAILING.reduce((n, k) => n + this.count(k), 0);
  }

  merge(other: TallyData): void {
    this.mutants += other.mutants;
    this.calls += other.calls;
    for (const [k, n] of other.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    for (const [op, s] of other.slowest) {
      const top = this.slowest.get(op);
      if (!top || s.cpuMs > top.cpuMs) this.slowest.set(op, { ...s, wallMs: Math.max(s.wallMs, top?.wallMs ?? 0) });
      else top.wallMs = Math.max(top.wallMs, s.wallMs);
    }
    for (const e of other.examples) if (this.examples.filter((x) => x.kind === e.kind && x.op === e.op).length < 3) this.examples.push(e);
    for (const m of other.failing) if (this.failing.size < MAX_LISTED) this.failing.add(m);
  }

  data(): TallyData {
    return {
      mutants: this.mutants,
      calls: this.calls,
      counts: [...this.counts],
      slowest: [...this.slowest],
      examples: this.examples,
      failing: [...this.failing],
    };
  }

  report(): string {
    const kinds = FAILING;
    const slow = [...this.slowest].sort((a, b) => b[1].cpuMs - a[1].cpuMs);
    const out = [
      `mutants run: ${this.mutants}   engine calls: ${this.calls}`,
      ...kinds.map((k) => `  ${k.padEnd(17)} ${this.count(k)}`),
      'slowest call per entry point (CPU ms / wall ms):',
      ...slow.map(([op, s]) => `  ${op.padEnd(22)} ${s.cpuMs.toFixed(1).padStart(8)} / ${s.wallMs.toFixed(1).padStart(8)}   ${s.mutant}`),
    ];
    if (this.examples.length)
      out.push('examples:', ...this.examples.map((e) => `  [${e.kind}] ${e.op}: ${e.detail}\n      mutant: ${e.mutant}`));
    if (this.failing.size) out.push('failing mutants:', ...[...this.failing].map((m) => `  ${m}`));
    return out.join('\n');
  }
}

export interface TallyData {
  mutants: number;
  calls: number;
  counts: Array<[IssueKind, number]>;
  slowest: Array<[string, Slowest]>;
  examples: Issue[];
  failing: string[];
}
