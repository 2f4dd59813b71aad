import { isMap, isScalar } from 'yaml';
import { documentAt, type ParsedFile, type YamlDocument } from '../documents';
import type { PathSegment, Position, Range } from '../../types';
import { nodeAt } from '../yamlNav';
import { BlockScanner } from './blockScan';
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

type Site = Omit<CursorContext, 'doc' | 'existingKeys' | 'replaceRange' | 'prefix' | 'style'> & {
  start: number;
  end: number;
  parentId?: number;
  flowKeys?: string[];
};

const WORD = /^[\w./-]*/;

/** The cursor context of `pos`, or undefined outside kops documents, in comments and in block scalars. */
export function cursorContext(file: ParsedFile, pos: Position): CursorContext | undefined {
  if (pos.line < 0 || pos.line >= file.lines.lineCount) return undefined;
  const lineStart = file.lines.lineStart(pos.line);
  const text = file.lines.lineText(pos.line);
  const col = Math.max(0, Math.min(pos.character, text.length));
  const doc = documentAt(file, lineStart + col);
  if (!doc?.kops) return undefined;
  const { first, last } = documentLines(file, doc);
  const scanner = new BlockScanner();
  for (let l = first; l < pos.line; l++) scanner.feed(l, file.lines.lineText(l));

  const where = scanner.classify(text, text.trim() === '' ? col : undefined);
  if (where === 'scalar') return undefined;
  const site =
    where === 'flow' && scanner.flow
      ? flowSite(file, scanner.flow, pos.line, lineStart + col, last)
      : blockSite(file, scanner, text, col, pos.line, last);
  if (!site) return undefined;
  if (!site.flowKeys) for (let l = pos.line + 1; l <= last; l++) scanner.feed(l, file.lines.lineText(l));

  const { start, end, parentId, flowKeys, ...rest } = site;
  const base = flowKeys ? 0 : lineStart;
  const [startOffset, endOffset, cursor] = [base + start, base + end, lineStart + col];
  if (cursor < startOffset || cursor > endOffset) return undefined;
  // A token spanning lines (a broken flow map's key) is no word to complete: LSP ranges stay on the cursor line.
  if (startOffset < lineStart || endOffset > lineStart + text.length) return undefined;
  return {
    ...rest,
    doc,
    prefix: file.text.slice(startOffset, cursor),
    replaceRange: file.lines.range(startOffset, endOffset),
    existingKeys: unique([
      ...(flowKeys ?? scanner.keys.filter((k) => k.parentId === parentId && k.line !== pos.line).map((k) => k.key)),
      ...astKeys(file, doc, rest.path, pos.line),
    ]),
    style: flowKeys ? 'flow' : 'block',
  };
}

function documentLines(file: ParsedFile, doc: YamlDocument): { first: number; last: number } {
  const end = doc.offset + doc.text.length;
  const last = file.lines.positionAt(end >= file.text.length ? end : end - 1).line;
  return { first: file.lines.positionAt(doc.offset).line, last };
}

function blockSite(file: ParsedFile, scanner: BlockScanner, text: string, col: number, line: number, last: number): Site | undefined {
  const parsed = parseBlockLine(text);
  if (parsed.kind === 'blank') return keySite(scanner, col, col, col, col, false);
  if (parsed.kind !== 'content' || col > parsed.commentCol || parsed.seqCols.some((c) => c >= col)) return undefined;
  scanner.enterSequenceItems(parsed);
  const entry = parsed.entry;
  const ownerIndent = parsed.seqCols.length ? parsed.seqCols[parsed.seqCols.length - 1] : parsed.indent;
  let site: Site | undefined;
  if (entry && col >= entry.keyStart && col <= entry.keyEnd) {
    const quoted = /^["']/.test(text[entry.keyStart]) ? 1 : 0;
    site = keySite(scanner, entry.keyStart, parsed.indent, entry.keyStart + quoted, entry.keyEnd - quoted, true);
  } else if (entry && col > entry.colon) {
    const parent = scanner.parentAt(entry.keyStart);
    if (/^[{[]/.test(entry.value) && col > entry.valueStart) {
      const ownerPath = [...parent.frames.map((f) => f.seg), entry.key];
      const open = { line, col: entry.valueStart, ownerPath, ownerIndent: entry.keyStart, depth: 1 };
      return flowSite(file, open, line, file.lines.lineStart(line) + col, last);
    }
    site = { ...keySite(scanner, entry.keyStart, parsed.indent, col, col, false), mode: 'value', key: entry.key };
    if (col >= entry.valueStart) {
      const quoted = /^["']/.test(entry.value) ? 1 : 0;
      const closed = quoted && entry.value.length > 1 && entry.value.endsWith(entry.value[0]) ? 1 : 0;
      site.start = entry.valueStart + quoted;
      site.end = entry.valueStart + entry.value.length - closed;
    }
    site.needsSpace = entry.value === '' && col === entry.colon + 1 && col === text.length;
  } else if (!entry) {
    const content = text.slice(parsed.contentCol, parsed.commentCol);
    if (/^[{[]/.test(content) && col > parsed.contentCol) {
      const open = { line, col: parsed.contentCol, ownerPath: scanner.path, ownerIndent, depth: 1 };
      return flowSite(file, open, line, file.lines.lineStart(line) + col, last);
    }
    const typed = text.slice(parsed.contentCol, col);
    if (col < parsed.contentCol || WORD.exec(typed)![0] !== typed || typed.startsWith('-')) return undefined;
    const end = col + WORD.exec(text.slice(col))![0].length;
    site = keySite(scanner, parsed.contentCol, parsed.indent, parsed.contentCol, end, false);
  }
  scanner.enterEntry(parsed, line, text);
  return site;
}

function keySite(scanner: BlockScanner, keyColumn: number, lineIndent: number, start: number, end: number, keyOnly: boolean): Site {
  const parent = scanner.parentAt(keyColumn);
  const top = parent.frames[parent.frames.length - 1];
  const indentStep = top?.kind === 'key' && keyColumn > top.col ? keyColumn - top.col : 2;
  return {
    path: parent.frames.map((f) => f.seg),
    mode: 'key',
    start,
    end,
    keyOnly,
    needsSpace: false,
    keyColumn,
    lineIndent,
    indentStep,
    parentId: parent.id,
  };
}

interface FlowStart {
  line: number;
  col: number;
  ownerPath: PathSegment[];
  ownerIndent: number;
}

function flowSite(file: ParsedFile, open: FlowStart, line: number, cursor: number, last: number): Site | undefined {
  const start = file.lines.lineStart(open.line) + open.col;
  const found = flowCursor(file.text, start, cursor, flowLimit(file, line, last, open.ownerIndent));
  if (!found) return undefined;
  let path = [...open.ownerPath, ...found.segs];
  let { mode, key } = found;
  if (found.container === 'seq') {
    const owner = path[path.length - 1];
    if (typeof owner !== 'string') return undefined;
    [path, mode, key] = [path.slice(0, -1), 'value', owner];
  }
  const lineIndent = file.lines.lineText(line).length - file.lines.lineText(line).trimStart().length;
  return {
    path,
    mode,
    key,
    start: found.start,
    end: found.end,
    keyOnly: found.keyOnly,
    needsSpace: false,
    keyColumn: open.ownerIndent,
    lineIndent,
    indentStep: 2,
    flowKeys: found.existingKeys,
  };
}

/** A flow collection may continue on following lines that are indented deeper than its owner. */
function flowLimit(file: ParsedFile, line: number, last: number, ownerIndent: number): number {
  let l = line + 1;
  for (; l <= last; l++) {
    const t = file.lines.lineText(l);
    if (t.trim() !== '' && t.length - t.trimStart().length <= ownerIndent) break;
  }
  return l > last ? file.lines.lineStart(last) + file.lines.lineText(last).length : file.lines.lineStart(l);
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
