import {
  effectiveKopsVersion,
  LineIndex,
  parseFile,
  scenarioMerge,
  type CompletionEntry,
  type EngineSettings,
  type ErrorSink,
} from '../../server/src/engine';
import { applyEdits } from './applyEdits';

/**
 * What an editor does on accepting a completion item at `cursor` (an offset): its edit replaces the typed text
 * around the cursor. Throws when the item's range is not on the cursor's line around the cursor.
 */
export function acceptCompletion(text: string, cursor: number, item: CompletionEntry): string {
  const lines = new LineIndex(text);
  const [start, end] = [lines.offsetAt(item.range.start), lines.offsetAt(item.range.end)];
  if (item.range.start.line !== item.range.end.line || start > cursor || end < cursor)
    throw new Error(`${item.label}: its edit does not replace the text around the cursor`);
  return text.slice(0, start) + item.insertText + text.slice(end);
}

/**
 * A scenario item's command, as the server runs it once the editor has applied the item: the scenario merged into
 * `emptied` (the text with the item's edit applied).
 */
export function runScenarioCommand(emptied: string, item: CompletionEntry, settings: EngineSettings = {}, report?: ErrorSink): string {
  if (item.scenario === undefined) throw new Error(`${item.label}: not a scenario item`);
  const file = parseFile(emptied);
  const edits = scenarioMerge(file, item.range.start.line, effectiveKopsVersion(file, settings), item.scenario, report);
  return applyEdits(emptied, edits);
}

/** What an editor does on accepting a Cilium scenario item at `cursor`: the item's edit, then its command. */
export function acceptScenario(text: string, cursor: number, item: CompletionEntry, settings?: EngineSettings): string {
  return runScenarioCommand(acceptCompletion(text, cursor, item), item, settings);
}
