import { documentAt, parseFile, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Position, Range, TextEdit } from '../../types';
import { ciliumScenarios, type CiliumScenario, type ScenarioChange } from './ciliumScenarios';
import { alreadySet, mergeScenario } from './mergeScenario';
import { scenarioFits } from './scenarioFit';
import { typedLine } from './typedLine';
import { rethrow, type ErrorSink } from '../../errorBoundary';
import { WithheldEdit } from '../editGuard';
import { scenarioProblems } from './scenarioGuard';

/** A scenario ready to merge: the main edit empties the typed line, the additional edits do the rest. */
export interface ScenarioProposal {
  label: string;
  title: string;
  /** Markdown: what the scenario is and the keys it sets. */
  documentation: string;
  range: Range;
  additionalEdits: TextEdit[];
}

function changeLine(change: ScenarioChange): string[] {
  if (change.kind === 'ciliumBlock') return ['networking.cilium: {}'];
  if (change.kind === 'ciliumEtcd') return ['etcdClusters: cilium (members as in main)', 'networking.cilium.etcdManaged: true'];
  return [`${change.path.slice(1).join('.')}: ${change.value}`];
}

/** The summary, then the keys the scenario changes in this spec. */
function documentation(s: CiliumScenario, doc: YamlDocument): string {
  const lines = s.changes.filter((c) => !alreadySet(doc, c)).flatMap(changeLine);
  return `${s.summary} Sets:\n\n\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
}

/**
 * The Cilium guide's scenarios that merge cleanly into the Cluster document at `pos`, where a new key is being
 * typed on a line of its own. A scenario the spec already says in full is left out, and one the edit guard holds
 * back is reported to `report`.
 */
export function scenarioProposals(file: ParsedFile, pos: Position, v: KopsVersion, report: ErrorSink = rethrow): ScenarioProposal[] {
  const typed = typedLine(file, pos);
  const cursorDoc = typed && documentAt(file, file.lines.offsetAt(pos));
  if (!typed || cursorDoc?.kops?.kind !== 'Cluster') return [];
  const base = parseFile(typed.base, file);
  const doc = base.documents.length === file.documents.length ? base.documents[file.documents.indexOf(cursorDoc)] : undefined;
  if (!doc?.kops || doc.yaml.errors.length) return [];
  const out: ScenarioProposal[] = [];
  for (const scenario of ciliumScenarios(v, doc.kops.apiVersion)) {
    if (!scenarioFits(scenario.id, doc, v)) continue;
    const merged = mergeScenario(base, doc, scenario, v);
    if (merged === undefined || merged.text === base.text) continue;
    const additionalEdits = typed.additionalEdits(merged.text);
    const problems = scenarioProblems(file, [{ range: typed.mainRange, newText: '' }, ...additionalEdits], doc, merged, scenario, v);
    if (problems.length) {
      report(new WithheldEdit(scenario.label, problems), { feature: 'completion: edit guard' });
      continue;
    }
    out.push({
      label: scenario.label,
      title: scenario.title,
      documentation: documentation(scenario, doc),
      range: typed.mainRange,
      additionalEdits,
    });
  }
  return out;
}
