import { documentMarkerFrom } from '../kopsIdentity';

/** Offset where `line` starts; -1 when the text has fewer lines. */
export function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const newline = text.indexOf('\n', at);
    if (newline < 0) return -1;
    at = newline + 1;
  }
  return at;
}

/**
 * For the document holding `offset`: where it ends (`end`, where the next document's `---` starts, or the end
 * of the text) and the shortest prefix of `text` that holds it and the next marker line (`prefix`), so that
 * it is not the last document of the prefix: every position in it then reads the same in a parse of the
 * prefix as in a parse of the whole text.
 */
export function documentBounds(text: string, offset: number): { end: number; prefix: number } {
  const next = documentMarkerFrom(text, offset + 1);
  if (next < 0) return { end: text.length, prefix: text.length };
  const newline = text.indexOf('\n', next);
  return { end: next, prefix: newline < 0 ? text.length : newline + 1 };
}
