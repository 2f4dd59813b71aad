import {
  complete,
  effectiveKopsVersion,
  parseFile,
  splitDocuments,
  type CompletionEntry,
  type ParsedFile,
  type Position,
} from '../../server/src/engine';
import { acceptCompletion, runScenarioCommand } from '../helpers/acceptCompletion';
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
 * into the Cluster through its command, a whole-file starter) accepted as an editor accepts it: the result
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
  checkAccepted(run, probe, pos, entries, undefined);
}

/** Every item of `entries` (asked at `pos` in `probe.text`) that edits more than the typed word, accepted and checked. */
export function checkAccepted(
  run: Run,
  probe: TypedProbe,
  pos: Position,
  entries: readonly CompletionEntry[],
  original: ParsedFile | undefined,
): void {
  const merging = entries.filter((e) => e.scenario !== undefined || (e.kind === 'snippet' && e.isSnippet));
  if (!merging.length) return;
  const before = original ?? run.call('parseFile', () => parseFile(probe.original));
  if (!before) return;
  for (const entry of merging) {
    const what = `"${entry.label}" at ${pos.line}:${pos.character}`;
    run.problems(
      'invariant',
      entry.scenario !== undefined ? 'complete(scenario)' : 'complete(starter)',
      acceptedProblems(run, probe, before, entry).map((p) => `${what}: ${p}`),
    );
  }
}

function acceptedProblems(run: Run, probe: TypedProbe, original: ParsedFile, entry: CompletionEntry): string[] {
  let accepted: string;
  try {
    accepted = acceptCompletion(
      probe.text,
      probe.cursor,
      entry.isSnippet ? { ...entry, insertText: expandSnippet(entry.insertText) } : entry,
    );
  } catch (err) {
    return [(err as Error).message];
  }
  if (entry.scenario !== undefined) {
    const emptied = accepted;
    const merged = run.call('scenarioMerge', () => runScenarioCommand(emptied, entry, run.input.settings));
    if (merged === undefined) return [];
    accepted = merged;
  }
  const problems: string[] = [];
  const after = run.call('parseFile', () => parseFile(accepted));
  if (after && parsesCleanly(original) && !parsesCleanly(after)) problems.push('accepting it produces a YAML syntax error');
  if (lost(comments(probe.original), comments(accepted))) problems.push('accepting it changes or drops a comment line');
  if (entry.scenario !== undefined) {
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
