import type { ParsedFile } from '../../document/documents';
import { lineChanges, type TextChange } from '../../document/lineDiff';
import type { Position, Range, TextEdit } from '../../types';

/**
 * The line a scenario's name is typed on, and how a change to the file without that line becomes a completion:
 * the main edit empties the line (single-line, holding the cursor), the additional edits remove the line break
 * before it and make every other change. VS Code applies the additional edits first and moves the cursor past
 * text inserted at it, so no additional edit inserts at or after the cursor on its line, and none overlaps the
 * main edit: a change at the removed line goes before it, a deletion continuing past it starts after it. Accepted
 * before the item was resolved, VS Code applies the main edit first and these after it: other lines keep their
 * positions, and a position on the emptied line falls back to its start, which means the same there.
 */
export interface TypedLine {
  /** The whole typed line's text. */
  mainRange: Range;
  /** The file without the typed line (and the line break before it). */
  base: string;
  /** Additional edits turning the file into `merged` (a change of `base`) once the main edit empties the line. */
  additionalEdits(merged: string): TextEdit[];
}

const TYPED = /^[ \t]+[\w./-]*[ \t]*$/;

export function typedLine(file: ParsedFile, pos: Position): TypedLine | undefined {
  if (pos.line < 1 || pos.line >= file.lines.lineCount || !TYPED.test(file.lines.lineText(pos.line))) return undefined;
  const text = file.text;
  const start = file.lines.lineStart(pos.line);
  const end = start + file.lines.lineText(pos.line).length;
  const removedFrom = start - (text.startsWith('\r\n', start - 2) ? 2 : 1);
  const shift = end - removedFrom;
  const base = text.slice(0, removedFrom) + text.slice(end);
  const toFile = (c: TextChange): TextChange[] => {
    if (c.end < removedFrom || (c.end === removedFrom && c.start < removedFrom)) return [c];
    if (c.start > removedFrom) return [{ start: c.start + shift, end: c.end + shift, text: c.text }];
    const before = { start: c.start, end: removedFrom, text: c.text };
    return c.end > removedFrom ? [before, { start: end, end: c.end + shift, text: '' }] : [before];
  };
  return {
    mainRange: file.lines.range(start, end),
    base,
    additionalEdits: (merged) => {
      const changes = [...lineChanges(base, merged).flatMap(toFile), { start: removedFrom, end: start, text: '' }];
      return joinTouching(changes).map((c) => ({ range: file.lines.range(c.start, c.end), newText: c.text }));
    },
  };
}

/** Changes sorted, those meeting end to start joined (VS Code would join them anyway). */
function joinTouching(changes: TextChange[]): TextChange[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextChange[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.end === c.start) out[out.length - 1] = { start: last.start, end: c.end, text: last.text + c.text };
    else out.push(c);
  }
  return out;
}
