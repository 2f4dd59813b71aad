import { isMap, isScalar } from 'yaml';
import { documentAt, type ParsedFile, type YamlDocument } from '../documents';
import type { PathSegment, Position, Range } from '../../types';
import { nodeAt } from '../yamlNav';
import { parentAt, scanBlocks, type Blocks, type FlowStart, type Frame } from './blockScan';
import { flowCursor } from './flowScan';
import { parseBlockLine } from './lineSyntax';

/** What the cursor is about to type, read from the text so it also works while the YAML is broken. */
export interface CursorContext {
  doc: YamlDocument;
  /** Path from the document root to the mapping that holds the cursor. */
  path: PathSegment[];
  /** `key`: a key of that mapping is being typed; `value`: the value of `key`. */
  mode: 'key' | 'value';
  key?: string;
  /** What was already typed of the word under the cursor (quotes excluded). */
  prefix: string;
  /** The word a completion replaces (it may extend right of the cursor). */
  replaceRange: Range;
  /** Keys already present in that mapping, not counting the one under the cursor. */
  existingKeys: string[];
  style: 'block' | 'flow';
  /** Key mode only: a `:` already follows the key, so a completion inserts the bare name. */
  keyOnly: boolean;
  /** Value mode only: the colon is not yet followed by a blank (`ipam:|`). */
  needsSpace: boolean;
  /** Column of the key being typed or valued (block style). */
  keyColumn: number;
  /** Leading blanks of the cursor line (block style; a `- ` marker is not a blank). */
  lineIndent: number;
  /** How far this document indents a nested block (2 unless the file shows otherwise). */
  indentStep: number;
}

/** The cursor's line in its kops document, which spans lines `first` to `last`. */
interface CursorLine {
  doc: YamlDocument;
  line: number;
  text: string;
  /** The cursor column, clamped to the line. */
  col: number;
  /** File offset of the line. */
  lineStart: number;
  first: number;
  last: number;
}

/** The word under the cursor and its role; `start`/`end` are the file offsets of the word a completion replaces. */
type Site = Omit<CursorContext, 'doc' | 'prefix' | 'replaceRange'> & { start: number; end: number };

type OpenBlocks = Blocks & { where: 'block' };

const WORD = /^[\w./-]*/;

/**
 * The cursor context of `pos`, or undefined outside kops documents, in comments and in block scalars. One request,
 * top to bottom: the cursor line; the blocks open at it (one pass over the document); the flow collection or the
 * block line under the cursor; then file ranges and the keys the YAML parser also sees.
 */
export function cursorContext(file: ParsedFile, pos: Position): CursorContext | undefined {
  const cursor = cursorLine(file, pos);
  if (!cursor) return undefined;
  const blocks = scanBlocks(file.lines, cursor.first, cursor.last, cursor);
  if (blocks.where === 'scalar') return undefined;
  const site = blocks.where === 'flow' ? flowSite(file, cursor, blocks.flow) : lineSite(file, cursor, blocks);
  return site && contextOf(file, cursor, site);
}

function cursorLine(file: ParsedFile, pos: Position): CursorLine | undefined {
  if (pos.line < 0 || pos.line >= file.lines.lineCount) return undefined;
  const lineStart = file.lines.lineStart(pos.line);
  const text = file.lines.lineText(pos.line);
  const col = Math.max(0, Math.min(pos.character, text.length));
  const doc = documentAt(file, lineStart + col);
  if (!doc?.kops) return undefined;
  const end = doc.offset + doc.text.length;
  const last = file.lines.positionAt(end >= file.text.length ? end : end - 1).line;
  return { doc, line: pos.line, text, col, lineStart, first: file.lines.positionAt(doc.offset).line, last };
}

/** The block line under the cursor: a key typed or valued, a bare word, a blank line, or a flow collection opening. */
function lineSite(file: ParsedFile, cursor: CursorLine, blocks: OpenBlocks): Site | undefined {
  const { text, col } = cursor;
  const parsed = parseBlockLine(text);
  if (parsed.kind === 'blank') return keySite(cursor, blocks, col, col, [col, col]);
  if (parsed.kind !== 'content' || col > parsed.commentCol || parsed.seqCols.some((c) => c >= col)) return undefined;
  const entry = parsed.entry;
  if (entry && col >= entry.keyStart && col <= entry.keyEnd) {
    const quoted = /^["']/.test(text[entry.keyStart]) ? 1 : 0;
    return keySite(cursor, blocks, entry.keyStart, parsed.indent, [entry.keyStart + quoted, entry.keyEnd - quoted], true);
  }
  if (entry && col > entry.colon) {
    if (/^[{[]/.test(entry.value) && col > entry.valueStart) {
      const ownerPath = [...parentAt(blocks.frames, entry.keyStart).map((f) => f.seg), entry.key];
      return flowSite(file, cursor, { line: cursor.line, col: entry.valueStart, ownerPath, ownerIndent: entry.keyStart });
    }
    const site: Site = {
      ...keySite(cursor, blocks, entry.keyStart, parsed.indent, [col, col]),
      mode: 'value',
      key: entry.key,
      needsSpace: entry.value === '' && col === entry.colon + 1 && col === text.length,
    };
    if (col >= entry.valueStart) {
      const quoted = /^["']/.test(entry.value) ? 1 : 0;
      const closed = quoted && entry.value.length > 1 && entry.value.endsWith(entry.value[0]) ? 1 : 0;
      site.start = cursor.lineStart + entry.valueStart + quoted;
      site.end = cursor.lineStart + entry.valueStart + entry.value.length - closed;
    }
    return site;
  }
  if (entry) return undefined;
  if (/^[{[]/.test(text.slice(parsed.contentCol, parsed.commentCol)) && col > parsed.contentCol) {
    const ownerIndent = parsed.seqCols.length ? parsed.seqCols[parsed.seqCols.length - 1] : parsed.indent;
    const ownerPath = blocks.frames.map((f) => f.seg);
    return flowSite(file, cursor, { line: cursor.line, col: parsed.contentCol, ownerPath, ownerIndent });
  }
  const typed = text.slice(parsed.contentCol, col);
  if (col < parsed.contentCol || WORD.exec(typed)![0] !== typed || typed.startsWith('-')) return undefined;
  const end = col + WORD.exec(text.slice(col))![0].length;
  return keySite(cursor, blocks, parsed.contentCol, parsed.indent, [parsed.contentCol, end]);
}

/** A key typed at `keyColumn` (`span`: columns of the word it replaces); its parent is the block open left of it. */
function keySite(
  cursor: CursorLine,
  blocks: OpenBlocks,
  keyColumn: number,
  lineIndent: number,
  span: [number, number],
  keyOnly = false,
): Site {
  const parents = parentAt(blocks.frames, keyColumn);
  const top = parents[parents.length - 1] as Frame | undefined;
  const parentId = top?.id ?? 0;
  return {
    path: parents.map((f) => f.seg),
    mode: 'key',
    start: cursor.lineStart + span[0],
    end: cursor.lineStart + span[1],
    keyOnly,
    needsSpace: false,
    keyColumn,
    lineIndent,
    indentStep: top?.kind === 'key' && keyColumn > top.col ? keyColumn - top.col : 2,
    existingKeys: blocks.keys.filter((k) => k.parentId === parentId && k.line !== cursor.line).map((k) => k.key),
    style: 'block',
  };
}

/** The cursor inside the flow collection opening at `open`. */
function flowSite(file: ParsedFile, cursor: CursorLine, open: FlowStart): Site | undefined {
  const start = file.lines.lineStart(open.line) + open.col;
  const found = flowCursor(file.text, start, cursor.lineStart + cursor.col, flowLimit(file, cursor, open.ownerIndent));
  if (!found) return undefined;
  let path = [...open.ownerPath, ...found.segs];
  let { mode, key } = found;
  if (found.container === 'seq') {
    const owner = path[path.length - 1];
    if (typeof owner !== 'string') return undefined;
    [path, mode, key] = [path.slice(0, -1), 'value', owner];
  }
  return {
    path,
    mode,
    key,
    start: found.start,
    end: found.end,
    keyOnly: found.keyOnly,
    needsSpace: false,
    keyColumn: open.ownerIndent,
    lineIndent: cursor.text.length - cursor.text.trimStart().length,
    indentStep: 2,
    existingKeys: found.existingKeys,
    style: 'flow',
  };
}

/** A flow collection may continue on following lines that are indented deeper than its owner. */
function flowLimit(file: ParsedFile, cursor: CursorLine, ownerIndent: number): number {
  let l = cursor.line + 1;
  for (; l <= cursor.last; l++) {
    const t = file.lines.lineText(l);
    if (t.trim() !== '' && t.length - t.trimStart().length <= ownerIndent) break;
  }
  const { lines } = file;
  return l > cursor.last ? lines.lineStart(cursor.last) + lines.lineText(cursor.last).length : lines.lineStart(l);
}

/** The site as LSP sees it; undefined unless its word holds the cursor and stays on the cursor line. */
function contextOf(file: ParsedFile, cursor: CursorLine, site: Site): CursorContext | undefined {
  const { start, end, existingKeys, ...rest } = site;
  const at = cursor.lineStart + cursor.col;
  if (at < start || at > end) return undefined;
  // A token spanning lines (a broken flow map's key) is no word to complete: LSP ranges stay on the cursor line.
  if (start < cursor.lineStart || end > cursor.lineStart + cursor.text.length) return undefined;
  return {
    ...rest,
    doc: cursor.doc,
    prefix: file.text.slice(start, at),
    replaceRange: file.lines.range(start, end),
    existingKeys: unique([...existingKeys, ...astKeys(file, cursor.doc, rest.path, cursor.line)]),
  };
}

/** Keys the parser found in the mapping, when the document parses cleanly (catches explicit/complex keys). */
function astKeys(file: ParsedFile, doc: YamlDocument, path: PathSegment[], cursorLine: number): string[] {
  if (doc.yaml.errors.length) return [];
  const node = nodeAt(doc, path);
  if (!isMap(node)) return [];
  const keys: string[] = [];
  for (const item of node.items) {
    const k = item.key;
    if (!isScalar(k) || k.value == null || !k.range) continue;
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar holds a string, number or boolean here
    if (file.lines.positionAt(doc.offset + k.range[0]).line !== cursorLine) keys.push(String(k.value));
  }
  return keys;
}

const unique = (keys: string[]): string[] => [...new Set(keys)];
