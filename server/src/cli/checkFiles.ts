import { resolve } from 'path';
import {
  diagnose,
  effectiveKopsVersion,
  errorReport,
  guarded,
  kopsDocuments,
  linkSpecs,
  parseFile,
  type EffectiveVersion,
  type ErrorSink,
  type Finding,
  type ParsedFile,
} from '../engine';
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

/** A file read and parsed, waiting for its findings (which need every file: an InstanceGroup's Cluster may be elsewhere). */
interface Parsed {
  path: string;
  file: ParsedFile;
  eff: EffectiveVersion;
}

/**
 * Checks every candidate; a `# kops-version:` comment wins over `kopsVersion`, which wins over the newest kops.
 * InstanceGroups are checked against their Cluster wherever it is among the files given.
 */
export function checkFiles(candidates: readonly Candidate[], kopsVersion: string | undefined): CheckOutcome {
  const outcome: CheckOutcome = { reports: [], problems: [] };
  const seen = new Set<string>();
  const parsed: Parsed[] = [];
  for (const candidate of candidates) {
    const key = resolve(candidate.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const context = { feature: 'checking', uri: candidate.path };
    guarded(internalError(outcome), context, () => readOne(candidate, kopsVersion, outcome, parsed), undefined);
  }
  const links = linkSpecs(parsed.map((p) => p.file));
  for (const { path, file, eff } of parsed) {
    const context = { feature: 'checking', uri: path };
    const findings = guarded(internalError(outcome), context, () => diagnose(file, eff, undefined, links), undefined);
    if (findings) outcome.reports.push({ file: path, kopsVersion: eff.version.text, findings });
  }
  return outcome;
}

/** A file the checks fail on (a bug of ours) is reported with its stack; the other files are still checked. */
const internalError =
  (outcome: CheckOutcome): ErrorSink =>
  (error, context) => {
    outcome.problems.push(`internal error, please report it: ${errorReport(error, context)}`);
  };

function readOne(candidate: Candidate, kopsVersion: string | undefined, outcome: CheckOutcome, parsed: Parsed[]): void {
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
  parsed.push({ path: candidate.path, file, eff });
}
