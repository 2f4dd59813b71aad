import type { ShapeNode } from './crdSchema';
import type { KnowledgeNode, ReleaseRanges } from '../../server/src/engine';

export type { KnowledgeNode, ReleaseRanges };

interface Occurrence {
  release: number;
  node: ShapeNode;
}

/** Runs of consecutive release indexes as half-open ranges over the release names. */
export function rangesOf(indexes: readonly number[], releases: readonly string[]): ReleaseRanges {
  const ranges: ReleaseRanges = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    const until = releases[indexes[j] + 1];
    ranges.push(until === undefined ? [releases[indexes[i]]] : [releases[indexes[i]], until]);
    i = j + 1;
  }
  return ranges;
}

/** What must agree for two releases to share one node; children are merged separately. */
const signature = (n: ShapeNode): string =>
  JSON.stringify([n.type, n.intOrString, n.pattern, n.enum, !!n.properties, !!n.items, !!n.additionalProperties]);

const sameIndexes = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function mergeChildren(
  occurrences: readonly Occurrence[],
  pick: (n: ShapeNode) => ShapeNode | undefined,
  parent: readonly number[],
  releases: readonly string[],
): KnowledgeNode | KnowledgeNode[] | undefined {
  const found: Occurrence[] = [];
  for (const o of occurrences) {
    const child = pick(o.node);
    if (child) found.push({ release: o.release, node: child });
  }
  return found.length ? merge(found, parent, releases) : undefined;
}

function single(merged: KnowledgeNode | KnowledgeNode[] | undefined): KnowledgeNode | undefined {
  if (Array.isArray(merged)) throw new Error('list items and map values never change shape in kops CRDs; this one did');
  return merged;
}

function merge(
  occurrences: readonly Occurrence[],
  parent: readonly number[],
  releases: readonly string[],
): KnowledgeNode | KnowledgeNode[] {
  const groups = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = signature(o.node);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const nodes = [...groups.values()].map((group) => {
    const indexes = group.map((o) => o.release);
    const newest = group[group.length - 1].node;
    const node: KnowledgeNode = {};
    if (!sameIndexes(indexes, parent)) node.in = rangesOf(indexes, releases);
    for (const attr of ['type', 'intOrString', 'pattern', 'enum', 'description'] as const) {
      if (newest[attr] !== undefined) Object.assign(node, { [attr]: newest[attr] });
    }
    if (newest.properties) {
      const keys = [...new Set(group.flatMap((o) => Object.keys(o.node.properties ?? {})))].sort();
      node.properties = {};
      for (const key of keys) {
        const child = mergeChildren(group, (n) => n.properties?.[key], indexes, releases);
        if (child) node.properties[key] = child;
      }
    }
    const items = single(mergeChildren(group, (n) => n.items, indexes, releases));
    if (items) node.items = items;
    const values = single(mergeChildren(group, (n) => n.additionalProperties, indexes, releases));
    if (values) node.additionalProperties = values;
    return node;
  });
  return nodes.length === 1 ? nodes[0] : nodes;
}

/** One tree for all releases; `shapes[i]` is the schema at `releases[i]` (undefined: the release lacks it). */
export function mergeReleases(releases: readonly string[], shapes: readonly (ShapeNode | undefined)[]): KnowledgeNode {
  const occurrences: Occurrence[] = [];
  shapes.forEach((node, release) => node && occurrences.push({ release, node }));
  const all = releases.map((_, i) => i);
  const root = merge(occurrences, all, releases);
  if (Array.isArray(root)) throw new Error('the root of a kops CRD changed shape');
  return root;
}
