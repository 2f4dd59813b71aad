import { isAlias, isScalar, visit } from 'yaml';
import type { YamlDocument } from './documents';
import { LineIndex } from './lineIndex';

/** A line of nothing but indicators, brackets, anchors and tags: its meaning is in the nodes around it. */
const INDICATORS_ONLY = /^(?:[ \t]*(?:[-?:,[\]{}]|[&!]\S*))*[ \t]*\r?$/;
const NOT_CONTENT = /^[ \t]*(?:#.*)?\r?$|^(?:---|\.\.\.|%)/;

/**
 * Whether a line of the document holds text that no node was read from and no error names: eemeli/yaml drops the
 * lines after some explicit-key (`?`) layouts without a word. A line inserted or removed next to such text can
 * change what it belongs to, so editors leave those documents' structure alone.
 */
export function hasUnreadText(doc: YamlDocument): boolean {
  const lines = new LineIndex(doc.text);
  const lineOf = (offset: number): number => lines.positionAt(offset).line;
  const read = new Uint8Array(lines.lineCount);
  const mark = (start: number, end: number) => read.fill(1, lineOf(start), lineOf(Math.max(start, end - 1)) + 1);
  visit(doc.yaml, {
    Node: (_, node) => void ((isScalar(node) || isAlias(node)) && node.range && mark(node.range[0], node.range[1])),
  });
  for (const e of doc.yaml.errors) mark(e.pos[0], e.pos[1]);
  return read.some((isRead, i) => {
    if (isRead) return false;
    const line = doc.text.slice(lines.lineStart(i), lines.lineEnd(i));
    return !NOT_CONTENT.test(line) && !INDICATORS_ONLY.test(line);
  });
}
