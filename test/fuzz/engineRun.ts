import { isDeepStrictEqual } from 'util';
import {
  ciliumEncryptionInfo,
  codeActions,
  complete,
  diagnose,
  documentAt,
  effectiveKopsVersion,
  fixesFor,
  hover,
  insertCiliumEtcd,
  linkSpecs,
  outline,
  parseFile,
  rethrow,
  type EffectiveVersion,
  type ErrorSink,
  type EngineSettings,
  type Finding,
  type ParsedFile,
  type Position,
  type Range,
  type TextEdit,
} from '../../server/src/engine';
import {
  ClientText,
  comments,
  completionProblems,
  crossesDocuments,
  documentCount,
  editsProblems,
  findingProblems,
  hoverProblems,
  outlineProblems,
} from './invariants';
import { checkAccepted, checkTyped, type TypedProbe } from './completionProbes';
import { CALL_BOUND_MS, type IssueKind, type Tally } from './tally';

/** The unmutated spec a mutant came from, parsed once: the `previous` of incremental parses. */
export interface Base {
  text: string;
  parsed: ParsedFile;
  findings: Finding[];
}

export function baseOf(text: string): Base {
  const parsed = parseFile(text);
  return { text, parsed, findings: diagnose(parsed, effectiveKopsVersion(parsed, {})) };
}

export interface EngineInput {
  /** Printed with every issue so it can be reproduced. */
  label: string;
  text: string;
  settings: EngineSettings;
  /** Raw numbers, reduced modulo the text's lines and line lengths. */
  positions: Array<[number, number]>;
  base?: Base;
  /** Keys typed into the text, where completion is asked and every item that merges is accepted. */
  probes?: readonly TypedProbe[];
  /** Ask for code actions at every finding (up to MAX_EVERY_FINDING), not a spread of MAX_ACTION_REQUESTS. */
  actionsAtEveryFinding?: boolean;
}

/** Calls faster than this (wall) are not rerun: their own time is at most their wall time. */
const SUSPECT_MS = 100;

/**
 * The call's own time, measured again: the least of its CPU time and its wall time. Wall time counts the
 * moments another process had the core; CPU time counts V8's parallel GC threads, which run beside the call.
 */
function ownTime(fn: () => unknown): number {
  const [start, wall0] = [process.cpuUsage(), performance.now()];
  try {
    fn();
  } catch {
    // already reported by the first call
  }
  const used = process.cpuUsage(start);
  return Math.min((used.user + used.system) / 1000, performance.now() - wall0);
}

export class Run {
  /** Actions already checked in this run (the same fix-all comes back for every finding). */
  readonly checked = new Set<string>();

  constructor(
    readonly input: EngineInput,
    readonly tally: Tally,
  ) {}

  issue(kind: IssueKind, op: string, detail: string): void {
    this.tally.issue({ kind, op, detail, mutant: this.input.label });
  }

  /**
   * Calls one engine entry point: an exception that escapes it and a call over the bound are issues. Wall time
   * is measured always; a call that looks slow is run again to measure its own time, so a loaded machine does
   * not count against the engine (entry points are pure, so the rerun gives the same answer).
   */
  call<T>(op: string, fn: () => T): T | undefined {
    const wall0 = performance.now();
    let result: T | undefined;
    try {
      result = fn();
    } catch (err) {
      const e = err as Error;
      this.issue(
        'exception',
        op,
        `${e?.name}: ${e?.message} @ ${e?.stack
          ?.split('\n')
          .slice(1, 3)
          .map((l) => l.trim())
          .join(' < ')}`,
      );
    }
    const wallMs = performance.now() - wall0;
    const cpuMs = wallMs > SUSPECT_MS ? Math.min(wallMs, ownTime(fn)) : wallMs;
    this.tally.call(op, cpuMs, wallMs, this.input.label);
    if (cpuMs > CALL_BOUND_MS) this.issue('slow', op, `${cpuMs.toFixed(0)} ms CPU`);
    return result;
  }

  problems(kind: IssueKind, op: string, list: readonly string[]): void {
    for (const p of list.slice(0, 3)) this.issue(kind, op, p);
  }
}

/**
 * Runs one text through every engine entry point and checks what comes back; issues go to the tally. The engine
 * catches none of its own errors (the front ends' guards do) and a check family's default sink rethrows, so
 * a check, fixer or feature that throws on a mutant is an `exception` issue here.
 */
export function runEngine(input: EngineInput, tally: Tally): void {
  const run = new Run(input, tally);
  const client = new ClientText(input.text);
  const file = run.call('parseFile', () => parseFile(input.text));
  if (!file) return;
  const eff = run.call('effectiveKopsVersion', () => effectiveKopsVersion(file, input.settings));
  if (!eff) return;
  const findings = run.call('diagnose', () => diagnose(file, eff)) ?? [];
  for (const f of findings) run.problems('invariant', 'diagnose', findingProblems(client, f));
  const symbols = run.call('outline', () => outline(file));
  if (symbols) run.problems('invariant', 'outline', outlineProblems(client, symbols));

  const positions = input.positions.map(([l, c]) => positionIn(client, l, c));
  for (const pos of positions) {
    const entries = run.call('complete', () => complete(file, pos, eff));
    if (entries) run.problems('invariant', 'complete', completionProblems(client, pos, entries));
    if (entries) {
      const probe = { original: input.text, text: input.text, cursor: client.offsetAt(pos) };
      checkAccepted(run, probe, pos, entries, file);
    }
    run.problems(
      'invariant',
      'hover',
      hoverProblems(
        client,
        pos,
        run.call('hover', () => hover(file, pos, eff)),
      ),
    );
    checkActions(run, client, file, eff, { start: pos, end: pos }, findings);
    checkCommands(run, client, file, eff, pos);
  }
  const asked = input.actionsAtEveryFinding ? MAX_EVERY_FINDING : MAX_ACTION_REQUESTS;
  for (const f of spread(findings, asked)) checkActions(run, client, file, eff, f.range, findings);
  for (const probe of input.probes ?? []) checkTyped(run, probe);
  for (const f of findings) checkFixes(run, client, file, eff, f);
  if (input.base) {
    checkIncremental(run, file, eff, findings, input.base);
    checkStale(run, client, file, eff, input.base);
  }
}

/**
 * A code action request costs time in proportion to the file's findings (it offers a fix-all), so asking at
 * every one of a mutant's thousand syntax errors would cost a million; the fixes of every finding are still
 * checked through fixesFor.
 */
const MAX_ACTION_REQUESTS = 40;
const MAX_EVERY_FINDING = 200;

function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

function positionIn(client: ClientText, line: number, character: number): Position {
  const l = line % client.lines.length;
  return { line: l, character: character % (client.lines[l].length + 1) };
}

function checkActions(
  run: Run,
  client: ClientText,
  file: ParsedFile,
  eff: EffectiveVersion,
  range: Range,
  findings: Finding[],
  op = 'codeActions',
  report: ErrorSink = rethrow,
): void {
  const actions = run.call('codeActions', () => codeActions(file, eff, range, findings, undefined, report));
  for (const action of actions ?? []) {
    const key = JSON.stringify(action);
    if (run.checked.has(key)) continue;
    run.checked.add(key);
    run.problems(
      'invariant',
      op,
      actionProblems(run, client, file, action.edits, action.edits.length === 0 && !action.command).map((p) => `"${action.title}": ${p}`),
    );
  }
}

/**
 * A finding's own fixes stay inside the finding's `---` document, or, for an InstanceGroup, inside its Cluster's
 * (the missing etcd member of a control-plane InstanceGroup is added in the Cluster).
 */
function checkFixes(run: Run, client: ClientText, file: ParsedFile, eff: EffectiveVersion, finding: Finding): void {
  const doc = documentAt(file, client.offsetAt(finding.range.start));
  const cluster = doc?.kops?.kind === 'InstanceGroup' ? linkSpecs([file]).clusterOf(doc) : undefined;
  const spans = [doc, cluster].flatMap((d) => (d ? [[d.offset, d.offset + d.text.length]] : []));
  const inside = (e: TextEdit): boolean =>
    (spans.length ? spans : [[0, client.text.length]]).some(
      ([start, end]) => client.offsetAt(e.range.start) >= start && client.offsetAt(e.range.end) <= end,
    );
  for (const fix of run.call('fixesFor', () => fixesFor(file, eff.version, finding)) ?? []) {
    const outside = fix.edits.find((e) => !inside(e));
    if (outside)
      run.issue(
        'invariant',
        'fixesFor',
        `${finding.code} "${fix.title}": an edit at ${outside.range.start.line}:${outside.range.start.character} is outside the finding's document`,
      );
  }
}

/** The editor commands the engine answers at a position: the etcd insertion (an edit) and the encryption info. */
function checkCommands(run: Run, client: ClientText, file: ParsedFile, eff: EffectiveVersion, pos: Position): void {
  const result = run.call('insertCiliumEtcd', () => insertCiliumEtcd(file, eff, pos));
  if (result && 'edits' in result) {
    run.problems('invariant', 'insertCiliumEtcd', actionProblems(run, client, file, result.edits, result.edits.length === 0));
  }
  run.call('ciliumEncryptionInfo', () => ciliumEncryptionInfo(file, eff, pos));
}

/** What applying an action's edits would break: ranges, overlaps, other documents, comments, the YAML itself. */
function actionProblems(run: Run, client: ClientText, file: ParsedFile, edits: TextEdit[], empty: boolean): string[] {
  const { problems, applied } = editsProblems(client, edits, 'edits');
  if (applied === undefined) return problems;
  if (empty) problems.push('no edits and no command');
  if (crossesDocuments(client, edits)) problems.push('an edit spans a `---` document boundary');
  if (documentCount(applied) !== documentCount(client.text)) problems.push('applying it adds or removes a `---` document');
  if (!isDeepStrictEqual(comments(applied), comments(client.text))) problems.push('applying it changes or drops a comment line');
  if (onlyCrlf(client.text) && hasBareLf(applied)) problems.push('applying it puts a bare LF line break into a CRLF file');
  // A skipped document (limits.ts) was never parsed, so it is not known to be valid.
  if (file.documents.every((d) => d.yaml.errors.length === 0 && !d.skipped)) {
    const after = run.call('parseFile', () => parseFile(applied));
    if (after?.documents.some((d) => d.yaml.errors.length > 0)) problems.push('applying it to valid YAML produces a YAML syntax error');
  }
  return problems;
}

/** An incremental parse (with `previous`) must give exactly what a fresh parse gives, both ways. */
function checkIncremental(run: Run, file: ParsedFile, eff: EffectiveVersion, findings: Finding[], base: Base): void {
  const inc = run.call('parseFile(previous)', () => parseFile(file.text, base.parsed));
  if (inc) {
    const incEff = run.call('effectiveKopsVersion', () => effectiveKopsVersion(inc, run.input.settings));
    const incFindings = incEff && run.call('diagnose', () => diagnose(inc, incEff));
    if (incFindings && !isDeepStrictEqual(incFindings, findings))
      run.issue('incremental', 'diagnose', firstDifference(incFindings, findings));
    if (
      !isDeepStrictEqual(
        run.call('outline', () => outline(inc)),
        run.call('outline', () => outline(file)),
      )
    )
      run.issue('incremental', 'outline', 'outline differs');
    if (incEff && !isDeepStrictEqual(incEff, eff)) run.issue('incremental', 'effectiveKopsVersion', 'effective version differs');
  }
  const back = run.call('parseFile(previous)', () => parseFile(base.text, file));
  if (back) {
    const backFindings = run.call('diagnose', () => diagnose(back, effectiveKopsVersion(back, {})));
    if (backFindings && !isDeepStrictEqual(backFindings, base.findings))
      run.issue('incremental', 'diagnose', `back to the original: ${firstDifference(backFindings, base.findings)}`);
  }
}

function firstDifference(incremental: Finding[], fresh: Finding[]): string {
  const i = incremental.findIndex((f, k) => !isDeepStrictEqual(f, fresh[k]));
  const at = i < 0 ? fresh.length : i;
  return (
    `incremental has ${incremental.length} findings, fresh ${fresh.length}; first difference #${at}: ` +
    `${JSON.stringify(incremental[at]?.code ?? null)} vs ${JSON.stringify(fresh[at]?.code ?? null)}`
  );
}

/**
 * Code actions asked for with the findings of the text before the mutation (as a client with out-of-date
 * diagnostics would): whatever comes back must still be a clean edit of the current text. A finding that no
 * longer reads what it saw offers no fix, so the edit guard has nothing to withhold here either.
 */
function checkStale(run: Run, client: ClientText, file: ParsedFile, eff: EffectiveVersion, base: Base): void {
  for (const stale of base.findings.slice(0, 8)) {
    if (!rangeOutside(client, stale.range)) checkActions(run, client, file, eff, stale.range, base.findings, 'codeActions(stale)');
  }
}

/** Every line break is CRLF (and there is at least one). */
const hasBareLf = (text: string): boolean => /(^|[^\r])\n/.test(text);
const onlyCrlf = (text: string): boolean => text.includes('\r\n') && !hasBareLf(text);

const rangeOutside = (client: ClientText, r: Range): boolean =>
  r.end.line >= client.lines.length || r.end.character > client.lines[r.end.line].length;
