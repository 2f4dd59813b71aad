import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { fileRange, type ParsedFile, type YamlDocument } from './documents';
import { nodeAt, pairOf, spanOf } from './yamlNav';
import type { TextEdit } from './types';

/**
 * Minimal text edits on one document that keep the user's formatting and comments:
 * only the lines being added, changed or removed are touched.
 */
export class YamlEditor {
  constructor(private readonly file: ParsedFile, private readonly doc: YamlDocument) {}

  /** Sets `path` to a scalar (YAML text), creating missing parents as block mappings. */
  set(path: readonly string[], valueText: string): TextEdit[] {
    const existing = nodeAt(this.doc, path);
    if (existing && isScalar(existing) && existing.range) return [this.replace(existing.range[0], existing.range[1], valueText)];
    let depth = path.length - 1;
    while (depth > 0 && !isMap(nodeAt(this.doc, path.slice(0, depth)))) depth--;
    const parentPath = path.slice(0, depth);
    const missing = path.slice(depth);
    return this.insertInto(parentPath, missing, valueText);
  }

  /** Adds `key: <block>` (block already indented relative to the key, lines joined by \n) under a map. */
  addBlock(mapPath: readonly string[], key: string, blockLines: string[]): TextEdit[] {
    return this.insertEntry(mapPath, (indent) => [`${key}:`, ...blockLines.map((l) => indent + this.step + l)]);
  }

  /** Appends an item (lines relative to the `- `) to a block or flow sequence at `path`. */
  appendToSeq(path: readonly string[], itemLines: string[]): TextEdit[] {
    const seq = nodeAt(this.doc, path);
    if (!isSeq(seq) || !seq.range) return [];
    if (seq.flow || seq.items.length === 0) return [];
    const first = spanOf(seq.items[0] as Node)!;
    const dashCol = this.column(first[0]) - 2;
    const last = spanOf(seq.items[seq.items.length - 1] as Node)!;
    const at = this.lineEnd(this.trimTrailing(last[1]));
    const pad = ' '.repeat(Math.max(0, dashCol));
    const text = itemLines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join('\n');
    return [this.replace(at, at, `\n${text}`)];
  }

  renameKey(path: readonly string[], newKey: string): TextEdit[] {
    const pair = this.pair(path);
    const span = pair && spanOf(pair.key as Node);
    return span ? [this.replace(span[0], span[1], newKey)] : [];
  }

  /** Removes a key with its value; whole lines in block style, the entry and its comma in flow style. */
  removeKey(path: readonly string[]): TextEdit[] {
    const parent = nodeAt(this.doc, path.slice(0, -1)) ?? (path.length === 1 ? this.doc.yaml.contents : undefined);
    const pair = this.pair(path);
    const span = pair && spanOf(pair);
    if (!pair || !span || !isMap(parent)) return [];
    if ((parent as YAMLMap).flow) {
      const text = this.doc.text;
      let end = span[1];
      while (end < text.length && /[ \t]/.test(text[end])) end++;
      if (text[end] === ',') {
        end++;
        while (end < text.length && /[ \t]/.test(text[end])) end++;
      }
      return [this.replace(span[0], end, '')];
    }
    const start = this.lineStart(span[0]);
    const end = this.lineEnd(Math.max(span[0], this.trimTrailing(span[1])));
    return [this.replace(start, Math.min(end + 1, this.doc.text.length), '')];
  }

  get step(): string {
    const m = /^( +)\S/m.exec(this.doc.text);
    return m ? m[1].replace(/^( {1,8}).*/, '$1') : '  ';
  }

  private insertInto(parentPath: readonly string[], missing: readonly string[], valueText: string): TextEdit[] {
    return this.insertEntry(parentPath, (indent) => {
      const lines: string[] = [];
      missing.forEach((key, i) => {
        const pad = this.step.repeat(i);
        lines.push(i === missing.length - 1 ? `${pad}${key}: ${valueText}` : `${pad}${key}:`);
      });
      return lines.map((l, i) => (i === 0 ? l : indent + l));
    });
  }

  /** Inserts an entry (first line unindented, later lines already carrying `indent`) as the last key of a map. */
  private insertEntry(mapPath: readonly string[], build: (indent: string) => string[]): TextEdit[] {
    const map = mapPath.length ? nodeAt(this.doc, mapPath) : this.doc.yaml.contents;
    if (!isMap(map)) return [];
    if (map.flow) return this.insertIntoFlow(mapPath, map, build);
    const firstKey = spanOf(map.items[0]?.key as Node);
    const indent = firstKey ? ' '.repeat(this.column(firstKey[0])) : '';
    const lines = build(indent);
    const last = spanOf(map.items[map.items.length - 1] as Pair)!;
    const at = this.lineEnd(this.trimTrailing(last[1]));
    return [this.replace(at, at, `\n${indent}${lines.join('\n')}`)];
  }

  /** `cilium: {}` or `{a: 1}` becomes a block mapping holding the old entries plus the new one. */
  private insertIntoFlow(mapPath: readonly string[], map: YAMLMap, build: (indent: string) => string[]): TextEdit[] {
    const owner = mapPath.length ? this.pair(mapPath) : undefined;
    const ownerKey = owner && spanOf(owner.key as Node);
    const [start, end] = map.range!;
    if (!ownerKey) return [];
    const indent = ' '.repeat(this.column(ownerKey[0])) + this.step;
    const old = map.items.map((p) => `${indent}${this.doc.text.slice(...spanOf(p as Pair)!)}`);
    const lines = build(indent);
    const block = [...old, `${indent}${lines[0]}`, ...lines.slice(1)].join('\n');
    const before = this.doc.text.slice(ownerKey[1], start);
    const colon = before.indexOf(':');
    return [this.replace(ownerKey[1] + colon + 1, end, `\n${block}`)];
  }

  private pair(path: readonly string[]): Pair | undefined {
    const parent = path.length > 1 ? nodeAt(this.doc, path.slice(0, -1)) : this.doc.yaml.contents;
    return pairOf(parent, path[path.length - 1]);
  }

  private replace(start: number, end: number, newText: string): TextEdit {
    return { range: fileRange(this.file, this.doc, start, end), newText };
  }

  private column(offset: number): number { return offset - this.lineStart(offset); }
  private lineStart(offset: number): number { return this.doc.text.lastIndexOf('\n', offset - 1) + 1; }
  private lineEnd(offset: number): number {
    const i = this.doc.text.indexOf('\n', offset);
    return i < 0 ? this.doc.text.length : i;
  }
  /** A block node's range runs to the next key; step back over trailing blank lines and comments' newline. */
  private trimTrailing(end: number): number {
    let e = end;
    while (e > 0 && /\s/.test(this.doc.text[e - 1])) e--;
    return e;
  }
}
