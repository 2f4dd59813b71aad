import { parseDocument, YAMLParseError, type Document } from 'yaml';
import { kopsIdentity, splitDocuments, type KopsIdentity } from '../../kopsIdentity';
import { LineIndex } from './lineIndex';
import { guardedParse } from './limits';
import { isTemplated, maskTemplates } from './templates';
import type { Finding, Position, Range } from '../types';

export type { KopsApiVersion, KopsIdentity, KopsKind } from '../../kopsIdentity';
export { splitDocuments } from '../../kopsIdentity';

/** One `---` document of a YAML stream. Node ranges in `yaml` are offsets into `text`; add `offset` for the file. */
export interface YamlDocument {
  readonly text: string;
  readonly offset: number;
  readonly yaml: Document.Parsed;
  /** Set only for kops Cluster/InstanceGroup documents; everything else is left alone. */
  readonly kops?: KopsIdentity;
  /** Why the document was left unanalysed (too large or complex); its `yaml` is then empty. */
  readonly skipped?: string;
}

export interface ParsedFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
  /** The one finding saying which part of the file was too large or complex to analyse. */
  readonly limit?: Finding;
}

/** A parsed document not yet placed in a file (the same text parses the same wherever it sits). */
type UnplacedDocument = Omit<YamlDocument, 'offset'>;

function parseDocumentText(text: string): UnplacedDocument {
  const source = isTemplated(text) ? maskTemplates(text) : text;
  return { text, yaml: parseYaml(source), kops: kopsIdentity(text) };
}

// logLevel 'error': yaml would print a process warning (to the server's stderr) for a collection used as a key.
const PARSE_OPTIONS = { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

/** The parser recurses per nesting level; limits.ts bounds nesting, this catches whatever still overflows. */
function parseYaml(source: string): Document.Parsed {
  try {
    return parseDocument(source, PARSE_OPTIONS);
  } catch (error) {
    const failed = parseDocument('', PARSE_OPTIONS);
    failed.errors.push(
      new YAMLParseError([0, Math.min(1, source.length)], 'BAD_INDENT', `The YAML parser gave up: ${(error as Error).message}`),
    );
    return failed;
  }
}

/**
 * Parses a YAML stream, reusing every document whose text is unchanged since `previous`
 * (unchanged documents keep their parse even when an edit above shifts them). Never throws.
 */
export function parseFile(text: string, previous?: ParsedFile | Pick<ParsedFile, 'documents'>): ParsedFile {
  const reusable = new Map<string, UnplacedDocument>();
  if (previous) for (const d of previous.documents) if (!d.skipped) reusable.set(d.text, d);
  const lines = new LineIndex(text);
  // The YAML parser takes only `\n` and `\r\n` as line breaks; LSP (and YAML 1.2) also a lone `\r`. Same length,
  // so every offset holds.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const guarded = guardedParse(source, lines, splitDocuments(source), parseDocumentText, (chunk) => reusable.get(chunk));
  return { text, lines, documents: guarded.documents, limit: guarded.limit };
}

/**
 * `compute` of a document, worked out once per parse: parseFile keeps the parse of every document whose text did
 * not change, so what is read of the unchanged documents is not read again after an edit.
 */
export function oncePerParse<T>(compute: (doc: YamlDocument) => T): (doc: YamlDocument) => T {
  const known = new WeakMap<Document.Parsed, { value: T }>();
  return (doc) => {
    let entry = known.get(doc.yaml);
    if (!entry) known.set(doc.yaml, (entry = { value: compute(doc) }));
    return entry.value;
  };
}

export const kopsDocuments = (file: ParsedFile): YamlDocument[] => file.documents.filter((d) => d.kops);

/** The document containing a file offset (the last one starting at or before it). */
export function documentAt(file: ParsedFile, offset: number): YamlDocument | undefined {
  const docs = file.documents;
  let found: YamlDocument | undefined;
  for (let lo = 0, hi = docs.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].offset <= offset) [found, lo] = [docs[mid], mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/** File range of a document-relative [start, end) span. */
export function fileRange(file: ParsedFile, doc: YamlDocument, start: number, end: number): Range {
  return file.lines.range(doc.offset + start, doc.offset + end);
}

/** The Cluster document at `position`, else the file's first Cluster document. */
export function clusterDocument(file: ParsedFile, position?: Position): YamlDocument | undefined {
  const here = position && documentAt(file, file.lines.offsetAt(position));
  if (here?.kops?.kind === 'Cluster') return here;
  return file.documents.find((d) => d.kops?.kind === 'Cluster');
}
