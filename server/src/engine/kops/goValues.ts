import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { YamlDocument } from '../document/documents';
import type { PathSegment } from '../types';
import { isTemplated } from '../document/templates';
import { nodeAt } from '../document/yamlNav';
import { untaggedPlainText, yaml11Boolean, yaml11Number, yaml11Type } from '../document/yaml11';

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

/** An item of a Go `[]string`: `''` for an empty or null item (Go's zero value), undefined when not a string. */
export function stringItemAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  if (isScalar(node) && (node.value === null || node.value === '')) return '';
  return stringAt(doc, path);
}

/** Unset as kops sees it: the key is missing or holds null. */
const unset = (node: unknown): boolean => node === undefined || (isScalar(node) && node.value === null);

/**
 * A Go `string` field with its zero value: '' when unset, null or empty; undefined when the value cannot be known
 * here (not a string as YAML 1.1 reads it, or a template expression), so that a rule can stay silent.
 */
export function goStringAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  if (unset(node)) return '';
  return isScalar(node) ? goString(doc, node) : undefined;
}

/** A Go `bool` field with its zero value: false when unset or null; undefined when it is not a boolean. */
export const goBoolAt = (doc: YamlDocument, path: readonly PathSegment[]): boolean | undefined =>
  unset(nodeAt(doc, path)) ? false : boolAt(doc, path);

/** A Go slice: its items (null items included), [] when unset or null; undefined when it is not a sequence. */
export function goSliceAt(doc: YamlDocument, path: readonly PathSegment[]): Node[] | undefined {
  const node = nodeAt(doc, path);
  if (unset(node)) return [];
  return isSeq(node) ? (node.items as Node[]) : undefined;
}

/** A Go struct or pointer to one: 'set' for a mapping, 'unset' when missing or null, undefined for anything else. */
export function goStructAt(doc: YamlDocument, path: readonly PathSegment[]): 'set' | 'unset' | undefined {
  const node = nodeAt(doc, path);
  if (unset(node)) return 'unset';
  return isMap(node) ? 'set' : undefined;
}

/** A Go `*string`: the string, `''` included; undefined when unset, null, not a string or templated. */
export function stringPointerAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  return isScalar(node) ? goString(doc, node) : undefined;
}

/** Each item of a Go `[]string` as kops reads it, index kept: a null item reads as `''`, one that is no string as undefined. */
export function stringItemsAt(doc: YamlDocument, path: readonly PathSegment[]): Array<string | undefined> {
  return itemsAt(doc, path).map((n) => (isScalar(n) ? (n.value === null ? '' : goString(doc, n)) : undefined));
}

function goString(doc: YamlDocument, node: Scalar): string | undefined {
  if (typeof node.value !== 'string' || templated(doc, node)) return undefined;
  const text = untaggedPlainText(node);
  return text !== undefined && yaml11Type(text) !== undefined ? undefined : node.value;
}

const INT_RANGE = { 32: 2 ** 31, 64: 2 ** 63 } as const;

/**
 * A Go integer (`int32` by default, or `int64`): undefined when unset, null, not an integer or out of range.
 * Unquoted scalars are read as YAML 1.1 reads them (`010` is 8, `0b11` is 3, `1_000` is 1000, `2.0` is 2).
 */
export function intAt(doc: YamlDocument, path: readonly PathSegment[], bits: 32 | 64 = 32): number | undefined {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || node.value === null || templated(doc, node)) return undefined;
  const plain =
    node.type === Scalar.PLAIN && node.tag === undefined && node.range ? doc.text.slice(node.range[0], node.range[1]) : undefined;
  const value = plain !== undefined ? yaml11Number(plain.trim()) : typeof node.value === 'number' ? node.value : undefined;
  if (value === undefined || !Number.isInteger(value)) return undefined;
  return value >= -INT_RANGE[bits] && value < INT_RANGE[bits] ? value : undefined;
}

/** Whether a Go pointer, slice or map is non-nil: the key is written with a value other than null. */
export const isSetAt = (doc: YamlDocument, path: readonly PathSegment[]): boolean => !unset(nodeAt(doc, path));

/** A Go number (int, int32, float): undefined when unset, null or not a number. */
export function numberAt(doc: YamlDocument, path: readonly PathSegment[]): number | undefined {
  const node = nodeAt(doc, path);
  return isScalar(node) && typeof node.value === 'number' && !templated(doc, node) ? node.value : undefined;
}

/** Items of a Go slice: undefined when unset, null or not a sequence (a written `[]` is an empty, non-nil slice). */
export function listAt(doc: YamlDocument, path: readonly PathSegment[]): Node[] | undefined {
  const node = nodeAt(doc, path);
  return isSeq(node) ? (node.items as Node[]) : undefined;
}

/** A Kubernetes `IntOrString`: `{ int }` or `{ str }`; undefined when unset or not decodable (a boolean, a fraction). */
export function intOrStringAt(doc: YamlDocument, path: readonly PathSegment[]): { int: number } | { str: string } | undefined {
  const node = nodeAt(doc, path);
  if (!isScalar(node) || node.value === null || templated(doc, node)) return undefined;
  const int = intAt(doc, path);
  if (int !== undefined) return { int };
  if (typeof node.value !== 'string') return undefined;
  const plain = untaggedPlainText(node);
  return plain !== undefined && yaml11Type(plain) !== undefined ? undefined : { str: node.value };
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
