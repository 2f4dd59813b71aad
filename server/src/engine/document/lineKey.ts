import { documentAt, type ParsedFile, type YamlDocument } from './documents';
import type { PathSegment } from '../types';
import { pathStartingAt } from './yamlNav';

/** The key written on a line of a kops document: what an action asked for on that line is about. */
export interface LineKey {
  doc: YamlDocument;
  path: PathSegment[];
}

/** The key that opens `line` (after any `- ` markers); none on comment, blank, value-only and non-kops lines. */
export function keyOnLine(file: ParsedFile, line: number): LineKey | undefined {
  if (line < 0 || line >= file.lines.lineCount) return undefined;
  const lead = /^[ \t]*(?:-[ \t]+)*/.exec(file.lines.lineText(line))![0].length;
  const offset = file.lines.lineStart(line) + lead;
  const doc = documentAt(file, offset);
  if (!doc?.kops) return undefined;
  const found = pathStartingAt(doc, offset - doc.offset);
  return found?.at === 'key' ? { doc, path: found.path } : undefined;
}

export const samePath = (a: readonly PathSegment[], b: readonly PathSegment[]): boolean =>
  a.length === b.length && a.every((segment, i) => segment === b[i]);
