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

/** A Go `*string`: undefined when unset or null, `''` kept (an explicit empty string is not unset). */
export function stringOrEmptyAt(doc: YamlDocument, path: readonly PathSegment[]): string | undefined {
  const node = nodeAt(doc, path);
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isScalar(node) || typeof node.value !== 'string' || templated(doc, node)) return undefined;
  const text = untaggedPlainText(node);
  if (text !== undefined && yaml11Boolean(text) !== undefined) return undefined;
  return node.value;
}

/** Whether a key holds a value kops decodes as set (not absent, not null). */
export function isSetAt(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  const node = nodeAt(doc, path);
  return node !== undefined && !(isScalar(node) && node.value === null);
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

/** A Go `string` (not a pointer): `''` when unset or null, undefined when not a string or a template (unknown). */
export const goStringAt = (doc: YamlDocument, path: readonly PathSegment[]): string | undefined =>
  isSetAt(doc, path) ? stringOrEmptyAt(doc, path) : '';

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
