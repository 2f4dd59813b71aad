import {
  complete,
  effectiveKopsVersion,
  parseFile,
  resolveScenario,
  splitDocuments,
  type CompletionEntry,
  type EffectiveVersion,
  type ParsedFile,
  type Position,
  type TextEdit,
} from '../../server/src/engine';
import { acceptCompletion } from '../helpers/acceptCompletion';
import { expandSnippet } from '../helpers/expandSnippet';
import type { Run } from './engineRun';
import { ClientText, comments, completionProblems } from './invariants';

/** A text with a key typed into it at `cursor` (an offset), and the text before the typing. */
export interface TypedProbe {
  original: string;
  text: string;
  cursor: number;
}

const parsesCleanly = (file: ParsedFile): boolean => file.documents.every((d) => d.yaml.errors.length === 0 && !d.skipped);

/** Whether a line of `before` is missing from `after` (as many times as it occurs). */
function lost(before: readonly string[], after: readonly string[]): boolean {
  const left = [...after];
  return before.some((line) => {
    const i = left.indexOf(line);
    if (i >= 0) left.splice(i, 1);
    return i < 0;
  });
}

const documentIndexAt = (text: string, offset: number): number => splitDocuments(text).filter((d) => d.offset <= offset).length - 1;

/**
 * Completion where a key is typed, every item that edits more than the typed word (a Cilium scenario merging
 * into the Cluster through additional edits, a whole-file starter) accepted as VS Code accepts it: the result
 * parses as well as the text before the typing did, keeps every comment line and, for a scenario, changes no
 * document but the Cluster the cursor is in.
 */
export function checkTyped(run: Run, probe: TypedProbe): void {
  const file = run.call('parseFile', () => parseFile(probe.text));
  const eff = file && run.call('effectiveKopsVersion', () => effectiveKopsVersion(file, run.input.settings));
  if (!file || !eff) return;
  const pos = file.lines.positionAt(probe.cursor);
  const entries = run.call('complete', () => complete(file, pos, eff)) ?? [];
  run.problems('invariant', 'complete', completionProblems(new ClientText(probe.text), pos, entries));
  checkAccepted(run, probe, pos, entries, undefined, resolverAt(run, file, pos, eff));
}

/** The additional edits a scenario item gets on completionItem/resolve, asked as the server asks the engine. */
export const resolverAt =
  (run: Run, file: ParsedFile, pos: Position, eff: EffectiveVersion) =>
  (entry: CompletionEntry): TextEdit[] =>
    entry.resolve ? (run.call('resolveScenario', () => resolveScenario(file, pos, eff, entry.resolve!.scenario)) ?? []) : [];

/** Every item of `entries` (asked at `pos` in `probe.text`) that edits more than the typed word, accepted and checked. */
export function checkAccepted(
  run: Run,
  probe: TypedProbe,
  pos: Position,
  entries: readonly CompletionEntry[],
  original: ParsedFile | undefined,
  resolve: (entry: CompletionEntry) => TextEdit[],
): void {
  const merging = entries.filter((e) => e.resolve || (e.kind === 'snippet' && e.isSnippet));
  if (!merging.length) return;
  const before = original ?? run.call('parseFile', () => parseFile(probe.original));
  if (!before) return;
  for (const entry of merging) {
    const what = `"${entry.label}" at ${pos.line}:${pos.character}`;
    run.problems(
      'invariant',
      entry.resolve ? 'complete(scenario)' : 'complete(starter)',
      acceptedProblems(run, probe, before, entry, entry.resolve ? resolve(entry) : []).map((p) => `${what}: ${p}`),
    );
  }
}

function acceptedProblems(run: Run, probe: TypedProbe, original: ParsedFile, entry: CompletionEntry, additional: TextEdit[]): string[] {
  let accepted: string;
  try {
    accepted = acceptCompletion(
      probe.text,
      probe.cursor,
      entry.isSnippet ? { ...entry, insertText: expandSnippet(entry.insertText) } : entry,
      additional,
    );
  } catch (err) {
    return [(err as Error).message];
  }
  const problems: string[] = [];
  const after = run.call('parseFile', () => parseFile(accepted));
  if (after && parsesCleanly(original) && !parsesCleanly(after)) problems.push('accepting it produces a YAML syntax error');
  if (lost(comments(probe.original), comments(accepted))) problems.push('accepting it changes or drops a comment line');
  if (entry.resolve) {
    const [before, now] = [splitDocuments(probe.original), splitDocuments(accepted)];
    const cluster = documentIndexAt(probe.text, probe.cursor);
    if (before.length !== now.length) problems.push('accepting it adds or removes a `---` document');
    else if (before.some((d, i) => i !== cluster && d.text !== now[i].text))
      problems.push(
        `accepting it changes document ${before.findIndex((d, i) => i !== cluster && d.text !== now[i].text)}, not only the Cluster`,
      );
  }
  return problems;
}
