import { documentAt, type ParsedFile } from './documents';
import { comparePositions, type Finding } from '../types';

/**
 * What a finding saw: the `---` document it was made in, its text and where it starts. A finding is a function
 * of that text, and so are the fixes it carries and those computed for it; handed back after the document
 * changed or moved (an editor's diagnostics lag behind typing), it may no longer hold, and its range may name
 * other text.
 */

function sight(file: ParsedFile, finding: Finding): NonNullable<Finding['seen']> | undefined {
  const doc = documentAt(file, file.lines.offsetAt(finding.range.start));
  return doc && { start: file.lines.positionAt(doc.offset), text: doc.text };
}

/** The finding with the document of `file` it was made in recorded. */
export function withSight(file: ParsedFile, finding: Finding): Finding {
  const seen = sight(file, finding);
  return seen ? { ...finding, seen } : finding;
}

/** Whether `file` still holds the document the finding saw, at the same position; true for a finding that recorded none. */
export function stillSeen(file: ParsedFile, finding: Finding): boolean {
  if (finding.seen === undefined) return true;
  const now = sight(file, finding);
  return now !== undefined && comparePositions(now.start, finding.seen.start) === 0 && now.text === finding.seen.text;
}
