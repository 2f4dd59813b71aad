import { documentAt, type ParsedFile } from '../../document/documents';
import { insideScalar } from '../../document/yamlNav';
import { NEWEST_KOPS, parseKopsVersion, releaseNumbers } from '../../kops/releases';
import type { Finding, Fix } from '../../types';

/**
 * Whether the parse reads the line as a comment: not in a document left unparsed (a NUL makes the whole file
 * so, and rewriting a value holding it would turn the file into YAML), not inside a scalar (a block scalar's line).
 */
function parsedAsComment(file: ParsedFile, offset: number): boolean {
  const doc = documentAt(file, offset);
  return doc !== undefined && !doc.skipped && !insideScalar(doc, offset - doc.offset);
}

/** Fixes for an unusable `# kops-version:` value: complete a missing patch number, or fall back to the newest kops. */
export function versionCommentFixes(file: ParsedFile, finding: Finding): Fix[] {
  const { start, end } = finding.range;
  if (start.line !== end.line || start.character >= end.character) return [];
  if (!parsedAsComment(file, file.lines.offsetAt(start))) return [];
  const written = file.lines.lineText(start.line).slice(start.character, end.character);
  const range = finding.range;
  const out: Fix[] = [];
  const numbers = releaseNumbers(written);
  const completed = numbers && numbers.patch === undefined ? `v${numbers.major}.${numbers.minor}.0` : undefined;
  if (completed && 'version' in parseKopsVersion(completed)) {
    out.push({ title: `Write the version as ${completed}`, edits: [{ range, newText: completed }], preferred: true });
  }
  out.push({
    title: `Check against kops ${NEWEST_KOPS}, the newest release kops-spec knows`,
    edits: [{ range, newText: NEWEST_KOPS }],
  });
  return out;
}
