import type { KopsKind } from '../../document/documents';
import { compareKops, namedRelease, type KopsVersion } from '../releases';
import type { PathSegment } from '../../types';
import { kindKnowledge } from './kindKnowledge';
import type { KnowledgeNode, ReleaseRanges } from './knowledgeNode';
import { rangeHolding } from './releaseRanges';

/** The node of a key at release `v` (a key whose shape changed has one per shape), or undefined if `v` lacks it. */
export function nodeAtRelease(entry: KnowledgeNode | KnowledgeNode[], v: KopsVersion): KnowledgeNode | undefined {
  for (const node of Array.isArray(entry) ? entry : [entry]) if (!node.in || rangeHolding(node.in, v)) return node;
  return undefined;
}

const entryOf = (node: KnowledgeNode, key: string): KnowledgeNode | KnowledgeNode[] | undefined =>
  node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;

/** The shapes' ranges as one list, oldest first, a range ending where the next starts joined to it. */
function joined(variants: readonly KnowledgeNode[]): ReleaseRanges {
  const sorted = variants.flatMap((n) => n.in ?? []).sort((a, b) => compareKops(namedRelease(a[0]), b[0]));
  const out: ReleaseRanges = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === range[0]) out[out.length - 1] = range[1] === undefined ? [last[0]] : [last[0], range[1]];
    else out.push(range);
  }
  return out;
}

/**
 * The releases that have `key` under `parent` (a path that exists at `v`), oldest first: the key's own ranges, or
 * those of its nearest ancestor that has any. Undefined when kops has it in every release we know, or never.
 */
export function keyReleases(kind: KopsKind, v: KopsVersion, parent: readonly PathSegment[], key: string): ReleaseRanges | undefined {
  let node: KnowledgeNode | undefined = kindKnowledge(kind);
  let inherited: ReleaseRanges | undefined;
  for (const segment of parent) {
    if (typeof segment === 'number') node = node.items;
    else {
      const entry = entryOf(node, segment);
      node = entry ? nodeAtRelease(entry, v) : node.additionalProperties;
    }
    if (!node) return undefined;
    if (node.in) inherited = node.in;
  }
  const entry = entryOf(node, key);
  if (!entry) return undefined;
  const variants = Array.isArray(entry) ? entry : [entry];
  return variants.some((n) => n.in) ? joined(variants) : inherited;
}
