import { YamlEditor } from '../../document/yamlEdit';
import type { Fix, PathSegment, TextEdit } from '../../types';
import type { SpecDocument } from './ruleContext';

/**
 * A fix a whole-spec rule offers, built against the rule context's document alone; none when nothing would
 * change. Keys it adds go beside `near` (the path the rule blames), as every fix's do.
 */
export function ruleFix(
  c: SpecDocument,
  title: string,
  edit: (e: YamlEditor) => TextEdit[],
  preferred = true,
  near: readonly PathSegment[] = [],
): Fix[] | undefined {
  const edits = edit(new YamlEditor(c.file, c.doc, near));
  return edits.length ? [{ title, edits, ...(preferred ? { preferred } : {}) }] : undefined;
}
