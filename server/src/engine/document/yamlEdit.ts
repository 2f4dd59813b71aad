import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { fileRange, type ParsedFile, type YamlDocument } from './documents';
import { retypedCollectionAlong } from './collectionTags';
import { commentLinesIn, EditSafety, PROPERTIES_AFTER, PROPERTY, propertiesBefore } from './editSafety';
import { flowEntryWithComma } from './flowEntry';
import { entryEnd, lineEndIn, lineStartIn, trimTrailingIn } from './entryEnd';
import { keyName, nodeAt, pairOf, spanOf } from './yamlNav';
import type { PathSegment, TextEdit } from '../types';

/** What may stand between a line's start and a key for the key's whole line to be the entry's own: indentation, the key's anchor or tag. */
const KEY_LINE_PREFIX = new RegExp(String.raw`^[ \t]*(?:${PROPERTY}[ \t]+)*$`);
/** The same before a sequence item: `- `, the item's anchor or tag. */
const ITEM_LINE_PREFIX = new RegExp(String.raw`^[ \t]*-[ \t]+(?:${PROPERTY}[ \t]+)*$`);

/** A scalar with no text at all, as in `key:` or `key: # comment`. */
const isEmptyScalar = (node: unknown): node is Scalar => isScalar(node) && node.value === null && node.source === '';

/**
 * Minimal text edits on one document that keep the user's formatting and comments:
 * only the lines being added, changed or removed are touched.
 *
 * Where a new key goes: right after the entry of its mapping that holds (or leads to) `near`, the path the edit
 * is about (a fix's finding), so `bpfLBSock` lands beside `bpfLBSockHostNSOnly`; after the last entry otherwise.
 *
 * Every public method returns its edits through `checked` (EditSafety): nothing rather than an edit that loses a
 * comment line, cuts through text the parser could not read, or changes a node an alias elsewhere refers to. Nothing
 * is written under a collection whose tag gives it another meaning (`!!set`, `!!omap`): only removed from it.
 */
export class YamlEditor {
  /** The file's first line break (`doc.text` has lone CRs turned into LFs for the parser). */
  private readonly eol: string;
  private safety?: EditSafety;

  constructor(
    private readonly file: ParsedFile,
    private readonly doc: YamlDocument,
    private readonly near: readonly PathSegment[] = [],
  ) {
    const at = file.text.search(/[\r\n]/);
    this.eol = at < 0 || file.text[at] === '\n' ? '\n' : file.text[at + 1] === '\n' ? '\r\n' : '\r';
  }

  /**
   * Sets `path` to a scalar (YAML text), creating missing parents as block mappings (flow mappings inside
   * flow collections stay flow). Nothing when something other than a mapping is in the way.
   */
  set(path: readonly PathSegment[], valueText: string): TextEdit[] {
    return this.written(path, () => this.setValue(path, valueText));
  }

  /** Adds `key: <block>` (block already indented relative to the key, lines joined by \n) under a map. */
  addBlock(mapPath: readonly PathSegment[], key: string, blockLines: string[]): TextEdit[] {
    return this.written(mapPath, () =>
      this.insertEntry(mapPath, (indent) => [`${key}:`, ...blockLines.map((l) => indent + this.step + l)]),
    );
  }

  /** Appends an item (lines relative to the `- `) to a block sequence at `path`. */
  appendToSeq(path: readonly PathSegment[], itemLines: string[]): TextEdit[] {
    return this.written(path, () => this.appendBlockItem(path, itemLines));
  }

  /** Appends a flow-style item (`{a: 1}`) to a flow sequence such as `[]` or `[{...}]`. */
  appendToFlowSeq(path: readonly PathSegment[], itemText: string): TextEdit[] {
    const seq = nodeAt(this.doc, path);
    if (!isSeq(seq) || !seq.flow || !seq.range) return [];
    return this.written(path, () => [this.insertIntoFlowCollection(seq, itemText)]);
  }

  renameKey(path: readonly PathSegment[], newKey: string): TextEdit[] {
    const pair = this.pair(path);
    const span = pair && spanOf(pair.key as Node);
    return span ? this.written(path.slice(0, -1), () => [this.replace(span[0], span[1], newKey)]) : [];
  }

  /** Removes a key with its value; whole lines in block style (comment lines among them stay), the entry and its comma in flow style. */
  removeKey(path: readonly PathSegment[]): TextEdit[] {
    return this.checked(this.removeAt(path));
  }

  /** removeKey for a pair already at hand. */
  removeEntry(map: YAMLMap, pair: Pair): TextEdit[] {
    return this.checked(this.removePair(map, pair));
  }

  /** Removes a scalar item of a block sequence with its line; nothing in flow style or when the item shares its line. */
  removeSeqItem(path: readonly PathSegment[]): TextEdit[] {
    return this.checked(this.removeItem(path));
  }

  /**
   * Like removeKey, but a block mapping that would be left without keys becomes `{}`, so an emptied
   * `cilium:` keeps meaning "Cilium with defaults" instead of turning into null.
   */
  removeKeyKeepingParent(path: readonly PathSegment[]): TextEdit[] {
    return this.checked(this.removeKeepingParent(path));
  }

  /** The document's indentation step: the first indented line's indentation (a comment's says nothing of nesting). */
  get step(): string {
    const m = /^( +)[^\s#]/m.exec(this.doc.text);
    return m ? m[1].replace(/^( {1,8}).*/, '$1') : '  ';
  }

  /** The edits of a change that writes under `path`; none under a retyped collection (see collectionTags.ts). */
  private written(path: readonly PathSegment[], edits: () => TextEdit[]): TextEdit[] {
    return retypedCollectionAlong(this.doc, path) ? [] : this.checked(edits());
  }

  /** The edits, or none when one of them is unsafe. */
  private checked(edits: TextEdit[]): TextEdit[] {
    const safety = (this.safety ??= new EditSafety(this.doc));
    const offset = (p: TextEdit['range']['start']) => this.file.lines.offsetAt(p) - this.doc.offset;
    return edits.every((e) => safety.allows(offset(e.range.start), offset(e.range.end), e.newText.replace(/\r\n?/g, '\n'))) ? edits : [];
  }

  private setValue(path: readonly PathSegment[], valueText: string): TextEdit[] {
    const existing = nodeAt(this.doc, path);
    if (isEmptyScalar(existing) && existing.range && !existing.tag) return [this.fillEmptyScalar(existing.range[0], valueText)];
    if (isScalar(existing) && existing.range) return this.replaceScalar(existing, valueText);
    if (existing) return [];
    let depth = path.length - 1;
    while (depth > 0 && nodeAt(this.doc, path.slice(0, depth)) === undefined) depth--;
    const parentPath = path.slice(0, depth);
    const parent = depth ? nodeAt(this.doc, parentPath) : this.doc.yaml.contents;
    const missing = path.slice(depth).map(String);
    if (isMap(parent)) return this.insertInto(parentPath, missing, valueText);
    if (isEmptyScalar(parent)) return this.fillEmptyParent(parentPath, missing, valueText);
    return [];
  }

  private appendBlockItem(path: readonly PathSegment[], itemLines: string[]): TextEdit[] {
    const seq = nodeAt(this.doc, path);
    if (!isSeq(seq) || !seq.range) return [];
    if (seq.flow || seq.items.length === 0) return [];
    const first = spanOf(seq.items[0] as Node)!;
    const dashCol = this.dashColumn(first[0]);
    const lastItem = seq.items[seq.items.length - 1];
    const end = spanOf(lastItem as Node)![1];
    const at = this.lineEnd(entryEnd(this.doc.text, lastItem, end, dashCol));
    const pad = ' '.repeat(Math.max(0, dashCol));
    const text = itemLines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join('\n');
    return [this.replace(at, at, `\n${text}`)];
  }

  private removeAt(path: readonly PathSegment[]): TextEdit[] {
    const parent = this.parentOf(path);
    const pair = this.pair(path);
    return pair && isMap(parent) ? this.removePair(parent, pair) : [];
  }

  private removePair(map: YAMLMap, pair: Pair): TextEdit[] {
    const span = spanOf(pair);
    if (!span) return [];
    if (map.flow) return [this.replace(...flowEntryWithComma(this.doc.text, span), '')];
    const start = this.lineStart(span[0]);
    // `- key: value` is the item's first line: removing it would take the `- ` along.
    if (!KEY_LINE_PREFIX.test(this.doc.text.slice(start, span[0]))) return [];
    return [this.removeLines(start, this.lineEnd(Math.max(span[0], this.trimTrailing(span[1]))))];
  }

  private removeItem(path: readonly PathSegment[]): TextEdit[] {
    const seq = this.parentOf(path);
    const item = nodeAt(this.doc, path);
    const span = isScalar(item) ? spanOf(item) : undefined;
    if (!isSeq(seq) || seq.flow || !span) return [];
    const start = this.lineStart(span[0]);
    if (!ITEM_LINE_PREFIX.test(this.doc.text.slice(start, span[0]))) return [];
    return [this.removeLines(start, this.lineEnd(this.trimTrailing(span[1])))];
  }

  /**
   * Removes the lines from `start` to the line break after `end`, except the comment lines among them; on a
   * last line without a line break, the line break before them goes instead.
   */
  private removeLines(start: number, end: number): TextEdit {
    const text = this.doc.text;
    if (end >= text.length && start > 0) {
      const from = start - (text.startsWith('\r\n', start - 2) ? 2 : 1);
      const kept = commentLinesIn(text, start, end);
      return this.replace(from, end, kept && `\n${kept.replace(/\n$/, '')}`);
    }
    const stop = Math.min(end + (text.startsWith('\r\n', end) ? 2 : 1), text.length);
    return this.replace(start, stop, commentLinesIn(text, start, stop));
  }

  private removeKeepingParent(path: readonly PathSegment[]): TextEdit[] {
    const parent = this.parentOf(path);
    if (!isMap(parent) || parent.flow || parent.items.length !== 1 || path.length < 2) return this.removeAt(path);
    const owner = this.pair(path.slice(0, -1));
    const ownerKey = owner && spanOf(owner.key as Node);
    if (!ownerKey || typeof path[path.length - 2] !== 'string') return [];
    const colon = this.doc.text.indexOf(':', ownerKey[1]);
    // `{}` goes after the map's own anchor or tag (`kubelet: &k {}`), which belong to it.
    const properties = PROPERTIES_AFTER.exec(this.doc.text.slice(colon + 1))![0].length;
    const removed = this.removeAt(path);
    // The key's own lines go; comment lines between the owner and the key stay where they are.
    return removed.length ? [this.replace(colon + 1 + properties, colon + 1 + properties, ' {}'), ...removed] : [];
  }

  /** Column where a block map's entries start: at an explicit key's `?`, or at the anchor or tag before its first key. */
  private entriesColumn(map: YAMLMap): number {
    const start = map.range![0];
    return this.column(propertiesBefore(this.doc.text, this.lineStart(start), start).at);
  }

  /** Column where the `- ` of the sequence item starting at `itemStart` sits. */
  private dashColumn(itemStart: number): number {
    const lineStart = this.lineStart(itemStart);
    const dash = this.doc.text.lastIndexOf('-', itemStart);
    return dash >= lineStart ? dash - lineStart : this.column(itemStart) - 2;
  }

  private insertInto(parentPath: readonly PathSegment[], missing: readonly string[], valueText: string): TextEdit[] {
    const map = parentPath.length ? nodeAt(this.doc, parentPath) : this.doc.yaml.contents;
    if (isMap(map) && map.flow && this.insideFlow(parentPath)) {
      const nested = missing.slice(1).reduceRight((inner, key) => `{${key}: ${inner}}`, valueText);
      return [this.insertIntoFlowCollection(map, `${missing[0]}: ${nested}`)];
    }
    return this.insertEntry(parentPath, (indent) => this.chain(missing, valueText).map((l, i) => (i === 0 ? l : indent + l)));
  }

  /** `a:`, `  b:`, `    c: value` for missing keys a, b, c (unindented). */
  private chain(missing: readonly string[], valueText: string): string[] {
    return missing.map((key, i) => {
      const pad = this.step.repeat(i);
      return i === missing.length - 1 ? `${pad}${key}: ${valueText}` : `${pad}${key}:`;
    });
  }

  /** `kubeProxy:` with nothing after it becomes a block holding the missing keys. */
  private fillEmptyParent(ownerPath: readonly PathSegment[], missing: readonly string[], valueText: string): TextEdit[] {
    const owner = this.pair(ownerPath);
    const ownerKey = owner && spanOf(owner.key as Node);
    const value = owner?.value as Scalar | null | undefined;
    if (!ownerKey || !value?.range) return [];
    const indent = ' '.repeat(this.column(ownerKey[0])) + this.step;
    const lines = this.chain(missing, valueText).map((l) => indent + l);
    const colon = this.doc.text.indexOf(':', ownerKey[1]);
    const comment = value.comment === undefined ? '' : this.doc.text.slice(colon + 1, this.lineEnd(colon)).trimEnd();
    return [this.replace(colon + 1, this.lineEnd(colon), `${comment}\n${lines.join('\n')}`)];
  }

  /** `key:` or `key: # note` gets its value, spaced so a comment stays a comment. */
  private fillEmptyScalar(at: number, valueText: string): TextEdit {
    const before = this.doc.text[at - 1] === ' ' ? '' : ' ';
    const after = this.doc.text[at] === '#' ? ' ' : '';
    return this.replace(at, at, `${before}${valueText}${after}`);
  }

  /** Inserts an entry (first line unindented, later lines already carrying `indent`) into a block map, placed by `near`. */
  private insertEntry(mapPath: readonly PathSegment[], build: (indent: string) => string[]): TextEdit[] {
    const map = mapPath.length ? nodeAt(this.doc, mapPath) : this.doc.yaml.contents;
    if (!isMap(map)) return [];
    if (map.flow) return this.insertIntoFlow(mapPath, map, build);
    const indent = ' '.repeat(this.entriesColumn(map));
    const lines = build(indent);
    const entry = map.items[this.entryAfter(mapPath, map)];
    const at = this.lineEnd(entryEnd(this.doc.text, entry, spanOf(entry)![1], indent.length));
    return [this.replace(at, at, `\n${indent}${lines.join('\n')}`)];
  }

  /** Index of the entry a new key of `map` follows: the one on the way to `near`, else the last. */
  private entryAfter(mapPath: readonly PathSegment[], map: YAMLMap): number {
    const last = map.items.length - 1;
    if (this.near.length <= mapPath.length || mapPath.some((segment, i) => this.near[i] !== segment)) return last;
    const key = this.near[mapPath.length];
    const at = typeof key === 'string' ? map.items.findIndex((pair) => keyName(pair) === key) : -1;
    return at < 0 ? last : at;
  }

  /** `cilium: {}` or `{a: 1}` becomes a block mapping holding the old entries plus the new one; entries on one line each. */
  private insertIntoFlow(mapPath: readonly PathSegment[], map: YAMLMap, build: (indent: string) => string[]): TextEdit[] {
    const owner = mapPath.length ? this.pair(mapPath) : undefined;
    const ownerKey = owner && spanOf(owner.key as Node);
    const [start, end] = map.range!;
    if (!ownerKey || this.insideFlow(mapPath)) return [];
    const indent = ' '.repeat(this.column(ownerKey[0])) + this.step;
    // `{a}` holds `a: null`: written in block style it needs its colon.
    const old = map.items.map((p) => `${indent}${this.doc.text.slice(...spanOf(p)!)}${p.value === null ? ':' : ''}`);
    if (old.some((entry) => /[\r\n]/.test(entry))) return [];
    const lines = build(indent);
    const split = map.items.length ? this.entryAfter(mapPath, map) + 1 : 0;
    const block = [...old.slice(0, split), `${indent}${lines[0]}`, ...lines.slice(1), ...old.slice(split)].join('\n');
    const before = this.doc.text.slice(ownerKey[1], start);
    const colon = before.indexOf(':');
    return [this.replace(ownerKey[1] + colon + 1, end, `\n${block}`)];
  }

  /** Adds `entry` as the last element of a flow mapping or sequence, after a comma when needed. */
  private insertIntoFlowCollection(node: YAMLMap | YAMLSeq, entry: string): TextEdit {
    const last = node.items[node.items.length - 1] as Node | Pair | undefined;
    const lastSpan = last && spanOf(last);
    if (lastSpan) return this.replace(lastSpan[1], lastSpan[1], `, ${entry}`);
    const open = this.doc.text.indexOf(node.flow && isSeq(node) ? '[' : '{', node.range![0]);
    return this.replace(open + 1, open + 1, entry);
  }

  /**
   * A new value for a scalar, replacing its tag (`!!str 1`), which belongs to the old value, and keeping its
   * anchor; nothing when the tag is not on the value's line, where it would stay and retype the new value.
   */
  private replaceScalar(node: Scalar, valueText: string): TextEdit[] {
    const start = node.range![0];
    const props = propertiesBefore(this.doc.text, this.lineStart(start), start);
    if (node.tag && !this.doc.text.slice(props.at, start).includes('!')) return [];
    const spaced = this.doc.text[start] === '#' ? `${valueText} ` : valueText;
    return [this.replace(props.at, this.scalarEnd(node), [...props.anchors, spaced].join(' '))];
  }

  /**
   * Where replacing a scalar's value stops: a block scalar's range (or an unterminated quoted one's) takes in
   * the line breaks after it, which the replacement must leave, or the next key or `---` joins its line.
   */
  private scalarEnd(node: Scalar): number {
    const [start, end] = node.range!;
    const trimmed = Math.max(start + 1, this.trimTrailing(end));
    return /[\r\n]/.test(this.doc.text.slice(trimmed, end)) ? trimmed : end;
  }

  /** Whether any collection enclosing `path`'s node is written in flow style. */
  private insideFlow(path: readonly PathSegment[]): boolean {
    for (let i = 0; i < path.length; i++) {
      const node = i === 0 ? this.doc.yaml.contents : nodeAt(this.doc, path.slice(0, i));
      if ((isMap(node) || isSeq(node)) && node.flow) return true;
    }
    return false;
  }

  private parentOf(path: readonly PathSegment[]): unknown {
    return path.length > 1 ? nodeAt(this.doc, path.slice(0, -1)) : this.doc.yaml.contents;
  }

  private pair(path: readonly PathSegment[]): Pair | undefined {
    const last = path[path.length - 1];
    return typeof last === 'string' ? pairOf(this.parentOf(path), last) : undefined;
  }

  /** Edits are built with `\n` and written with the file's own line break. */
  private replace(start: number, end: number, newText: string): TextEdit {
    const text = this.eol === '\n' ? newText : newText.replace(/\r?\n/g, this.eol);
    return { range: fileRange(this.file, this.doc, start, end), newText: text };
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }
  private lineStart(offset: number): number {
    return lineStartIn(this.doc.text, offset);
  }
  private lineEnd(offset: number): number {
    return lineEndIn(this.doc.text, offset);
  }
  private trimTrailing(end: number): number {
    return trimTrailingIn(this.doc.text, end);
  }
}
