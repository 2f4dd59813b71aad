import { parseFile, type KopsApiVersion, type ParsedFile, type YamlDocument } from '../../document/documents';
import { applyEdits } from '../../document/textEdits';
import type { KopsVersion } from '../../kops/releases';
import { CILIUM_PATH } from '../../kops/dialect';
import type { PathSegment, TextEdit } from '../../types';
import { documentProblems } from '../editGuard';
import { ciliumEtcdTouches } from '../etcd';
import type { CiliumScenario } from './ciliumScenarios';
import { mergeScenario, type MergedScenario } from './mergeScenario';

/** The keys a scenario's changes set. */
function scenarioTouches(scenario: CiliumScenario, api: KopsApiVersion): PathSegment[][] {
  return scenario.changes.flatMap((c) =>
    c.kind === 'set' ? [c.path] : c.kind === 'ciliumBlock' ? [[...CILIUM_PATH]] : ciliumEtcdTouches(api),
  );
}

/**
 * The edit guard on a scenario item, from the parses the merge already made: the item's edits turn the file into
 * the merged text (so no other document changes), the merged Cluster keeps every comment and changes only the
 * scenario's keys, and merging the scenario again changes nothing.
 */
export function scenarioProblems(
  file: ParsedFile,
  edits: readonly TextEdit[],
  base: YamlDocument,
  merged: MergedScenario,
  scenario: CiliumScenario,
  v: KopsVersion,
): string[] {
  if (applyEdits(file, edits) !== merged.text) return ['its edits do not give the merged text'];
  const problems = documentProblems(base, merged.doc, scenarioTouches(scenario, base.kops!.apiVersion));
  const alone = parseFile(merged.doc.text, { documents: [merged.doc] });
  if (problems.length === 0 && mergeScenario(alone, merged.doc, scenario, v)?.text !== merged.doc.text)
    problems.push('merged a second time, it changes the text again');
  return problems;
}
