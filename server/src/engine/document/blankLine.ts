import { visit } from 'yaml';
import type { YamlDocument } from './documents';

/**
 * Whether the whitespace-only line at [start, end) of the document (document offsets) can go without changing
 * the document's data: it holds no part of a scalar. Inside a multi-line plain or quoted scalar a blank line is
 * a line break of the value, inside a block scalar a line of it; between entries it means nothing.
 */
export function blankLineIsInert(doc: YamlDocument, start: number, end: number): boolean {
  let inert = true;
  visit(doc.yaml, {
    Scalar(_key, node) {
      const [from, to] = node.range ?? [0, 0];
      if (from <= end && to > start) {
        inert = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return inert;
}
