import { resolve } from 'path';
import { diagnose, effectiveKopsVersion, errorReport, guarded, kopsDocuments, parseFile, type ErrorSink, type Finding } from '../engine';
import type { Candidate } from './collectFiles';
import { readSource } from './readSource';

export interface FileReport {
  /** The path as given on the command line (or found under a given folder). */
  file: string;
  kopsVersion: string;
  findings: Finding[];
}

export interface CheckOutcome {
  reports: FileReport[];
  /**
   * Reasons that make the run exit 2, one line each (unreadable, binary or too large a file, unknown kops
   * version) except an internal error, which comes with its stack.
   */
  problems: string[];
}

/** Checks every candidate; a `# kops-version:` comment wins over `kopsVersion`, which wins over the newest kops. */
export function checkFiles(candidates: readonly Candidate[], kopsVersion: string | undefined): CheckOutcome {
  const outcome: CheckOutcome = { reports: [], problems: [] };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = resolve(candidate.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const context = { feature: 'checking', uri: candidate.path };
    guarded(internalError(outcome), context, () => checkOne(candidate, kopsVersion, outcome), undefined);
  }
  return outcome;
}

/** A file the checks fail on (a bug of ours) is reported with its stack; the other files are still checked. */
const internalError =
  (outcome: CheckOutcome): ErrorSink =>
  (error, context) => {
    outcome.problems.push(`internal error, please report it: ${errorReport(error, context)}`);
  };

function checkOne(candidate: Candidate, kopsVersion: string | undefined, outcome: CheckOutcome): void {
  const source = readSource(candidate.path);
  if ('problem' in source) {
    outcome.problems.push(source.problem);
    return;
  }
  if ('binary' in source) {
    if (!candidate.fromFolder) outcome.problems.push(`${candidate.path} is a binary file (it contains NUL bytes), not a YAML spec`);
    return;
  }
  const file = parseFile(source.text);
  if (candidate.fromFolder && kopsDocuments(file).length === 0 && !file.limit) return;
  if (file.limit) outcome.problems.push(`${candidate.path}:${file.limit.range.start.line + 1}: ${file.limit.message}`);
  const eff = effectiveKopsVersion(file, { kopsVersion });
  if (eff.problem && eff.source === 'comment') {
    const line = eff.problem.range.start.line + 1;
    outcome.problems.push(`${candidate.path}:${line}: ${eff.problem.message}`);
  }
  outcome.reports.push({ file: candidate.path, kopsVersion: eff.version.text, findings: diagnose(file, eff) });
}
