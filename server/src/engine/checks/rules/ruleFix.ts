import { YamlEditor } from '../../document/yamlEdit';
import type { Fix, TextEdit } from '../../types';
import type { SpecDocument } from './ruleContext';

/** A fix a whole-spec rule offers, built against the rule context's document alone; none when nothing would change. */
export function ruleFix(c: SpecDocument, title: string, edit: (e: YamlEditor) => TextEdit[], preferred = true): Fix[] | undefined {
  const edits = edit(new YamlEditor(c.file, c.doc));
  return edits.length ? [{ title, edits, ...(preferred ? { preferred } : {}) }] : undefined;
}
