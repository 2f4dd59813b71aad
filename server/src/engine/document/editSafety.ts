import { isNode, visit } from 'yaml';
import type { YamlDocument } from './documents';

/**
 * A node's properties written before it: anchors (`&a`) and tags (`!!str`, `!local`, `!<tag:yaml.org,2002:str>`,
 * whose verbatim form may hold commas), each after a space.
 */
export const PROPERTY = String.raw`(?:!<[^>\s]*>|[&!][^\s,[\]{}]*)`;
export const PROPERTIES_AFTER = new RegExp(String.raw`^(?:[ \t]+${PROPERTY})*`);
const PROPERTIES_BEFORE = new RegExp(String.raw`(?:^|[ \t])(${PROPERTY}(?:[ \t]+${PROPERTY})*)[ \t]*$`);

/** Offset where the properties written right before `start` on its line begin, and the anchors among them. */
export function propertiesBefore(text: string, lineStart: number, start: number): { at: number; anchors: string[] } {
  const m = PROPERTIES_BEFORE.exec(text.slice(lineStart, start));
  if (!m) return { at: start, anchors: [] };
  const at = lineStart + m.index + m[0].indexOf(m[1]);
  return { at, anchors: m[1].split(/[ \t]+/).filter((p) => p.startsWith('&')) };
}

const isCommentLine = (line: string): boolean => line.trimStart().startsWith('#');

/** The full-line comments among the text from `start` to `end` (a line start or the end): what removing those lines keeps. */
export function commentLinesIn(text: string, start: number, end: number): string {
  const lines = text.slice(start, end).split('\n');
  const last = lines.pop()!;
  const kept = lines.filter(isCommentLine).map((line) => `${line.replace(/\r$/, '')}\n`);
  return kept.join('') + (isCommentLine(last) ? last : '');
}

interface AnchoredNode {
  name: string;
  range: readonly [number, number, number];
}

/**
 * What no edit of a document may do, whatever built it: lose a comment line, cut through text the parser could
 * not read (the extent of a broken node is the parser's guess), or change or remove a node whose anchor an alias
 * outside the edit refers to (the alias would change with it, or point at nothing).
 */
export class EditSafety {
  private readonly anchored: AnchoredNode[] = [];
  private readonly aliases: Array<{ name: string; start: number; end: number }> = [];

  constructor(private readonly doc: YamlDocument) {
    visit(doc.yaml, {
      Alias: (_, alias) => {
        if (alias.range) this.aliases.push({ name: alias.source, start: alias.range[0], end: alias.range[1] });
      },
      Node: (_, node) => {
        if (node.anchor && node.range) this.anchored.push({ name: node.anchor, range: node.range });
      },
      Pair: (_, pair) => {
        const key = pair.key;
        if (isNode(key) && key.anchor && key.range) this.anchored.push({ name: key.anchor, range: key.range });
      },
    });
  }

  /** Whether replacing the document text from `start` to `end` with `newText` is safe. */
  allows(start: number, end: number, newText: string): boolean {
    return this.keepsComments(start, end, newText) && !this.cutsBrokenText(start, end) && !this.touchesAliasedAnchor(start, end);
  }

  private keepsComments(start: number, end: number, newText: string): boolean {
    const text = this.doc.text;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const next = text.indexOf('\n', end);
    const lineEnd = next < 0 ? text.length : next;
    const comments = (s: string) => s.split(/\r?\n|\r/).filter(isCommentLine);
    const after = comments(text.slice(lineStart, start) + newText + text.slice(end, lineEnd)).map((l) => l.trim());
    return comments(text.slice(lineStart, lineEnd)).every((line) => {
      const at = after.indexOf(line.trim());
      if (at >= 0) after.splice(at, 1);
      return at >= 0;
    });
  }

  /** An error inside the edited text after a line break in it (blank space before the error does not count). */
  private cutsBrokenText(start: number, end: number): boolean {
    return this.doc.yaml.errors.some(
      (e) => e.pos[0] >= start && e.pos[0] <= end && /[\r\n]/.test(this.doc.text.slice(start, e.pos[0]).trimEnd()),
    );
  }

  private touchesAliasedAnchor(start: number, end: number): boolean {
    const touches = ([from, to]: readonly number[]) => (start === end ? from < start && start < to : from < end && start < to);
    return this.anchored.some(
      (node) => touches(node.range) && this.aliases.some((a) => a.name === node.name && (a.start < start || a.end > end)),
    );
  }
}
