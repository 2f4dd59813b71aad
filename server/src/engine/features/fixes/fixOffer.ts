import { documentAt, type ParsedFile } from '../../document/documents';
import { movedOffset } from '../../document/textEdits';
import { withSight } from '../../document/findingSight';
import { pathStartingAt } from '../../document/yamlNav';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, Fix, PathSegment, Range, TextEdit } from '../../types';
import type { OfferedEdit } from '../editGuard';
import { parsePath } from './context';
import type { FindingFixer } from './index';

/** Findings' fixes as the edit guard checks them, alone or several in one action. */

export interface FixPart {
  finding: Finding;
  fix: Fix;
}

/** Where a fix may change the spec: the parent of the finding's key (if it is on one), and what the fix declares. */
export function fixTouches(file: ParsedFile, finding: Finding, fix: Fix): PathSegment[][] {
  const offset = file.lines.offsetAt(finding.range.start);
  const doc = documentAt(file, offset);
  const key = (doc && pathStartingAt(doc, offset - doc.offset)?.path) ?? parsePath(finding.path);
  // A finding on no key (the `# kops-version:` comment) names no part of the spec.
  return [...(key.length ? [key.slice(0, -1)] : []), ...(fix.touches ?? [])];
}

/** The fixes as one offered edit; computed again on the result, each is the fix of the same title for the moved finding. */
export function fixOffer(file: ParsedFile, v: KopsVersion, fixesFor: FindingFixer, title: string, parts: readonly FixPart[]): OfferedEdit {
  const edits = parts.flatMap((p) => p.fix.edits);
  const again = (after: ParsedFile): TextEdit[] =>
    parts.flatMap(({ finding, fix }) => {
      const moved = movedFinding(file, edits, after, finding);
      return fixesFor(after, v, moved).find((f) => f.title === fix.title)?.edits ?? [];
    });
  return {
    title,
    edits,
    touches: parts.flatMap((p) => fixTouches(file, p.finding, p.fix)),
    ...(parts.every((p) => p.fix.idempotent !== false) ? { again } : {}),
  };
}

/**
 * The finding where the edits moved it, seeing the text there. The fixes it carries move with it: each edit of
 * the fix applied lands on its own new text, so carried fixes (built when the file was checked) are never
 * applied twice.
 */
function movedFinding(file: ParsedFile, edits: readonly TextEdit[], after: ParsedFile, finding: Finding): Finding {
  const move = (r: Range): Range => ({
    start: after.lines.positionAt(movedOffset(file, edits, r.start, 'start')),
    end: after.lines.positionAt(movedOffset(file, edits, r.end, 'end')),
  });
  const fixes = finding.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: move(e.range) })) }));
  return withSight(after, { ...finding, range: move(finding.range), ...(fixes ? { fixes } : {}) });
}
