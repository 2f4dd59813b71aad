/**
 * The shape of one block-style YAML line, read from text alone so it works while the document is
 * still invalid YAML. Columns are 0-based UTF-16 offsets into the line.
 */
export interface BlockLine {
  kind: 'blank' | 'comment' | 'marker' | 'content';
  /** Leading spaces. */
  indent: number;
  /** Column of every `- ` sequence-entry marker before the content. */
  seqCols: number[];
  /** Column where the content starts, after the indentation and the `- ` markers. */
  contentCol: number;
  /** Column where a trailing `#` comment starts, or the line length. */
  commentCol: number;
  entry?: KeyEntry;
}

/** A `key:` or `key: value` at `keyStart`. */
export interface KeyEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  colon: number;
  /** Column where the value text starts (after the blanks following the colon). */
  valueStart: number;
  /** Value text without trailing comment and blanks. */
  value: string;
}

const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)/;
const PLAIN_KEY = /^([^\s#:{}[\],'"&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** Column of the first `#` that starts a comment at or after `from` (outside quotes), else the line length. */
export function commentStart(line: string, from = 0): number {
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    const prev = i > 0 ? line[i - 1] : ' ';
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && /[ \t:{[,]/.test(prev)) quote = ch;
    else if (ch === '#' && /[ \t]/.test(prev)) return i;
  }
  return line.length;
}

function unquote(raw: string): string {
  if (raw.startsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

function keyEntry(line: string, at: number, commentCol: number): KeyEntry | undefined {
  const rest = line.slice(at, commentCol);
  const m = QUOTED_KEY.exec(rest) ?? PLAIN_KEY.exec(rest);
  if (!m) return undefined;
  const colon = at + m[0].length - 1;
  let valueStart = colon + 1;
  while (valueStart < commentCol && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
  const value = line.slice(valueStart, commentCol).trimEnd();
  return { key: unquote(m[1]), keyStart: at, keyEnd: at + m[1].length, colon, valueStart, value };
}

export function parseBlockLine(line: string): BlockLine {
  const indent = line.length - line.replace(/^ +/, '').length;
  const commentCol = commentStart(line, indent);
  if (line.trim() === '') return { kind: 'blank', indent, seqCols: [], contentCol: indent, commentCol };
  if (commentCol === indent) return { kind: 'comment', indent, seqCols: [], contentCol: indent, commentCol };
  if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line)) {
    return { kind: 'marker', indent, seqCols: [], contentCol: 0, commentCol };
  }
  const seqCols: number[] = [];
  let col = indent;
  while (line[col] === '-' && (col + 1 >= line.length || line[col + 1] === ' ' || line[col + 1] === '\t')) {
    seqCols.push(col);
    col++;
    while (line[col] === ' ' || line[col] === '\t') col++;
  }
  return { kind: 'content', indent, seqCols, contentCol: col, commentCol, entry: keyEntry(line, col, commentCol) };
}

/** A value that leaves the key's content to the following, more indented lines (empty, anchor, tag). */
export function opensBlock(value: string): boolean {
  return /^((&\S+|!\S*)\s*)*$/.test(value);
}

/** A `|` or `>` block scalar header, possibly after an anchor or tag. */
export function isBlockScalarHeader(value: string): boolean {
  return /^((&\S+|!\S*)\s+)*[|>][0-9+-]*$/.test(value);
}

/** Net count of `{`/`[` minus `}`/`]` outside quotes in `text`. */
export function flowBalance(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[ \t\r\n:{[,]/.test(text[i - 1]))) quote = ch;
    else if (ch === '#' && (i === 0 || /[ \t\r\n]/.test(text[i - 1]))) break;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return depth;
}
