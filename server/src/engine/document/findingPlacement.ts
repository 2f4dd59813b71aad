import type { ParsedFile, YamlDocument } from './documents';
import type { Finding, Fix, Position, Range } from '../types';

/** Where document coordinates start in the file: the document's first line (and column, when it does not start a line). */
const originOf = (file: ParsedFile, doc: YamlDocument): Position => file.lines.positionAt(doc.offset);

function movePosition(p: Position, origin: Position): Position {
  return p.line === 0
    ? { line: origin.line, character: origin.character + p.character }
    : { line: origin.line + p.line, character: p.character };
}

const moveRange = (r: Range, origin: Position): Range => ({ start: movePosition(r.start, origin), end: movePosition(r.end, origin) });

const moveFix = (fix: Fix, origin: Position): Fix => ({
  ...fix,
  edits: fix.edits.map((e) => ({ ...e, range: moveRange(e.range, origin) })),
});

/**
 * Findings computed on a document alone (`documentFindings`), moved to file positions: the range and every
 * fix edit. Returns the same array when the document starts the file. The input is never modified.
 */
export function placeFindings(file: ParsedFile, doc: YamlDocument, local: readonly Finding[]): readonly Finding[] {
  if (local.length === 0) return local;
  const origin = originOf(file, doc);
  if (origin.line === 0 && origin.character === 0) return local;
  return local.map((f) => ({
    ...f,
    range: moveRange(f.range, origin),
    ...(f.fixes ? { fixes: f.fixes.map((fix) => moveFix(fix, origin)) } : {}),
  }));
}
