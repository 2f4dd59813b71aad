import { isMap, isPair, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import type { YamlDocument } from './documents';
import type { PathSegment } from '../types';

/** Navigation over a parsed document by v1alpha2 path, tolerant of half-typed YAML (missing values are undefined). */

export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed YAML scalar holds a string, number or boolean here
  if (isScalar(k)) return k.value == null ? undefined : String(k.value);
  return undefined;
}

export function pairOf(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of (map as YAMLMap<Node, Node | null>).items) if (keyName(item) === key) return item;
  return undefined;
}

/** One step down a path: a list's item by index, a mapping's value by key. */
function childAt(node: unknown, seg: PathSegment): unknown {
  return typeof seg === 'number' ? (isSeq(node) ? node.items[seg] : undefined) : pairOf(node, seg)?.value;
}

/** The node at `path` from the document root, or undefined when any step is missing. */
export function nodeAt(doc: YamlDocument, path: readonly PathSegment[]): Node | undefined {
  let node: unknown = doc.yaml.contents;
  for (const seg of path) {
    node = childAt(node, seg);
    if (node == null) return undefined;
  }
  return node as Node;
}

/** The nodes from the document root down to `path`'s node, as far as the path exists (the root first). */
export function nodesAlong(doc: YamlDocument, path: readonly PathSegment[]): Node[] {
  const nodes: Node[] = [];
  let node: unknown = doc.yaml.contents;
  for (let depth = 0; node != null; depth++) {
    nodes.push(node as Node);
    if (depth === path.length) break;
    node = childAt(node, path[depth]);
  }
  return nodes;
}

/** The keys present in the mapping at `path` (the document root for `[]`); empty when it is no mapping. */
export function keysAt(doc: YamlDocument, path: readonly PathSegment[]): Set<string> {
  const map = path.length ? nodeAt(doc, path) : doc.yaml.contents;
  return new Set(isMap(map) ? map.items.flatMap((p) => keyName(p) ?? []) : []);
}

/** The deepest existing node along `path` and how many segments it covers (for ranges on a missing culprit). */
export function deepestExisting(doc: YamlDocument, path: readonly PathSegment[]): { node: Node | Pair; depth: number } | undefined {
  let node: unknown = doc.yaml.contents;
  let best: { node: Node | Pair; depth: number } | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      const item = isSeq(node) ? node.items[seg] : undefined;
      if (item == null) break;
      best = { node: item as Node, depth: i + 1 };
      node = item;
    } else {
      const pair = pairOf(node, seg);
      if (!pair) break;
      best = { node: pair, depth: i + 1 };
      node = pair.value;
    }
  }
  return best;
}

/**
 * How often one anchor may be expanded (times the aliases inside it) before a document counts as an alias
 * bomb: `yaml`'s own default, far above what a kops spec repeats within one `---` document.
 */
const MAX_ALIAS_COUNT = 100;

/** YAML 1.1's merge key (`<<: *base`): kops' YAML reader merges the aliased map in, so it names no field. */
export const MERGE_KEY = '<<';

const isPlainMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * YAML 1.1 merge keys, which kops' YAML reader honours and `yaml` (YAML 1.2) leaves as a `<<` key:
 * `<<: *base` or `<<: [*a, *b]` adds every key the map does not set itself, earlier sources first.
 * Works in place; a map shared through aliases is merged once.
 */
function applyMergeKeys(value: unknown, done: WeakSet<object>): void {
  if (typeof value !== 'object' || value === null || done.has(value)) return;
  done.add(value);
  for (const child of Object.values(value)) applyMergeKeys(child, done);
  if (!isPlainMap(value) || !Object.prototype.hasOwnProperty.call(value, MERGE_KEY)) return;
  const sources = value[MERGE_KEY];
  delete value[MERGE_KEY];
  for (const source of Array.isArray(sources) ? sources : [sources]) {
    if (!isPlainMap(source)) continue;
    for (const [key, v] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(value, key)) value[key] = v;
  }
}

/**
 * Plain JS value of a node as kops reads it: aliases resolved, merge keys applied. What `yaml` refuses to
 * resolve (an alias bomb, an alias without its anchor: ReferenceError) and what nests too deep to walk
 * (RangeError) gives undefined; any other error is a bug and is thrown.
 */
export function plain(node: Node | null | undefined, doc: YamlDocument): unknown {
  if (node == null) return undefined;
  let value: unknown;
  try {
    value = node.toJS(doc.yaml, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) return undefined;
    throw error;
  }
  applyMergeKeys(value, new WeakSet());
  return value;
}

/** Scalar value at path (string/number/boolean/null), undefined when absent or not a scalar. */
export function scalarAt(doc: YamlDocument, path: readonly PathSegment[]): unknown {
  const node = nodeAt(doc, path);
  return isScalar(node) ? node.value : undefined;
}

/** `[start, end)` of a node or pair in document text, when known. */
export function spanOf(node: Node | Pair | null | undefined): [number, number] | undefined {
  if (!node) return undefined;
  if (isPair(node)) {
    const k = spanOf(node.key as Node | null);
    const v = spanOf(node.value as Node | null);
    if (k && v) return [k[0], v[1]];
    return k ?? v;
  }
  const r = node.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Span of the key of `path`'s last segment, or the value of a list item. */
export function keySpan(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  const parent = path.length > 1 ? nodeAt(doc, path.slice(0, -1)) : doc.yaml.contents;
  const last = path[path.length - 1];
  if (typeof last === 'number') return spanOf(isSeq(parent) ? (parent.items[last] as Node) : undefined);
  const pair = pairOf(parent, last);
  return pair ? spanOf(pair.key) : undefined;
}

export function valueSpan(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  return spanOf(nodeAt(doc, path));
}

/**
 * Path of the key (or of the value) that starts at `offset`, found by walking the parsed document, so keys
 * that contain dots are never misread.
 */
export function pathStartingAt(doc: YamlDocument, offset: number): { path: PathSegment[]; at: 'key' | 'value' } | undefined {
  const walk = (node: unknown, path: PathSegment[]): { path: PathSegment[]; at: 'key' | 'value' } | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyName(pair);
        const key = spanOf(pair.key as Node);
        if (name === undefined) continue;
        if (key && key[0] === offset) return { path: [...path, name], at: 'key' };
        const value = spanOf(pair.value as Node | null);
        if (value && value[0] === offset && !isMap(pair.value) && !isSeq(pair.value)) return { path: [...path, name], at: 'value' };
        if (value && value[0] <= offset && offset < value[1]) return walk(pair.value, [...path, name]);
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const span = spanOf(node.items[i] as Node);
        if (span && span[0] <= offset && offset < span[1]) return walk(node.items[i], [...path, i]);
      }
    }
    return undefined;
  };
  return walk(doc.yaml.contents, []);
}

/** Whether a document offset lies in a scalar as the parser read it (a `#` there is text, not a comment). */
export function insideScalar(doc: YamlDocument, offset: number): boolean {
  let inside = false;
  visit(doc.yaml, {
    Scalar: (_, node) => {
      if (!node.range || node.range[0] > offset || offset >= node.range[1]) return undefined;
      inside = true;
      return visit.BREAK;
    },
  });
  return inside;
}
