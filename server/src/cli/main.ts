import { errorReport, guarded, NEWEST_KOPS, OLDEST_KOPS, parseKopsVersion, type ErrorSink } from '../engine';
import { parseArgs, USAGE, type CheckRequest } from './args';
import { checkFiles } from './checkFiles';
import { collectFiles } from './collectFiles';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText, summaryLine } from './formatText';
import { TOOL_NAME, TOOL_VERSION } from '../toolInfo';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs one command line and returns the exit status; all output goes through `io`. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const request = parseArgs(argv);
  switch (request.command) {
    case 'help':
      io.out(`${USAGE}\n`);
      return EXIT_OK;
    case 'version':
      io.out(`${TOOL_NAME} ${TOOL_VERSION} (kops ${OLDEST_KOPS} to ${NEWEST_KOPS})\n`);
      return EXIT_OK;
    case 'usage-error':
      io.err(`${TOOL_NAME}: ${request.reason}\n`);
      return EXIT_USAGE;
    case 'check':
      return guarded(internalError(io), { feature: 'check' }, () => check(request, io), EXIT_USAGE);
  }
}

/** What escapes the per-file guard of checkFiles (a bug in an output format) goes to stderr like a file's. */
const internalError =
  (io: CliIo): ErrorSink =>
  (error, context) => {
    io.err(`${TOOL_NAME}: internal error, please report it: ${errorReport(error, context)}\n`);
  };

function check(request: CheckRequest, io: CliIo): number {
  if (request.kopsVersion !== undefined) {
    const parsed = parseKopsVersion(request.kopsVersion);
    if ('error' in parsed) {
      io.err(`${TOOL_NAME}: --kops-version: ${parsed.error}\n`);
      return EXIT_USAGE;
    }
  }
  const collected = collectFiles(request.paths);
  const outcome = checkFiles(collected.candidates, request.kopsVersion);
  const problems = [...collected.problems, ...outcome.problems];

  if (request.format === 'json') io.out(formatJson(outcome.reports));
  else if (request.format === 'sarif') io.out(formatSarif(outcome.reports, io.cwd, TOOL_VERSION));
  else {
    io.out(formatText(outcome.reports));
    io.err(`${summaryLine(outcome.reports)}\n`);
  }
  for (const problem of problems) io.err(`${TOOL_NAME}: ${problem}\n`);

  if (problems.length) return EXIT_USAGE;
  return outcome.reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}
