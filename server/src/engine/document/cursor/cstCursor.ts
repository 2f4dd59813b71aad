import { CST, Parser } from 'yaml';
import { documentAt, type ParsedFile, type YamlDocument } from '../documents';
import type { PathSegment, Position } from '../../types';
import type { CursorContext } from './cursorContext';
import { parseBlockLine } from './lineSyntax';

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
type Item = CST.CollectionItem;

/** One collection on the way from the document root to the cursor, and its last item starting before it. */
interface Step { coll: Collection; item?: Item; index: number }

/** An open block: a `key:` whose value continues below, or a `- ` item. */
interface Frame { kind: 'key' | 'item'; col: number; seg: PathSegment; children?: CST.Token }

interface Cursor {
  file: ParsedFile;
  doc: YamlDocument;
  line: number;
  text: string;
  col: number;
  /** Document offsets. */
  at: number;
  lineStart: number;
  root?: CST.Token;
}

type Site = Omit<CursorContext, 'doc' | 'prefix' | 'replaceRange'> & { start: number; end: number };

const WORD = /^[\w./-]*/;
const SPACE = new Set(['space', 'newline', 'comment']);

/** The cursor context of `pos`, or undefined outside kops documents, in comments and in block scalars. */
export function cursorContext(file: ParsedFile, pos: Position): CursorContext | undefined {
  try {
    return locate(file, pos);
  } catch {
    return undefined;
  }
}

function locate(file: ParsedFile, pos: Position): CursorContext | undefined {
  if (pos.line < 0 || pos.line >= file.lines.lineCount) return undefined;
  const text = file.lines.lineText(pos.line);
  const col = Math.max(0, Math.min(pos.character, text.length));
  const fileLineStart = file.lines.lineStart(pos.line);
  const doc = documentAt(file, fileLineStart + col);
  if (!doc?.kops) return undefined;
  const lineStart = fileLineStart - doc.offset;
  const at = lineStart + col;
  const root = documentToken(doc.text, at)?.value;
  const cur: Cursor = { file, doc, line: pos.line, text, col, at, lineStart, root };
  const steps = stepsAt(root, at);
  const flowAt = flowStepIndex(cur, steps);
  const site = flowAt >= 0 ? flowSite(cur, steps, flowAt) : blockSite(cur, steps);
  if (!site || cur.at < site.start || cur.at > site.end) return undefined;
  if (site.start < lineStart || site.end > lineStart + text.length) return undefined;
  const { start, end, ...rest } = site;
  return {
    ...rest,
    doc,
    prefix: doc.text.slice(start, cur.at),
    replaceRange: file.lines.range(doc.offset + start, doc.offset + end),
  };
}

function documentToken(text: string, at: number): CST.Document | undefined {
  let found: CST.Document | undefined;
  for (const token of new Parser().parse(text)) if (token.type === 'document' && token.offset <= at) found = token;
  return found;
}

/** Where an item begins: its first token that is not blank or comment (`-`, `?`, key), or just after its `,`. */
function anchorOf(item: Item): number {
  for (const t of tokensOf(item)) if (!SPACE.has(t.type)) return t.type === 'comma' ? t.offset + 1 : t.offset;
  return Infinity;
}

function stepsAt(node: CST.Token | undefined, at: number, steps: Step[] = []): Step[] {
  if (!node || !CST.isCollection(node)) return steps;
  if (node.type === 'flow-collection' ? at <= node.start.offset : anchorOf(node.items[0]) > at) return steps;
  let index = -1;
  node.items.forEach((item, i) => { if (anchorOf(item) <= at) index = i; });
  const item = node.items[index] as Item | undefined;
  steps.push({ coll: node, item, index });
  return item?.value ? stepsAt(item.value, at, steps) : steps;
}

const lineOf = (cur: Cursor, offset: number): number => cur.file.lines.positionAt(cur.doc.offset + offset).line;
const colOf = (cur: Cursor, offset: number): number => cur.file.lines.positionAt(cur.doc.offset + offset).character;
const endOf = (t: CST.Token): number => t.offset + ('source' in t ? t.source.length : 0);
const colon = (item: Item): CST.SourceToken | undefined => item.sep?.find((t) => t.type === 'map-value-ind');

/** A key as the user reads it: a plain key continuing an unfinished line above is only its last line. */
function keyOf(cur: Cursor, key: CST.Token): { text: string; line: number; col: number } | undefined {
  if (!CST.isScalar(key)) return undefined;
  const lines = key.source.split('\n');
  const last = lines[lines.length - 1];
  const offset = key.offset + key.source.length - last.length + (last.length - last.trimStart().length);
  const text = key.type === 'scalar' ? last.trim() : String(CST.resolveAsScalar(key).value);
  return { text, line: lineOf(cur, offset), col: colOf(cur, offset) };
}

/** Index of the innermost flow collection around the cursor in `steps`, or -1. */
function flowStepIndex(cur: Cursor, steps: Step[]): number {
  let found = -1;
  steps.forEach(({ coll }, i) => {
    if (coll.type !== 'flow-collection') return;
    const close = coll.end.find((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end');
    if (cur.at > coll.start.offset && (!close || cur.at <= close.offset)) found = i;
  });
  if (found < 0 || cur.text.trim() !== '') return found;
  // On a blank line, an unclosed collection ends at its owner's column.
  const first = steps.findIndex((s) => s.coll.type === 'flow-collection');
  return cur.col > ownerColumn(cur, steps, first) ? found : -1;
}

function ownerColumn(cur: Cursor, steps: Step[], flow: number): number {
  const owner = steps[flow - 1]?.item;
  if (owner) return colOf(cur, anchorOf(owner));
  const open = steps[flow].coll as CST.FlowCollection;
  const lineText = cur.file.lines.lineText(lineOf(cur, open.start.offset));
  return lineText.length - lineText.replace(/^ +/, '').length;
}

function segOf(cur: Cursor, step: Step): PathSegment | undefined {
  if (step.coll.type === 'block-seq' || step.coll.type === 'flow-collection' && step.coll.start.type === 'flow-seq-start') return step.index;
  return step.item?.key ? keyOf(cur, step.item.key)?.text : undefined;
}

function flowSite(cur: Cursor, steps: Step[], at: number): Site | undefined {
  const path: PathSegment[] = [];
  for (const step of steps.slice(0, at)) {
    const seg = segOf(cur, step);
    if (seg === undefined) return undefined;
    path.push(seg);
  }
  const { coll, item } = steps[at] as { coll: CST.FlowCollection; item?: Item };
  const isMap = coll.start.type === 'flow-map-start';
  const token = [item?.key, item?.value].find((t): t is CST.FlowScalar => !!t && CST.isScalar(t) && t.offset <= cur.at && cur.at <= endOf(t));
  const sep = item && colon(item);
  const mode = isMap && (!sep || cur.at <= sep.offset) ? 'key' : 'value';
  const next = tokensOf(item ?? coll.items[0]).find((t) => !SPACE.has(t.type) && t.offset >= (token ? endOf(token) : cur.at));
  let key = isMap && mode === 'value' ? keyText(cur, item?.key) : undefined;
  if (!isMap) {
    key = path.pop() as string;
    if (typeof key !== 'string') return undefined;
  }
  const keys = isMap ? coll.items.filter((it) => it.key !== token).map((it) => keyText(cur, it.key)) : [];
  return {
    path, mode, key, ...(token ? scalarRange(token) : { start: cur.at, end: cur.at }),
    keyOnly: mode === 'key' && next?.type === 'map-value-ind', needsSpace: false,
    keyColumn: ownerColumn(cur, steps, steps.findIndex((s) => s.coll.type === 'flow-collection')),
    lineIndent: cur.text.length - cur.text.trimStart().length, indentStep: 2,
    existingKeys: unique(keys.filter((k): k is string => k !== undefined && k !== key)), style: 'flow',
  };
}

const tokensOf = (item: Item | undefined): CST.Token[] =>
  item ? [...item.start, item.key, ...(item.sep ?? []), item.value].filter((t): t is CST.Token => !!t) : [];

function keyText(cur: Cursor, key: CST.Token | null | undefined): string | undefined {
  return key ? keyOf(cur, key)?.text : undefined;
}

function scalarRange(t: CST.FlowScalar): { start: number; end: number } {
  if (t.type === 'scalar') return { start: t.offset, end: endOf(t) };
  const closed = t.source.length > 1 && t.source.endsWith(t.source[0]) ? 1 : 0;
  return { start: t.offset + 1, end: endOf(t) - closed };
}

/** The open blocks around the cursor line, from the document root down. */
function framesOf(cur: Cursor, steps: Step[]): Frame[] {
  const frames: Frame[] = [];
  for (const { coll, item, index } of steps) {
    if (!item || coll.type === 'flow-collection') break;
    const value = item.value;
    const children = value?.type === 'block-map' ? value : undefined;
    if (coll.type === 'block-seq') {
      frames.push({ kind: 'item', col: colOf(cur, anchorOf(item)), seg: index, children });
      continue;
    }
    const key = item.key ? keyOf(cur, item.key) : undefined;
    if (!key || key.line >= cur.line || !colon(item)) break;
    if (value && lineOf(cur, value.offset) <= key.line) break;
    frames.push({ kind: 'key', col: key.col, seg: key.text, children });
  }
  return frames;
}

function blockSite(cur: Cursor, steps: Step[]): Site | undefined {
  if (inBlockScalar(cur, steps)) return undefined;
  const { text, col } = cur;
  const parsed = parseBlockLine(text);
  const keySite = (keyColumn: number, lineIndent: number, start: number, end: number, keyOnly: boolean): Site =>
    placeKey(cur, steps, keyColumn, lineIndent, cur.lineStart + start, cur.lineStart + end, keyOnly);
  if (parsed.kind === 'blank') return keySite(col, col, col, col, false);
  if (parsed.kind !== 'content' || col > parsed.commentCol || parsed.seqCols.some((c) => c >= col)) return undefined;
  const entry = parsed.entry;
  if (entry && col >= entry.keyStart && col <= entry.keyEnd) {
    const quoted = /^["']/.test(text[entry.keyStart]) ? 1 : 0;
    return keySite(entry.keyStart, parsed.indent, entry.keyStart + quoted, entry.keyEnd - quoted, true);
  }
  if (entry && col > entry.colon) {
    if (/^[{[]/.test(entry.value) && col > entry.valueStart) return undefined;
    const site: Site = { ...keySite(entry.keyStart, parsed.indent, col, col, false), mode: 'value', key: entry.key };
    if (col >= entry.valueStart) {
      const quoted = /^["']/.test(entry.value) ? 1 : 0;
      const closed = quoted && entry.value.length > 1 && entry.value.endsWith(entry.value[0]) ? 1 : 0;
      site.start = cur.lineStart + entry.valueStart + quoted;
      site.end = cur.lineStart + entry.valueStart + entry.value.length - closed;
    }
    site.needsSpace = entry.value === '' && col === entry.colon + 1 && col === text.length;
    return site;
  }
  if (entry) return undefined;
  const typed = text.slice(parsed.contentCol, col);
  if (/^[{[]/.test(typed) || WORD.exec(typed)![0] !== typed || typed.startsWith('-')) return undefined;
  return keySite(parsed.contentCol, parsed.indent, parsed.contentCol, col + WORD.exec(text.slice(col))![0].length, false);
}

/** Inside a `|`/`>` scalar begun above: its text lines, and blank lines right of its owner. */
function inBlockScalar(cur: Cursor, steps: Step[]): boolean {
  const item = steps[steps.length - 1]?.item;
  const value = item?.value;
  if (!item || value?.type !== 'block-scalar' || lineOf(cur, value.offset) >= cur.line) return false;
  return cur.text.trim() !== '' || cur.col > colOf(cur, anchorOf(item));
}

function placeKey(cur: Cursor, steps: Step[], keyColumn: number, lineIndent: number, start: number, end: number, keyOnly: boolean): Site {
  let frames = framesOf(cur, steps);
  let n = frames.length;
  while (n > 0 && frames[n - 1].col >= keyColumn) n--;
  frames = frames.slice(0, n);
  const top = frames[frames.length - 1] as Frame | undefined;
  const children = top ? top.children : cur.root;
  return {
    path: frames.map((f) => f.seg),
    mode: 'key',
    start,
    end,
    keyOnly,
    needsSpace: false,
    keyColumn,
    lineIndent,
    indentStep: top?.kind === 'key' && keyColumn > top.col ? keyColumn - top.col : 2,
    existingKeys: unique(children?.type === 'block-map' ? blockKeys(cur, children) : []),
    style: 'block',
  };
}

function blockKeys(cur: Cursor, map: CST.BlockMap): string[] {
  return map.items.flatMap((item) => {
    const key = item.key && colon(item) ? keyOf(cur, item.key) : undefined;
    return key && key.line !== cur.line ? [key.text] : [];
  });
}

const unique = (keys: string[]): string[] => [...new Set(keys)];
