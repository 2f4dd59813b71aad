import { isAlias, isMap, isScalar, isSeq } from 'yaml';

/**
 * A document's data as written: maps, lists and scalar values, with every alias left a reference (`{ '*': name }`)
 * rather than a copy of what it points at, so an edit inside an anchored node changes that node alone. Also the
 * anchors the document defines and the ones its aliases use.
 */
export interface WrittenView {
  data: unknown;
  anchors: string[];
  aliases: string[];
}

export function writtenView(root: unknown): WrittenView {
  const anchors: string[] = [];
  const aliases: string[] = [];
  const walk = (node: unknown): unknown => {
    if (isAlias(node)) {
      aliases.push(node.source);
      return { '*': node.source };
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.push(anchor);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(walk(pair.key));
        Object.defineProperty(out, key, { value: walk(pair.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (isSeq(node)) return node.items.map(walk);
    return isScalar(node) ? node.value : null;
  };
  return { data: walk(root), anchors, aliases };
}
