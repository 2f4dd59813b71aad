import type { Finding } from '../../server/src/engine';

/**
 * Validation case files (test/fixtures/kops/validation-cases*, test/cases, test/cases-spec): a comment header
 * with the kops version and the expected kops errors, then the spec. A whole-spec case is a multi-document spec;
 * an error in an InstanceGroup is written `# expect: @InstanceGroup/<name> <path> <type>`, and the same error
 * may be expected more than once. The comparison is the one the project's case checker applies: multisets of
 * "[@Kind/name ]path type" per stage, documents told apart by the line a finding starts on.
 */
export interface CaseExpectation {
  kopsVersion?: string;
  /** "[@Kind/name ]path Type" of each expected error of the written spec, sorted (repeats kept). */
  spec: string[];
  /** The same for the errors only the defaulted spec gets. */
  defaults: string[];
}

const EXPECT = /^# expect:\s*(@\S+\s+)?(\S+)(?:\s+(\S+))?/;
const EXPECT_DEFAULTS = /^# expect-after-defaults:\s*(@\S+\s+)?(\S+)\s+(\S+)/;

export function parseCaseHeader(text: string): CaseExpectation {
  const out: CaseExpectation = { spec: [], defaults: [] };
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^# kops-version:\s*(\S+)/.exec(line))) out.kopsVersion = m[1];
    else if ((m = EXPECT.exec(line))) {
      if (m[2] !== 'none') out.spec.push(`${m[1] ? `${m[1].trim()} ` : ''}${m[2]} ${m[3]}`);
    } else if ((m = EXPECT_DEFAULTS.exec(line))) out.defaults.push(`${m[1] ? `${m[1].trim()} ` : ''}${m[2]} ${m[3]}`);
  }
  out.spec.sort();
  out.defaults.sort();
  return out;
}

/** Keys directly under the first `spec:` of a simple block-style case. */
export function topLevelSpecKeys(text: string): Set<string> {
  const keys = new Set<string>();
  let inSpec = false;
  for (const line of text.split('\n')) {
    if (/^spec:\s*$/.test(line)) {
      inSpec = true;
      continue;
    }
    if (/^\S/.test(line)) inSpec = false;
    const m = inSpec ? /^ {2}([A-Za-z0-9]+):/.exec(line) : null;
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** The `@Kind/name ` label of the document holding a line ('' for the first document, as the cases write it). */
export function documentLabels(text: string): (line: number) => string {
  const lines = text.split('\n');
  const docs: Array<{ start: number; label: string }> = [];
  let start = 0;
  const flush = (end: number) => {
    const body = `${lines.slice(start, end).join('\n')}\n`;
    const kind = /^kind:\s*(\S+)/m.exec(body)?.[1];
    const name = /^metadata:\s*\n(?:[ ]+.*\n)*?[ ]+name:\s*"?([^"\s]+)/m.exec(body)?.[1];
    if (kind) docs.push({ start, label: docs.length ? `@${kind}/${name} ` : '' });
  };
  lines.forEach((l, i) => {
    if (/^---\s*$/.test(l)) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  return (line) => {
    let label = '';
    for (const d of docs) if (line >= d.start) label = d.label;
    return label;
  };
}

export interface CaseOutcome {
  spec: string[];
  defaults: string[];
}

/**
 * The (document, path, kops type) triples reported per stage, sorted. A `Required` on a top-level spec field the
 * document omits is left out unless the case expects it: cases are scoped to the rules they test.
 */
export function caseOutcome(findings: readonly Finding[], text: string, want: CaseExpectation): CaseOutcome {
  const present = topLevelSpecKeys(text);
  const labelAt = documentLabels(text);
  const out: CaseOutcome = { spec: [], defaults: [] };
  for (const f of findings) {
    if (!f.kops) continue;
    const key = `${labelAt(f.range.start.line)}${f.path} ${f.kops.type}`;
    const top = /^spec\.([A-Za-z0-9]+)$/.exec(f.path);
    const omitted = f.kops.type === 'Required' && top !== null && !present.has(top[1]);
    if (omitted && !want.spec.includes(key) && !want.defaults.includes(key)) continue;
    (f.kops.stage === 'defaults' ? out.defaults : out.spec).push(key);
  }
  out.spec.sort();
  out.defaults.sort();
  return out;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const show = (s: readonly string[]): string => s.join(', ') || 'none';

/** Problems found comparing an outcome with the expectation; empty when the case passes. */
export function compareCase(got: CaseOutcome, want: CaseExpectation): string[] {
  const problems: string[] = [];
  if (!same(got.spec, want.spec)) problems.push(`spec: got [${show(got.spec)}] want [${show(want.spec)}]`);
  if (!same(got.defaults, want.defaults)) problems.push(`defaults: got [${show(got.defaults)}] want [${show(want.defaults)}]`);
  return problems;
}
