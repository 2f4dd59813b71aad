import { commentLines, missingFrom, trailingComments } from '../document/commentLines';
import { oncePerParse, parseFile, type ParsedFile, type YamlDocument } from '../document/documents';
import { applyEdits, independent } from '../document/textEdits';
import { changeOutside, isUnder } from '../document/treeChanges';
import { nodeAt, pathStartingAt } from '../document/yamlNav';
import { writtenView, type WrittenView } from '../document/writtenView';
import type { ErrorContext, ErrorSink } from '../errorBoundary';
import { formatPath, type PathSegment, type Range, type TextEdit } from '../types';

/**
 * The check every edit we offer passes before it is offered (code actions, command edits, scenario items): its
 * ranges lie inside the text and, applied to the text in memory, it parses as well as the text did, keeps every
 * comment line, changes no document it has no edit in, changes the parsed spec only under the paths it names,
 * and, computed again on its own result, changes nothing more.
 */

export interface OfferedEdit {
  title: string;
  edits: readonly TextEdit[];
  /** The paths it may change, in each document its edits fall in (a removed key's trailing comment goes with it). */
  touches: readonly (readonly PathSegment[])[];
  /** The same action computed on its own result; omitted for an action not meant to be idempotent. */
  again?: (after: ParsedFile) => readonly TextEdit[];
}

/** An edit the guard kept from the user, reported through the front end's error sink. */
export class WithheldEdit extends Error {
  constructor(
    readonly title: string,
    readonly problems: readonly string[],
  ) {
    super(`withheld "${title}": ${problems.join('; ')}`);
    this.name = 'WithheldEdit';
  }
}

/**
 * Problems already found per parsed file (a file's parse is immutable, and the same fix-all comes back on every
 * code action request until the text changes).
 */
const checked = new WeakMap<ParsedFile, Map<string, string[]>>();

function memoizedProblems(file: ParsedFile, offered: OfferedEdit): string[] {
  const key = JSON.stringify([offered.edits, offered.touches, offered.again !== undefined]);
  let known = checked.get(file);
  if (!known) checked.set(file, (known = new Map<string, string[]>()));
  let problems = known.get(key);
  if (!problems) known.set(key, (problems = editProblems(file, offered)));
  return problems;
}

/** Whether the edit may be offered; when not, the sink hears why. */
export function passesGuard(file: ParsedFile, offered: OfferedEdit, report: ErrorSink, context: ErrorContext): boolean {
  const problems = memoizedProblems(file, offered);
  if (problems.length) report(new WithheldEdit(offered.title, problems), context);
  return problems.length === 0;
}

/** What applying the edit would break; empty when it may be offered. */
export function editProblems(file: ParsedFile, offered: OfferedEdit): string[] {
  // offsetAt would clamp a range past a line's end or the last line onto other text, where it looks like a clean edit.
  const outside = offered.edits.find((e) => !file.lines.holdsRange(e.range));
  if (outside) return [`an edit's range ${showRange(outside.range)} is not inside the text`];
  if (!independent(offered.edits)) return ['its edits overlap'];
  const text = applyEdits(file, offered.edits);
  const after = parseFile(text, file);
  if (after.documents.length !== file.documents.length) return ['it adds or removes a `---` document'];
  const spans = offered.edits.map((e) => [file.lines.offsetAt(e.range.start), file.lines.offsetAt(e.range.end)] as const);
  const problems: string[] = [];
  file.documents.forEach((before, i) => {
    const end = before.offset + before.text.length;
    if (spans.some(([s, e]) => s < before.offset && before.offset < e)) problems.push(`an edit spans the \`---\` above document ${i + 1}`);
    if (before.text === after.documents[i].text) return;
    if (!spans.some(([s, e]) => s <= end && e >= before.offset)) problems.push(`it changes document ${i + 1}, where it has no edit`);
    problems.push(...documentProblems(before, after.documents[i], offered.touches));
  });
  if (problems.length === 0 && offered.again) {
    const twice = applyEdits(after, offered.again(after));
    if (twice !== text) problems.push('applied a second time, it changes the text again');
  }
  return problems;
}

const showRange = ({ start, end }: Range): string => `${start.line}:${start.character}-${end.line}:${end.character}`;

/** The parse, comment and spec checks of one changed document. */
export function documentProblems(before: YamlDocument, after: YamlDocument, touches: OfferedEdit['touches']): string[] {
  const problems: string[] = [];
  const [errorsBefore, errorsAfter] = [before.yaml.errors.length, after.yaml.errors.length];
  if (errorsAfter > errorsBefore) {
    const first = after.yaml.errors[0].message.split('\n')[0];
    problems.push(errorsBefore === 0 ? `it turns valid YAML into a syntax error (${first})` : 'it adds a YAML syntax error');
  }
  const lost = missingFrom(commentLines(before.text), commentLines(after.text), (c) => c);
  if (lost.length) problems.push(`it drops or changes the comment line ${JSON.stringify(lost[0])}`);
  const trailing = missingFrom(trailingComments(before.text), trailingComments(after.text), (c) => c.text);
  const kept = trailing.find((c) => !keyRemoved(before, after, c.contentAt, touches));
  if (kept) problems.push(`it drops or changes the comment ${JSON.stringify(kept.text)} of a line it keeps`);
  if (errorsBefore === 0 && errorsAfter === 0 && !before.skipped) {
    const [was, is] = [viewOf(before), viewOf(after)];
    const dangling = missingFrom(was.anchors, is.anchors, (a) => a).find((a) => is.aliases.includes(a));
    if (dangling) problems.push(`it drops the anchor &${dangling} that an alias still uses`);
    const changed = changeOutside(was.data, is.data, touches);
    if (changed) problems.push(`it changes ${formatPath(changed) || 'the whole document'}, which it does not name`);
  }
  return problems;
}

/** Whether the key written at `offset` of `before` is one the edit may change and is gone after it (its comment with it). */
function keyRemoved(before: YamlDocument, after: YamlDocument, offset: number, touches: OfferedEdit['touches']): boolean {
  const found = pathStartingAt(before, offset);
  if (found?.at !== 'key') return false;
  return touches.some((t) => isUnder(found.path, t)) && nodeAt(after, found.path) === undefined;
}

/** A document as written, once per parse (parseFile keeps the parse of every unchanged document). */
const viewOf = oncePerParse((doc): WrittenView => writtenView(doc.yaml.contents));
