import { isMap } from 'yaml';
import { ciliumFieldFindings } from './ciliumFields/ciliumFieldFindings';
import { fileRange, type ParsedFile, type YamlDocument } from '../document/documents';
import { placeFindings } from '../document/findingPlacement';
import { withSight } from '../document/findingSight';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import type { KopsVersion } from '../kops/releases';
import { LineIndex } from '../document/lineIndex';
import { crossRuleFindings, ruleFindings } from './rules';
import { linkSpecs, type SpecLinks } from '../kops/specLinks';
import { schemaFindings } from './schema/schemaFindings';
import { isTemplated } from '../document/templates';
import { guarded, rethrow, type ErrorSink } from '../errorBoundary';
import { FINDING_CODES } from '../findingCodes';
import { comparePositions, compareText, type Finding } from '../types';

/**
 * One family of checks. `local` checks look at one key at a time, so they are safe on the part of a document
 * parsed before a syntax error; the others (kops validation rules combine fields) run only on documents that
 * parse cleanly, since half a document could make them report false errors.
 */
export interface CheckFamily {
  name: string;
  scope: 'local' | 'whole-document';
  run(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[];
}

export const CHECK_FAMILIES: readonly CheckFamily[] = [
  { name: 'schema', scope: 'local', run: schemaFindings },
  { name: 'cilium fields', scope: 'local', run: ciliumFieldFindings },
  { name: 'rules', scope: 'whole-document', run: ruleFindings },
];

export interface CheckOptions {
  /**
   * Where a family that throws is reported; that family then contributes nothing to the document and the
   * other families' findings stay. Default: rethrow.
   */
  onError?: ErrorSink;
  families?: readonly CheckFamily[];
}

function syntaxFindings(file: ParsedFile, doc: YamlDocument): Finding[] {
  const problems = [
    ...doc.yaml.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.yaml.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  return problems.map(({ e, severity }) => {
    const [start, end] = e.pos;
    const visibleEnd = end > start ? end : Math.min(start + 1, doc.text.length);
    return {
      code: 'yaml-syntax',
      path: '',
      range: fileRange(file, doc, start, visibleEnd),
      severity,
      message: `YAML: ${e.message}`,
      docs: FINDING_CODES['yaml-syntax'].docs,
    };
  });
}

/** Document offset where trustworthy content ends: the first syntax error, or the end of the text. */
const trustedUntil = (doc: YamlDocument): number => Math.min(doc.text.length, ...doc.yaml.errors.map((e) => e.pos[0]));

/** Findings on a line holding a template expression describe text that only exists after expansion. */
function outsideTemplates(file: ParsedFile, doc: YamlDocument, findings: Finding[]): Finding[] {
  if (!isTemplated(doc.text)) return findings;
  const templatedLine = (line: number) => isTemplated(file.lines.lineText(line));
  return findings.filter((f) => {
    for (let line = f.range.start.line; line <= f.range.end.line; line++) if (templatedLine(line)) return false;
    return true;
  });
}

function allDocumentFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion, options: CheckOptions): Finding[] {
  const findings = syntaxFindings(file, doc);
  if (!isMap(doc.yaml.contents)) return findings;
  const clean = doc.yaml.errors.length === 0;
  const { onError = rethrow, families = CHECK_FAMILIES } = options;
  const found = families
    .filter((family) => clean || family.scope === 'local')
    .flatMap((family) => guarded(onError, { feature: `diagnostics: ${family.name}` }, () => family.run(file, doc, v), []));
  if (clean) return [...findings, ...found];
  const limit = file.lines.positionAt(doc.offset + trustedUntil(doc));
  const beforeError = (f: Finding) => comparePositions(f.range.end, limit) <= 0;
  return [...findings, ...found.filter(beforeError)];
}

const byPosition = (a: Finding, b: Finding): number =>
  comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || compareText(a.code, b.code);

/** The document as a file of its own, so that the positions of its findings do not depend on where it sits. */
function alone(doc: YamlDocument): { file: ParsedFile; doc: YamlDocument } {
  const own: YamlDocument = { ...doc, offset: 0 };
  return { file: { text: doc.text, lines: new LineIndex(doc.text), documents: [own] }, doc: own };
}

/**
 * Every finding of one kops document, sorted, in document coordinates (line 0 is the document's first line).
 * A function of the document's text and the kops version only, so callers may keep the result as long as the
 * document is unchanged (`FindingsCache`); `placeFindings` moves it to where the document sits.
 */
export function documentFindings(doc: YamlDocument, v: KopsVersion, options: CheckOptions = {}): Finding[] {
  if (!doc.kops) return [];
  const own = alone(doc);
  return outsideTemplates(own.file, own.doc, allDocumentFindings(own.file, own.doc, v, options)).sort(byPosition);
}

/**
 * The findings of one kops document that need other documents (an InstanceGroup's Cluster, a Cluster's
 * InstanceGroups), in document coordinates; the related documents are only read. Not part of
 * `documentFindings`, so that a document's own findings stay a function of its text and the kops version.
 */
export function crossDocumentFindings(
  doc: YamlDocument,
  related: readonly YamlDocument[],
  v: KopsVersion,
  options: CheckOptions = {},
): Finding[] {
  if (!doc.kops || related.length === 0 || doc.yaml.errors.length > 0 || related.some((r) => r.yaml.errors.length > 0)) return [];
  const own = alone(doc);
  const { onError = rethrow } = options;
  const found = guarded(
    onError,
    { feature: 'diagnostics: cross-document rules' },
    () => crossRuleFindings(own.file, own.doc, related, v),
    [],
  );
  return outsideTemplates(own.file, own.doc, found).sort(byPosition);
}

/** The documents a kops document is checked against: an InstanceGroup's Cluster, or a Cluster's InstanceGroups. */
export function relatedDocuments(doc: YamlDocument, links: SpecLinks): readonly YamlDocument[] {
  if (doc.kops?.kind === 'InstanceGroup') {
    const cluster = links.clusterOf(doc);
    return cluster ? [cluster] : [];
  }
  return doc.kops?.kind === 'Cluster' ? links.instanceGroupsOf(doc) : [];
}

export type DocumentFindings = (doc: YamlDocument, v: KopsVersion) => readonly Finding[];
export type CrossDocumentFindings = (doc: YamlDocument, related: readonly YamlDocument[], v: KopsVersion) => readonly Finding[];

/**
 * Every finding for the kops documents of a file, sorted by position, each with the document it saw; other
 * documents are left alone. Each document's own findings come from `perDocument`, those against related
 * documents from `perCross` (defaults: computed now, a check family that throws rethrows). `links` says which
 * documents are related (default: within the file; the CLI and the server pass links over all the files they
 * know).
 */
export function diagnose(
  file: ParsedFile,
  eff: EffectiveVersion,
  perDocument: DocumentFindings = documentFindings,
  links: SpecLinks = linkSpecs([file]),
  perCross: CrossDocumentFindings = crossDocumentFindings,
): Finding[] {
  const findings: Finding[] = [file.limit, eff.problem].filter((f): f is Finding => f !== undefined);
  for (const doc of file.documents) {
    if (!doc.kops) continue;
    findings.push(...placeFindings(file, doc, perDocument(doc, eff.version)));
    const related = relatedDocuments(doc, links);
    if (related.length) findings.push(...placeFindings(file, doc, perCross(doc, related, eff.version)));
  }
  return findings.sort(byPosition).map((f) => withSight(file, f));
}
