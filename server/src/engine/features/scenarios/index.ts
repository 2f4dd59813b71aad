import { blankLineIsInert } from '../../document/blankLine';
import { documentAt, parseFile, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Position, Range, TextEdit } from '../../types';
import { ciliumScenarios, type CiliumScenario, type ScenarioChange } from './ciliumScenarios';
import { changeDone, changeWritable, mergeScenario } from './mergeScenario';
import { scenarioFits } from './scenarioFit';
import { typedLine, type TypedLine } from './typedLine';
import { rethrow, type ErrorSink } from '../../errorBoundary';
import { WithheldEdit } from '../editGuard';
import { scenarioProblems } from './scenarioGuard';

/**
 * A scenario offered where a new key is typed: the item's own edit removes the typed word; the edits that merge
 * the scenario come from scenarioEdits once the editor has applied it (the item's command).
 */
export interface ScenarioProposal {
  label: string;
  title: string;
  /** Markdown: what the scenario is and the keys it sets. */
  documentation: string;
  range: Range;
}

/** The typed line, the file without it and its Cluster document (which the scenarios are checked against). */
interface ScenarioSite {
  typed: TypedLine;
  base: ParsedFile;
  doc: YamlDocument;
}

function scenarioSite(file: ParsedFile, pos: Position): ScenarioSite | undefined {
  const typed = typedLine(file, pos);
  const cursorDoc = typed && documentAt(file, file.lines.offsetAt(pos));
  if (!typed || cursorDoc?.kops?.kind !== 'Cluster') return undefined;
  // Unchanged documents are reused: only the Cluster document is parsed again.
  const base = parseFile(typed.base, file);
  const doc = base.documents.length === file.documents.length ? base.documents[file.documents.indexOf(cursorDoc)] : undefined;
  return doc?.kops && !doc.yaml.errors.length ? { typed, base, doc } : undefined;
}

/**
 * The Cluster document the list checks the scenarios against: on a blank line that is no part of a value the
 * document as it stands (the same data as without the line, so no parse), else scenarioSite's.
 */
function listedSite(file: ParsedFile, pos: Position): Omit<ScenarioSite, 'base'> | undefined {
  const typed = typedLine(file, pos);
  const doc = typed && documentAt(file, file.lines.offsetAt(pos));
  const line = file.lines.lineText(pos.line);
  if (typed && doc?.kops?.kind === 'Cluster' && line.trim() === '' && !doc.yaml.errors.length) {
    const start = file.lines.lineStart(pos.line) - doc.offset;
    if (blankLineIsInert(doc, start, start + line.length)) return { typed, doc };
  }
  return scenarioSite(file, pos);
}

/** The scenarios that fit this Cluster, that the merge can write and that would change something. */
function fittingScenarios(doc: YamlDocument, v: KopsVersion): CiliumScenario[] {
  return ciliumScenarios(v, doc.kops!.apiVersion).filter(
    (s) => scenarioFits(s.id, doc, v) && s.changes.every((c) => changeWritable(doc, c, v)) && !s.changes.every((c) => changeDone(doc, c)),
  );
}

function changeLine(change: ScenarioChange): string[] {
  if (change.kind === 'ciliumBlock') return ['networking.cilium: {}'];
  if (change.kind === 'ciliumEtcd') return ['etcdClusters: cilium (members as in main)', 'networking.cilium.etcdManaged: true'];
  return [`${change.path.slice(1).join('.')}: ${change.value}`];
}

/** The summary, then the keys the scenario changes in this spec. */
function documentation(s: CiliumScenario, doc: YamlDocument): string {
  const lines = s.changes.filter((c) => !changeDone(doc, c)).flatMap(changeLine);
  return `${s.summary} Sets:\n\n\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
}

/**
 * The Cilium guide's scenarios that fit the Cluster document at `pos`, where a new key is being typed on a line
 * of its own. Cheap: no merge, and at most one parse of that document without the typed line. A scenario the
 * spec already says in full is left out.
 */
export function scenarioProposals(file: ParsedFile, pos: Position, v: KopsVersion): ScenarioProposal[] {
  const site = listedSite(file, pos);
  if (!site) return [];
  return fittingScenarios(site.doc, v).map((s) => ({
    label: s.label,
    title: s.title,
    documentation: documentation(s, site.doc),
    range: site.typed.mainRange,
  }));
}

/**
 * The edits that merge the scenario `label` offered on the line of `pos`: the typed line removed, existing keys
 * set in place, missing ones added beside their siblings. The one place a scenario's edits are computed. None when
 * the scenario no longer fits, or in a case the list's writability check does not foresee (the merge breaking the
 * YAML): the item then only removed the typed word, which leaves the spec's data as it was before typing.
 */
export function scenarioEdits(file: ParsedFile, pos: Position, v: KopsVersion, label: string, report: ErrorSink = rethrow): TextEdit[] {
  const site = scenarioSite(file, pos);
  const scenario = site && fittingScenarios(site.doc, v).find((s) => s.label === label);
  const merged = scenario && mergeScenario(site.base, site.doc, scenario, v);
  if (!site || !scenario || merged === undefined || merged.text === site.base.text) return [];
  const edits = site.typed.edits(merged.text);
  const problems = scenarioProblems(file, edits, site.doc, merged, scenario, v);
  if (!problems.length) return edits;
  report(new WithheldEdit(scenario.label, problems), { feature: 'scenario merge: edit guard' });
  return [];
}
