import {
  splitDocuments,
  type CompletionEntry,
  type Finding,
  type HoverResult,
  type OutlineSymbol,
  type Position,
  type Range,
  type TextEdit,
} from '../../server/src/engine';
import { applyEdits } from '../helpers/applyEdits';

/**
 * The text as an LSP client sees it: lines end at `\r\n`, `\r` or `\n`; characters are UTF-16 code units.
 * Independent of the engine's LineIndex on purpose, so a disagreement shows up as a violation.
 */
export class ClientText {
  readonly lines: string[];
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.lines = [];
    this.starts = [];
    const re = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.lines.push(text.slice(start, m.index));
      this.starts.push(start);
      start = m.index + m[0].length;
    }
    this.lines.push(text.slice(start));
    this.starts.push(start);
  }

  offsetAt(p: Position): number {
    return this.starts[p.line] + p.character;
  }
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export function rangeProblem(doc: ClientText, r: Range | undefined, what: string): string | undefined {
  if (!r || !r.start || !r.end) return `${what}: no range`;
  for (const p of [r.start, r.end]) {
    if (!isCount(p.line) || !isCount(p.character)) return `${what}: malformed position in ${JSON.stringify(r)}`;
    if (p.line >= doc.lines.length) return `${what}: ${show(r)} past the last line (${doc.lines.length})`;
    if (p.character > doc.lines[p.line].length) return `${what}: ${show(r)} past the end of line ${p.line} (${doc.lines[p.line].length})`;
  }
  if (before(r.end, r.start)) return `${what}: ${show(r)} ends before it starts`;
  return undefined;
}

const splitsSurrogate = (doc: ClientText, p: Position): boolean => {
  const line = doc.lines[p.line];
  const c = p.character;
  return c > 0 && c < line.length && /[\ud800-\udbff]/.test(line[c - 1]) && /[\udc00-\udfff]/.test(line[c]);
};

/** Problems of an edit list: ranges, surrogate pairs, overlaps; `applied` is the text after applying when clean. */
export function editsProblems(doc: ClientText, edits: readonly TextEdit[], what: string): { problems: string[]; applied?: string } {
  const problems: string[] = [];
  for (const e of edits) {
    const p = rangeProblem(doc, e.range, what);
    if (p) problems.push(p);
    else if (splitsSurrogate(doc, e.range.start) || splitsSurrogate(doc, e.range.end))
      problems.push(`${what}: edit ${show(e.range)} splits a surrogate pair`);
    if (typeof e.newText !== 'string') problems.push(`${what}: edit without newText`);
  }
  if (problems.length) return { problems };
  try {
    return { problems, applied: applyEdits(doc.text, edits) };
  } catch (err) {
    return { problems: [`${what}: ${(err as Error).message}`] };
  }
}

export function findingProblems(doc: ClientText, f: Finding): string[] {
  const what = `finding ${f.code}`;
  const problems: string[] = [];
  const r = rangeProblem(doc, f.range, what);
  if (r) problems.push(r);
  if (!f.code || !f.message) problems.push(`${what}: empty code or message`);
  if (!['error', 'warning', 'information', 'hint'].includes(f.severity)) problems.push(`${what}: severity ${f.severity}`);
  for (const fix of f.fixes ?? []) problems.push(...editsProblems(doc, fix.edits, `${what} fix "${fix.title}"`).problems);
  return problems;
}

export function completionProblems(doc: ClientText, pos: Position, entries: readonly CompletionEntry[]): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    const what = `completion "${e.label}" at ${pos.line}:${pos.character}`;
    const r = rangeProblem(doc, e.range, what);
    if (r) problems.push(r);
    else if (e.range.start.line !== pos.line || e.range.end.line !== pos.line)
      problems.push(`${what}: range ${show(e.range)} leaves the cursor line`);
    else if (e.range.start.character > pos.character || e.range.end.character < pos.character)
      problems.push(`${what}: range ${show(e.range)} does not contain the cursor`);
    if (!e.label || typeof e.insertText !== 'string') problems.push(`${what}: empty label or insertText`);
    if (problems.length) break;
  }
  return problems;
}

export function hoverProblems(doc: ClientText, pos: Position, h: HoverResult | undefined): string[] {
  if (!h) return [];
  const what = `hover at ${pos.line}:${pos.character}`;
  const r = rangeProblem(doc, h.range, what);
  if (r) return [r];
  if (before(pos, h.range.start) || before(h.range.end, pos)) return [`${what}: range ${show(h.range)} does not contain the cursor`];
  return h.contents ? [] : [`${what}: empty contents`];
}

const inside = (inner: Range, outer: Range): boolean => !before(inner.start, outer.start) && !before(outer.end, inner.end);

export function outlineProblems(doc: ClientText, symbols: readonly OutlineSymbol[], parent?: OutlineSymbol): string[] {
  const problems: string[] = [];
  for (const s of symbols) {
    const what = `symbol "${s.name}"`;
    const r = rangeProblem(doc, s.range, what) ?? rangeProblem(doc, s.selectionRange, `${what} selection`);
    if (r) problems.push(r);
    else if (!inside(s.selectionRange, s.range)) problems.push(`${what}: selection ${show(s.selectionRange)} outside ${show(s.range)}`);
    else if (parent && !inside(s.range, parent.range)) problems.push(`${what}: outside its parent "${parent.name}"`);
    if (!s.name) problems.push(`${what}: empty name (VS Code rejects it)`);
    problems.push(...outlineProblems(doc, s.children, s));
  }
  return problems;
}

/** Full-line comments, except the `# kops-version:` line that version fixes rewrite on purpose (the edit guard's definition). */
export { commentLines as comments } from '../../server/src/engine';

/** Whether an edit spans a document boundary (`---`), i.e. touches two documents at once. */
export function crossesDocuments(doc: ClientText, edits: readonly TextEdit[]): boolean {
  const cuts = splitDocuments(doc.text)
    .slice(1)
    .map((c) => c.offset);
  return edits.some((e) => {
    const [s, end] = [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)];
    return cuts.some((c) => s < c && c < end);
  });
}

export const documentCount = (text: string): number => splitDocuments(text).length;
