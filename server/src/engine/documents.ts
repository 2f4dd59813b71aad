import { parseDocument, type Document } from 'yaml';
import { kopsIdentity, type KopsIdentity } from './kopsIdentity';
import { LineIndex } from './lineIndex';
import { isTemplated, maskTemplates } from './templates';
import type { Range } from './types';

export type { KopsApiVersion, KopsIdentity, KopsKind } from './kopsIdentity';

/** One `---` document of a YAML stream. Node ranges in `yaml` are offsets into `text`; add `offset` for the file. */
export interface YamlDocument {
  readonly text: string;
  readonly offset: number;
  readonly yaml: Document.Parsed;
  /** Set only for kops Cluster/InstanceGroup documents; everything else is left alone. */
  readonly kops?: KopsIdentity;
}

export interface ParsedFile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly YamlDocument[];
}

type Chunk = Omit<YamlDocument, 'offset'>;

const DOC_START = /^---(?=[ \t\r\n]|$)/gm;

/** Splits a YAML stream at every column-0 `---` marker; each chunk keeps its own marker line. */
export function splitDocuments(text: string): Array<{ text: string; offset: number }> {
  const cuts = [0];
  for (const m of text.matchAll(DOC_START)) if (m.index! > 0) cuts.push(m.index!);
  return cuts.map((start, i) => ({ offset: start, text: text.slice(start, cuts[i + 1] ?? text.length) }));
}

function parseChunk(text: string): Chunk {
  const source = isTemplated(text) ? maskTemplates(text) : text;
  const yaml = parseDocument(source, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: true });
  return { text, yaml, kops: kopsIdentity(text) };
}

/**
 * Parses a YAML stream, reusing every document whose text is unchanged since `previous`
 * (unchanged documents keep their parse even when an edit above shifts them). Never throws.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  const reusable = new Map<string, Chunk>();
  if (previous) for (const d of previous.documents) reusable.set(d.text, d);
  const documents = splitDocuments(text).map(({ text: chunk, offset }) => {
    const parsed = reusable.get(chunk) ?? parseChunk(chunk);
    return { ...parsed, offset } as YamlDocument;
  });
  return { text, lines: new LineIndex(text), documents };
}

export const kopsDocuments = (file: ParsedFile): YamlDocument[] => file.documents.filter((d) => d.kops);

/** The document containing a file offset (the last one starting at or before it). */
export function documentAt(file: ParsedFile, offset: number): YamlDocument | undefined {
  let found: YamlDocument | undefined;
  for (const d of file.documents) {
    if (d.offset <= offset) found = d; else break;
  }
  return found;
}

/** File range of a document-relative [start, end) span. */
export function fileRange(file: ParsedFile, doc: YamlDocument, start: number, end: number): Range {
  return file.lines.range(doc.offset + start, doc.offset + end);
}
