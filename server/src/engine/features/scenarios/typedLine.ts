import type { ParsedFile } from '../../document/documents';
import { lineChanges, type TextChange } from '../../document/lineDiff';
import type { Position, Range, TextEdit } from '../../types';

/**
 * The line a scenario's name is typed on, and how a change to the file without that line becomes edits of the
 * file as it is. The completion item's own edit removes the typed word, keeping the line and its indentation (so
 * the line breaks around it stay as they were); the merge comes after it (the item's command), computed on that
 * line, which is why a line holding nothing but indentation, or nothing at all, counts too.
 */
export interface TypedLine {
  /** The typed word and what follows it on the line (the completion item's own edit empties it). */
  mainRange: Range;
  /** The file without the typed line (and the line break before it). */
  base: string;
  /** Edits turning the file into `merged` (a change of `base`): the typed line removed, and every other change. */
  edits(merged: string): TextEdit[];
}

const TYPED = /^[ \t]*[\w./-]*[ \t]*$/;

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
  const word = start + /^[ \t]*/.exec(file.lines.lineText(pos.line))![0].length;
  return {
    mainRange: file.lines.range(Math.min(word, file.lines.offsetAt(pos)), end),
    base,
    edits: (merged) => {
      const changes = [...lineChanges(base, merged).flatMap(toFile), { start: removedFrom, end, text: '' }];
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
