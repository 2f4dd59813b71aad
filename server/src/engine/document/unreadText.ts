import { isAlias, isScalar, visit } from 'yaml';
import type { YamlDocument } from './documents';

/** A line of nothing but indicators, brackets, anchors and tags: its meaning is in the nodes around it. */
const INDICATORS_ONLY = /^(?:[ \t]*(?:[-?:,[\]{}]|[&!]\S*))*[ \t]*\r?$/;
const NOT_CONTENT = /^[ \t]*(?:#.*)?\r?$|^(?:---|\.\.\.|%)/;

/**
 * Whether a line of the document holds text that no node was read from and no error names: eemeli/yaml drops the
 * lines after some explicit-key (`?`) layouts without a word. A line inserted or removed next to such text can
 * change what it belongs to, so editors leave those documents' structure alone.
 */
export function hasUnreadText(doc: YamlDocument): boolean {
  const text = doc.text;
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineOf = (offset: number): number => {
    let [low, high] = [0, lineStarts.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const read = new Uint8Array(lineStarts.length);
  const mark = (start: number, end: number) => read.fill(1, lineOf(start), lineOf(Math.max(start, end - 1)) + 1);
  visit(doc.yaml, {
    Node: (_, node) => void ((isScalar(node) || isAlias(node)) && node.range && mark(node.range[0], node.range[1])),
  });
  for (const e of doc.yaml.errors) mark(e.pos[0], e.pos[1]);
  return lineStarts.some((start, i) => {
    if (read[i]) return false;
    const line = text.slice(start, i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length);
    return !NOT_CONTENT.test(line) && !INDICATORS_ONLY.test(line);
  });
}
