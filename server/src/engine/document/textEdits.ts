import { parseFile, type ParsedFile, type YamlDocument } from './documents';
import { comparePositions, rangesTouch, type PathSegment, type TextEdit } from '../types';
import { insideCrLf } from './lineIndex';
import { YamlEditor } from './yamlEdit';

const isInsert = (e: TextEdit): boolean => comparePositions(e.range.start, e.range.end) === 0;

/** Whether two edits touch the same text (inserts at one position count: their order would be a guess). */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (!rangesTouch(a.range, b.range)) return false;
  if (isInsert(a) && isInsert(b)) return true;
  return comparePositions(a.range.end, b.range.start) !== 0 && comparePositions(b.range.end, a.range.start) !== 0;
}

export const editsClash = (a: readonly TextEdit[], b: readonly TextEdit[]): boolean => a.some((x) => b.some((y) => clash(x, y)));

/** True when no two edits of the list clash with each other. */
export function independent(edits: readonly TextEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) for (let j = i + 1; j < edits.length; j++) if (clash(edits[i], edits[j])) return false;
  return true;
}

/**
 * One edit turning `before` into `after`: the span between their common prefix and common suffix, widened so
 * that neither end falls between the CR and LF of a line break (no position names that place).
 */
export function diffEdit(file: ParsedFile, after: string): TextEdit[] {
  const before = file.text;
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  if (insideCrLf(before, start)) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  if (insideCrLf(before, before.length - end)) end--;
  return [{ range: file.lines.range(start, before.length - end), newText: after.slice(start, after.length - end) }];
}

/**
 * Runs edit steps one after another on the document (each sees the previous one's result) and returns the
 * whole change as one edit. Steps that find nothing to do are skipped; undefined when a step fails. New keys
 * go beside `near` (see YamlEditor).
 */
export function chainEdits(
  file: ParsedFile,
  doc: YamlDocument,
  steps: ReadonlyArray<(editor: YamlEditor) => TextEdit[] | undefined>,
  near: readonly PathSegment[] = [],
): TextEdit[] | undefined {
  const index = file.documents.indexOf(doc);
  let current = file;
  for (const step of steps) {
    const edits = step(new YamlEditor(current, current.documents[index], near));
    if (edits === undefined) return undefined;
    if (edits.length === 0) continue;
    current = parseFile(applyEdits(current, edits), current);
    if (current.documents.length !== file.documents.length) return undefined;
  }
  return diffEdit(file, current.text);
}

/** Applies non-clashing edits to the file's text. */
export function applyEdits(file: ParsedFile, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e, i) => ({ i, start: file.lines.offsetAt(e.range.start), end: file.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = file.text;
  for (const s of spans) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * Where a position of `file` lands once `edits` are applied to it, in offsets of the new text: a range's start
 * stays before text inserted at it and its end goes after, so an edit's own range lands on its new text.
 */
export function movedOffset(
  file: ParsedFile,
  edits: readonly TextEdit[],
  position: TextEdit['range']['start'],
  side: 'start' | 'end',
): number {
  const offset = file.lines.offsetAt(position);
  let moved = offset;
  for (const e of edits) {
    const [start, end] = [file.lines.offsetAt(e.range.start), file.lines.offsetAt(e.range.end)];
    const grown = e.newText.length - (end - start);
    if (end < offset || (end === offset && (start < end || side === 'end'))) moved += grown;
    else if (start < offset && offset < end) moved += side === 'start' ? start - offset : start + e.newText.length - offset;
  }
  return moved;
}
