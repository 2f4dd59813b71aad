import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { YamlDocument } from '../document/documents';
import type { PathSegment } from '../types';
import { isTemplated } from '../document/templates';
import { nodeAt } from '../document/yamlNav';
import { untaggedPlainText, yaml11Boolean } from '../document/yaml11';

/**
 * Reads values the way kops' decoder (sigs.k8s.io/yaml, YAML 1.1 scalars into Go types) would see them.
 * A value of the wrong type reads as "not set": the document would not load at all, and saying so is
 * the schema checks' job, not a rule's.
 */

/** A value written as a `kops toolbox template` expression is unknown until expansion: read it as unset. */
function templated(doc: YamlDocument, node: Scalar): boolean {
  return !!node.range && isTemplated(doc.text.slice(node.range[0], node.range[1]));
}

/** A Go `bool`/`*bool`: undefined when unset, null or not a boolean. */
export function boolAt(doc: YamlDocument, path: readonly PathSegment[]): boolean | undefined {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || templated(doc, node)) return undefined;
  if (typeof node.value === 'boolean') return node.value;
  const text = untaggedPlainText(node);
  return text === undefined ? undefined : yaml11Boolean(text);
}

/** A Go `string`: undefined when unset, null, empty or not a string (YAML 1.1 booleans are not strings). */
export function stringAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || typeof node.value !== 'string' || templated(doc, node)) return undefined;
  const text = untaggedPlainText(node);
  if (text !== undefined && yaml11Boolean(text) !== undefined) return undefined;
  return node.value === '' ? undefined : node.value;
}

/** A Go pointer-to-struct: set when the key holds a mapping (`{}` counts; null does not). */
export const structAt = (doc: YamlDocument, path: readonly PathSegment[]): boolean => isMap(nodeAt(doc, path));

/** Items of a sequence (empty when unset or not a sequence). */
export function itemsAt(doc: YamlDocument, path: readonly PathSegment[]): Node[] {
  const node = nodeAt(doc, path);
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** Keys of a mapping whose values are mappings (e.g. the configured networking providers). */
export function structKeysAt(doc: YamlDocument, path: readonly PathSegment[]): string[] {
  const node = nodeAt(doc, path);
  if (!isMap(node)) return [];
  const keys: string[] = [];
  for (const pair of node.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && isMap(pair.value)) keys.push(pair.key.value);
  }
  return keys;
}

/** Strings of a string list, skipping anything else. */
export function stringsAt(doc: YamlDocument, path: readonly PathSegment[]): string[] {
  return itemsAt(doc, path).flatMap((n) => (isScalar(n) && typeof n.value === 'string' ? [n.value] : []));
}

/** A Go `*string`: the text even when empty (`key: ""` is set), undefined when unset, null or not a string. */
export function presentStringAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || typeof node.value !== 'string' || templated(doc, node)) return undefined;
  const text = untaggedPlainText(node);
  return text !== undefined && yaml11Boolean(text) !== undefined ? undefined : node.value;
}

/** The entries of a Go `map[string]…`, in document order (empty when unset or not a mapping). */
export function mapEntriesAt(doc: YamlDocument, path: readonly PathSegment[]): Array<{ key: string; value: Node | null }> {
  const node = nodeAt(doc, path);
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (key === null || key === undefined || typeof key === 'object') return [];
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a scalar key is a string, number or boolean here
    return [{ key: String(key), value: (pair.value as Node | null) ?? null }];
  });
}

/**
 * Whether any value or key under `path` is a `kops toolbox template` expression: its value is unknown until
 * expansion, so rules that compare it say nothing.
 */
export function templatedWithin(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const pending: unknown[] = [path.length ? nodeAt(doc, path) : doc.yaml.contents];
  while (pending.length) {
    const node = pending.pop();
    if (isScalar(node)) {
      if (templated(doc, node)) return true;
    } else if (isMap(node)) {
      for (const pair of node.items) pending.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      pending.push(...node.items);
    }
  }
  return false;
}
