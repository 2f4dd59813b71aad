import { isScalar, type Node } from 'yaml';
import { fileRange, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { PathSegment, Range } from '../../types';
import { deepestExisting, keySpan, nodeAt, spanOf, valueSpan } from '../../document/yamlNav';
import type { Violation } from './violation';

/**
 * Where a finding is underlined: the offending value (or key), else the key that causes it, else the nearest
 * written parent of the blamed path.
 */

/** The offending value when it is a scalar, else its key. */
function spanAt(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  const node = nodeAt(doc, path);
  if (isScalar(node)) return valueSpan(doc, path);
  return path.length ? keySpan(doc, path) : undefined;
}

/** A key that causes the finding: the whole `key: value` when the value is a scalar. */
function anchorSpan(doc: YamlDocument, path: readonly PathSegment[]): [number, number] | undefined {
  const key = keySpan(doc, path);
  const value = isScalar(nodeAt(doc, path)) ? valueSpan(doc, path) : undefined;
  return key && value ? [key[0], value[1]] : key;
}

export function place(file: ParsedFile, doc: YamlDocument, target: Pick<Violation, 'at' | 'underline' | 'anchors'>): Range {
  const candidates = [
    ...[target.underline, target.at].map((p) => p && spanAt(doc, p)),
    ...(target.anchors ?? []).map((p) => anchorSpan(doc, p)),
  ];
  const span = candidates.find((s) => s !== undefined);
  if (span) return fileRange(file, doc, span[0], span[1]);
  const nearest = deepestExisting(doc, target.at);
  const parent = nearest && ('key' in nearest.node ? spanOf(nearest.node.key as Node) : spanOf(nearest.node));
  const fallback = parent ?? keySpan(doc, ['spec']) ?? [0, 0];
  return fileRange(file, doc, fallback[0], fallback[1]);
}
