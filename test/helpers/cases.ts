import type { Finding } from '../../server/src/engine';

/**
 * Validation case files (test/fixtures/kops/validation-cases and test/cases): a comment header with the kops version
 * and the expected kops errors, followed by one Cluster document. The comparison is the one the fact base's own
 * case checker applies.
 */
export interface CaseExpectation {
  kopsVersion?: string;
  /** "path Type" of each expected error of the written spec. */
  spec: Set<string>;
  /** "path Type" of each error only the defaulted spec gets. */
  defaults: Set<string>;
}

export function parseCaseHeader(text: string): CaseExpectation {
  const out: CaseExpectation = { spec: new Set(), defaults: new Set() };
  for (const line of text.split('\n')) {
    let m: RegExpExecArray | null;
    if ((m = /^# kops-version:\s*(\S+)/.exec(line))) out.kopsVersion = m[1];
    else if ((m = /^# expect:\s*(\S+)(?:\s+(\S+))?/.exec(line))) {
      if (m[1] !== 'none') out.spec.add(`${m[1]} ${m[2]}`);
    } else if ((m = /^# expect-after-defaults:\s*(\S+)\s+(\S+)/.exec(line))) out.defaults.add(`${m[1]} ${m[2]}`);
  }
  return out;
}

/** Keys directly under `spec:` of a simple block-style case document. */
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

export interface CaseOutcome {
  spec: Set<string>;
  defaults: Set<string>;
}

/**
 * The (path, kops type) pairs reported per stage. A `Required` on a top-level spec field the document omits
 * is left out unless the case expects it: the cases are minimal documents scoped to the rules they test.
 */
export function caseOutcome(findings: readonly Finding[], text: string, want: CaseExpectation): CaseOutcome {
  const present = topLevelSpecKeys(text);
  const out: CaseOutcome = { spec: new Set(), defaults: new Set() };
  for (const f of findings) {
    if (!f.kops) continue;
    const key = `${f.path} ${f.kops.type}`;
    const top = /^spec\.([A-Za-z0-9]+)$/.exec(f.path);
    const omitted = f.kops.type === 'Required' && top !== null && !present.has(top[1]);
    if (omitted && !want.spec.has(key) && !want.defaults.has(key)) continue;
    (f.kops.stage === 'defaults' ? out.defaults : out.spec).add(key);
  }
  return out;
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
const show = (s: Set<string>): string => [...s].sort().join(', ') || 'none';

/** Problems found comparing an outcome with the expectation; empty when the case passes. */
export function compareCase(got: CaseOutcome, want: CaseExpectation): string[] {
  const problems: string[] = [];
  if (!sameSet(got.spec, want.spec)) problems.push(`spec: got [${show(got.spec)}] want [${show(want.spec)}]`);
  if (!sameSet(got.defaults, want.defaults)) problems.push(`defaults: got [${show(got.defaults)}] want [${show(want.defaults)}]`);
  return problems;
}
