import { isMap } from 'yaml';
import { ciliumFieldFindings } from './ciliumFields/ciliumFieldFindings';
import { fileRange, type ParsedFile, type YamlDocument } from '../document/documents';
import { placeFindings } from '../document/findingPlacement';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import type { KopsVersion } from '../kops/releases';
import { LineIndex } from '../document/lineIndex';
import { ruleFindings } from './rules';
import { schemaFindings } from './schema/schemaFindings';
import { isTemplated } from '../document/templates';
import { comparePositions, type Finding } from '../types';
import { FINDING_CODES } from '../findingCodes';

type Producer = (file: ParsedFile, doc: YamlDocument, v: KopsVersion) => Finding[];

/** Checks that look at one key at a time: safe on the part of a document parsed before a syntax error. */
const LOCAL_CHECKS: readonly Producer[] = [schemaFindings, ciliumFieldFindings];
/** kops validation rules combine fields, so half a document could make them report false errors. */
const WHOLE_DOCUMENT_CHECKS: readonly Producer[] = [ruleFindings];

/** A producer that throws contributes nothing rather than taking the other findings down with it. */
function safely(producer: Producer, file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  try {
    return producer(file, doc, v);
  } catch {
    return [];
  }
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

function allDocumentFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  const findings = syntaxFindings(file, doc);
  if (!isMap(doc.yaml.contents)) return findings;
  const local = LOCAL_CHECKS.flatMap((p) => safely(p, file, doc, v));
  if (doc.yaml.errors.length === 0) {
    return [...findings, ...local, ...WHOLE_DOCUMENT_CHECKS.flatMap((p) => safely(p, file, doc, v))];
  }
  const limit = file.lines.positionAt(doc.offset + trustedUntil(doc));
  const beforeError = (f: Finding) => comparePositions(f.range.end, limit) <= 0;
  return [...findings, ...local.filter(beforeError)];
}

const byPosition = (a: Finding, b: Finding): number =>
  comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end)
  || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** The document as a file of its own, so that the positions of its findings do not depend on where it sits. */
function alone(doc: YamlDocument): { file: ParsedFile; doc: YamlDocument } {
  const own: YamlDocument = { ...doc, offset: 0 };
  return { file: { text: doc.text, lines: new LineIndex(doc.text), documents: [own] }, doc: own };
}

/**
 * Every finding of one kops document, sorted, in document coordinates (line 0 is the document's first line).
 * A function of the document's text and the kops version only, so callers may keep the result as long as the
 * document is unchanged (`FindingsCache`); `placeFindings` moves it to where the document sits. Never throws.
 */
export function documentFindings(doc: YamlDocument, v: KopsVersion): Finding[] {
  if (!doc.kops) return [];
  try {
    const own = alone(doc);
    return outsideTemplates(own.file, own.doc, allDocumentFindings(own.file, own.doc, v)).sort(byPosition);
  } catch {
    return []; // a document our own syntax reporting cannot describe still must not hide the others
  }
}

export type DocumentFindings = (doc: YamlDocument, v: KopsVersion) => readonly Finding[];

/**
 * Every finding for the kops documents of a file, sorted by position; other documents are left alone. Each
 * document's findings come from `perDocument` (default: computed now). Never throws.
 */
export function diagnose(file: ParsedFile, eff: EffectiveVersion, perDocument: DocumentFindings = documentFindings): Finding[] {
  const findings: Finding[] = [file.limit, eff.problem].filter((f): f is Finding => f !== undefined);
  for (const doc of file.documents) {
    if (doc.kops) findings.push(...placeFindings(file, doc, perDocument(doc, eff.version)));
  }
  return findings.sort(byPosition);
}
