import { aliasedAnchors, type AnchorUse, type NamedSpan } from './aliasedAnchors';
import type { YamlDocument } from './documents';
import { hasUnreadText } from './unreadText';

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

/**
 * What no edit of a document may do, whatever built it: lose a comment line, cut through text the parser could
 * not read (the extent of a broken node is the parser's guess), add or remove lines where the parser silently
 * left text out, or change or remove a node whose anchor an alias outside the edit refers to (the alias would
 * change with it, or point at nothing).
 */
export class EditSafety {
  /** Nodes carrying an anchor some alias uses, and those aliases; read on first need. */
  private anchorUse?: AnchorUse;
  private unreadText?: boolean;

  constructor(private readonly doc: YamlDocument) {}

  /** Whether replacing the document text from `start` to `end` with `newText` is safe. */
  allows(start: number, end: number, newText: string): boolean {
    return (
      this.keepsComments(start, end, newText) &&
      !this.cutsBrokenText(start, end) &&
      !this.joinsBrokenLine(start, end, newText) &&
      !this.movesLinesNearUnreadText(start, end, newText) &&
      !this.touchesAliasedAnchor(start, end)
    );
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

  /**
   * An edit on the line right above a line the parser could not read, or a removal of whole lines right above it:
   * that line then joins other text (the rest of a plain scalar, an entry of a map above).
   */
  private joinsBrokenLine(start: number, end: number, newText: string): boolean {
    const text = this.doc.text;
    const breaks = (t: string) => t.split('\n').length;
    const removesLines = breaks(text.slice(start, end)) > breaks(newText);
    const atLineStart = end > 0 && text[end - 1] === '\n';
    const below = atLineStart && removesLines ? end : text.indexOf('\n', end) + 1;
    if (below <= 0 || below >= text.length) return false;
    const next = text.indexOf('\n', below);
    const [from, to] = [removesLines ? end : below, next < 0 ? text.length : next];
    return this.doc.yaml.errors.some((e) => e.pos[0] >= from && e.pos[0] <= to);
  }

  /** Lines added or removed in a document holding text the parser silently left out: that text may change owner. */
  private movesLinesNearUnreadText(start: number, end: number, newText: string): boolean {
    if (!/[\r\n]/.test(newText) && !/[\r\n]/.test(this.doc.text.slice(start, end))) return false;
    return (this.unreadText ??= hasUnreadText(this.doc));
  }

  /**
   * An edit overlapping a node whose anchor an alias outside the edit uses, or inserting into it. An empty node
   * (`key: &a`, whose range is empty) is touched by an edit that reaches it from either side: that gives it a value
   * or takes its anchor.
   */
  private touchesAliasedAnchor(start: number, end: number): boolean {
    const { anchored, aliases } = (this.anchorUse ??= aliasedAnchors(this.doc));
    const touches = (span: NamedSpan) =>
      span.start === span.end
        ? start <= span.start && span.start <= end
        : start === end
          ? span.start < start && start < span.end
          : span.start < end && start < span.end;
    return anchored.some((span) => touches(span) && aliases.some((a) => a.name === span.name && (a.start < start || a.end > end)));
  }
}
