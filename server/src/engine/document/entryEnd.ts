import { isMap, isPair, isScalar, isSeq } from 'yaml';

/** Text offsets of a YAML document's text: where lines start and end, and where a block node's own text ends. */

export const lineStartIn = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The end of the line holding `offset`, before its line break (LF or CRLF). */
export function lineEndIn(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  return i > offset && text[i - 1] === '\r' ? i - 1 : i;
}

/** A block node's range runs to the next key; step back over trailing blank lines and comments' newline. */
export function trimTrailingIn(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

/** A block scalar header that keeps its final line breaks: `|+`, `>+`, `|2+`, `>+2`. */
const KEEP = /^[|>](?:[1-9]?\+|\+[1-9]?)/;

/** Whether `node` (a map entry or a sequence item) ends with a `|+` or `>+` scalar, whose range ends with its kept blank lines. */
function endsWithKeptBreaks(text: string, node: unknown): boolean {
  let last = node;
  for (;;) {
    if (isPair(last)) last = last.value;
    else if ((isMap(last) || isSeq(last)) && !last.flow && last.items.length > 0) last = last.items[last.items.length - 1];
    else break;
  }
  if (!isScalar(last) || !last.range || (last.type !== 'BLOCK_LITERAL' && last.type !== 'BLOCK_FOLDED')) return false;
  return KEEP.test(text.slice(last.range[0]));
}

/**
 * Where the text of a block entry or item (`node`, whose range ends at `end`) ends: its trailing blank lines
 * trimmed, unless it ends with a `|+` scalar, whose kept blank lines are its content (then before the final break).
 */
function nodeTextEnd(text: string, node: unknown, end: number): number {
  if (!endsWithKeptBreaks(text, node) || text[end - 1] !== '\n') return trimTrailingIn(text, end);
  return text[end - 2] === '\r' ? end - 2 : end - 1;
}

/**
 * Where a map entry's or a list item's own text ends: with the comment and whitespace lines indented under it
 * (deeper than `column`, its key's or its dash's), but not the blank lines and comments above the next key or
 * item (at `column` or left of it), which stay with that one.
 */
export function entryEnd(text: string, entry: unknown, end: number, column: number): number {
  const commentIndent = (from: number, to: number) => /^([ \t]*)#/.exec(text.slice(from, to))?.[1].length;
  let e = nodeTextEnd(text, entry, end);
  for (;;) {
    const start = lineStartIn(text, e);
    const indent = commentIndent(start, e);
    if (indent === undefined || indent > column || start === 0) break;
    e = trimTrailingIn(text, start);
  }
  for (let scan = e; ;) {
    const next = text.indexOf('\n', scan) + 1;
    if (next === 0) return e;
    const nextEnd = lineEndIn(text, next);
    const line = text.slice(next, nextEnd).replace(/\r$/, '');
    const blankIndent = /^[ \t]*$/.test(line) ? line.length : undefined;
    const indent = commentIndent(next, nextEnd) ?? blankIndent;
    if (indent === undefined || (indent <= column && blankIndent === undefined)) return e;
    // a blank line indented deeper than the entry may be a block scalar's content (its range stops before it)
    if (indent > column) e = nextEnd;
    scan = nextEnd;
  }
}
