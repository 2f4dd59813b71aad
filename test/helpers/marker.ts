import type { Position } from '../../server/src/engine';

/**
 * Removes the cursor marker from fixture text and returns where it was.
 * `<|>` is used when present (so a YAML block-scalar `|` can appear in the fixture); otherwise the single `|`.
 */
export function withCursor(marked: string): { text: string; position: Position } {
  const long = marked.indexOf('<|>');
  const at = long >= 0 ? long : marked.indexOf('|');
  if (at < 0) throw new Error('fixture has no cursor marker');
  const width = long >= 0 ? 3 : 1;
  if (long < 0 && marked.indexOf('|', at + 1) >= 0) throw new Error('fixture has more than one `|`; use `<|>`');
  const text = marked.slice(0, at) + marked.slice(at + width);
  const before = marked.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text, position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
}

/** Position of the first occurrence of `anchor` in `text` (plus `offset` characters into it). */
export function positionOf(text: string, anchor: string, offset = 0): Position {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`anchor not found: ${anchor}`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
