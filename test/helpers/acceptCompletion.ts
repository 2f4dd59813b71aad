import { LineIndex, type CompletionEntry, type TextEdit } from '../../server/src/engine';

interface Offsets {
  start: number;
  end: number;
  text: string;
}

/**
 * What VS Code does on accepting a completion item at `cursor` (an offset), resolved beforehand for its
 * `additionalEdits`: the additional edits in one batch, the
 * cursor moving past text inserted at it (EditOperation.replaceMove), then the main edit as overwriteBefore/After
 * around the moved cursor. Throws when an additional edit overlaps the main edit or moves the typed text away.
 */
export function acceptCompletion(text: string, cursor: number, item: CompletionEntry, additionalEdits: readonly TextEdit[] = []): string {
  const lines = new LineIndex(text);
  const toOffsets = (e: TextEdit): Offsets => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText });
  const main = toOffsets({ range: item.range, newText: item.insertText });
  const extra = additionalEdits.map(toOffsets).sort((a, b) => b.start - a.start);
  if (extra.some((e) => e.end > main.start && e.start < main.end))
    throw new Error(`${item.label}: an additional edit overlaps the main edit`);
  let [out, at] = [text, cursor];
  for (const e of extra) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    if (at > e.end || (at >= e.start && e.text)) at = at > e.end ? at + e.text.length - (e.end - e.start) : e.start + e.text.length;
    else if (at > e.start) at = e.start;
  }
  const [before, after] = [cursor - main.start, main.end - cursor];
  if (out.slice(at - before, at + after) !== text.slice(main.start, main.end))
    throw new Error(`${item.label}: the main edit no longer replaces the typed text`);
  return out.slice(0, at - before) + main.text + out.slice(at + after);
}
