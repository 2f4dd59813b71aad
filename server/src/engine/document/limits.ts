import { isAlias, isCollection, isPair, parseDocument, type Document } from 'yaml';
import { kopsIdentity } from '../../kopsIdentity';
import type { LineIndex } from './lineIndex';
import type { Finding, Range } from '../types';
import type { FindingCode } from '../findingCodes';

/**
 * How much a file or one of its documents may hold before kops-spec stops analysing it. Each bound is far
 * beyond a real kops spec (a 50,000-line stream of Cluster and InstanceGroup documents stays inside all of
 * them) and keeps every engine call on a hostile file well under a second.
 */
export const LIMITS = {
  /** Characters of the leading documents analysed; a 50,000-line kops stream is about 1.2 million. */
  fileChars: 3_000_000,
  /** Lines of the leading documents analysed; YAML parsing costs per line more than per character. */
  fileLines: 55_000,
  documents: 5_000,
  /** One document's lines; larger mappings make duplicate-key checking quadratic. */
  documentLines: 5_000,
  /** Nesting of `[`/`{` in one document; parsing cost grows steeply with it and kops specs stay below 10. */
  flowDepth: 100,
  /**
   * Column where a line's content starts, after its indentation and `- `/`? `/`: ` indicators: it bounds the
   * block nesting there. The YAML parser recurses once per level it leaves and overflows the stack somewhere
   * past 1,000 levels; kops specs stay below 40 columns.
   */
  contentColumn: 500,
  /** Nodes one document may expand to through aliases (the "billion laughs" attack). */
  aliasNodes: 10_000,
} as const;

const LIMIT_CODES = ['file-not-text', 'file-too-large', 'document-too-large', 'document-too-complex'] as const satisfies FindingCode[];
type LimitCode = (typeof LIMIT_CODES)[number];

/** True for the finding that says part of a file was not analysed (the CLI exits 2 on it). */
export const isLimitFinding = (f: Finding): boolean => (LIMIT_CODES as readonly FindingCode[]).includes(f.code);

export interface Chunk {
  readonly text: string;
  readonly offset: number;
}

/** The parsed form of one chunk, as the document model builds it. */
export interface ParsedChunk {
  readonly text: string;
  readonly yaml: Document.Parsed;
  readonly kops?: unknown;
}

/** A chunk left unanalysed: empty YAML, no kops identity, and why. */
export type SkippedChunk = Chunk & { readonly yaml: Document.Parsed; readonly skipped: string };

export interface GuardedFile<P extends ParsedChunk> {
  documents: Array<(P & { offset: number }) | SkippedChunk>;
  /** At most one per file: where analysis stops or the first document it skipped. */
  limit?: Finding;
}

interface Skip {
  chunk: Chunk;
  reason: string;
  code: LimitCode;
  kops: boolean;
}

/**
 * Parses the chunks of a file that fit the limits with `parse` and leaves the rest as skipped chunks (the
 * documents after the file budget run out become one trailing chunk). `reuse` gives the parse of a chunk an
 * earlier text already had (and that passed these checks then): only the file budget counts it again, so an
 * edit measures one document, not the file. Never throws for any text.
 */
export function guardedParse<P extends ParsedChunk>(
  text: string,
  lines: LineIndex,
  chunks: readonly Chunk[],
  parse: (text: string) => P,
  reuse: (text: string) => P | undefined = () => undefined,
): GuardedFile<P> {
  if (text.includes('\u0000')) {
    const finding = limitFinding(
      'file-not-text',
      firstLine(lines, 0),
      'Not a text file (it contains NUL characters), so not YAML: kops-spec does not analyse it.',
    );
    return { documents: [skipped({ text, offset: 0 }, 'binary')], limit: finding };
  }
  const documents: GuardedFile<P>['documents'] = [];
  const skips: Skip[] = [];
  const budget = new FileBudget();
  const overBy: Record<BudgetLimit, () => string> = {
    documents: () => `${fmt(chunks.length)} documents > ${fmt(LIMITS.documents)}`,
    lines: () => `${fmt(lines.lineCount)} lines > ${fmt(LIMITS.fileLines)}`,
    chars: () => `${megabytes(text.length)} MB > ${megabytes(LIMITS.fileChars)} MB`,
  };
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const reused = reuse(chunk.text);
    const shape = reused ? undefined : measure(chunk.text);
    const exceeded = budget.add(chunk.text, shape?.newlines ?? lineFeeds(chunk.text));
    if (exceeded) {
      const over = overBy[exceeded]();
      documents.push(skipped({ text: text.slice(chunk.offset), offset: chunk.offset }, 'file budget'));
      return { documents, limit: truncation(text, lines, chunk.offset, over, i - skips.length, skips) };
    }
    if (reused) {
      documents.push({ ...reused, offset: chunk.offset });
      continue;
    }
    const tooBig = shape && documentProblem(shape);
    if (tooBig) {
      documents.push(skipped(chunk, tooBig.reason));
      skips.push({ chunk, ...tooBig, kops: isKops(chunk.text) });
      continue;
    }
    const parsed = parse(chunk.text);
    if (parsed.kops && chunk.text.includes('*') && aliasNodesExceed(parsed.yaml, LIMITS.aliasNodes)) {
      documents.push(skipped(chunk, 'aliases'));
      skips.push({
        chunk,
        kops: true,
        code: 'document-too-complex',
        reason: `its aliases expand to more than ${fmt(LIMITS.aliasNodes)} nodes (an alias bomb)`,
      });
      continue;
    }
    documents.push({ ...parsed, offset: chunk.offset });
  }
  const reported = skips.filter((s) => s.kops);
  if (!reported.length) return { documents };
  const [first, ...others] = reported;
  const more = others.length ? ` ${plural(others.length, 'more document')} ${others.length === 1 ? 'is' : 'are'} skipped too.` : '';
  const what = first.code === 'document-too-large' ? 'Document too large' : 'Document too complex';
  const finding = limitFinding(
    first.code,
    firstLine(lines, first.chunk.offset),
    `${what} for analysis: ${first.reason}. kops-spec skips it; the other documents are checked.${more}`,
  );
  return { documents, limit: finding };
}

export type BudgetLimit = 'documents' | 'lines' | 'chars';

/** The whole-file limits of LIMITS, counted one document at a time in file order. */
export class FileBudget {
  private documents = 0;
  private lines = 0;
  private chars = 0;

  /** Counts in a document of `text` holding `newlines` line feeds; the limit the file then exceeds, if any. */
  add(text: string, newlines: number): BudgetLimit | undefined {
    this.documents++;
    this.lines += newlines;
    this.chars += text.length;
    return this.documents > LIMITS.documents
      ? 'documents'
      : this.lines > LIMITS.fileLines
        ? 'lines'
        : this.chars > LIMITS.fileChars
          ? 'chars'
          : undefined;
  }
}

/** Line feeds in `text`. */
export function lineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

interface Shape {
  newlines: number;
  flowDepth: number;
  contentColumn: number;
}

/**
 * Line breaks, deepest `[`/`{` nesting outside comments and the deepest content column, in one pass (quotes and
 * block scalars are not told apart: an overestimate).
 */
export function measure(text: string): Shape {
  let newlines = 0;
  let depth = 0;
  let flowDepth = 0;
  let contentColumn = 0;
  let comment = false;
  let previous = 10;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (previous === 10) contentColumn = Math.max(contentColumn, columnOfContent(text, i));
    if (c === 10) {
      newlines++;
      comment = false;
    } else if (!comment) {
      if (c === 35 && (previous === 10 || previous === 32 || previous === 9 || previous === 13)) comment = true;
      else if (c === 91 || c === 123) flowDepth = Math.max(flowDepth, ++depth);
      else if ((c === 93 || c === 125) && depth > 0) depth--;
    }
    previous = c;
  }
  return { newlines, flowDepth, contentColumn };
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Columns from a line start to its content, past blanks and block indicators (`- - key:` nests twice). */
function columnOfContent(text: string, start: number): number {
  let j = start;
  while (isBlank(text.charCodeAt(j))) j++;
  for (let c = text.charCodeAt(j); (c === 45 || c === 63 || c === 58) && isBlank(text.charCodeAt(j + 1)); c = text.charCodeAt(j)) {
    j += 2;
    while (isBlank(text.charCodeAt(j))) j++;
  }
  return j - start;
}

function documentProblem(shape: Shape): { code: LimitCode; reason: string } | undefined {
  if (shape.newlines + 1 > LIMITS.documentLines) {
    return { code: 'document-too-large', reason: `${fmt(shape.newlines + 1)} lines > ${fmt(LIMITS.documentLines)}` };
  }
  if (shape.contentColumn > LIMITS.contentColumn) {
    return {
      code: 'document-too-complex',
      reason: `content nested ${fmt(shape.contentColumn)} columns deep > ${fmt(LIMITS.contentColumn)}`,
    };
  }
  if (shape.flowDepth > LIMITS.flowDepth) {
    return { code: 'document-too-complex', reason: `\`[\`/\`{\` nested ${fmt(shape.flowDepth)} deep > ${fmt(LIMITS.flowDepth)}` };
  }
  return undefined;
}

/**
 * Whether expanding every alias of the document would visit more than `max` nodes (linear, whatever the
 * aliasing). A document nested too deep to walk (the stack overflows: RangeError) counts as exceeding.
 */
export function aliasNodesExceed(yaml: Document.Parsed, max: number): boolean {
  try {
    return expandedSize(yaml, max) > max;
  } catch (error) {
    if (error instanceof RangeError) return true;
    throw error;
  }
}

function expandedSize(yaml: Document.Parsed, max: number): number {
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node == null) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const n = target === undefined || target === node ? 1 : (sizes.get(target) ?? Infinity);
      sizes.set(node, n);
      return n;
    }
    sizes.set(node, Infinity); // a node reached again while it is being measured: a cycle
    let n = 1;
    if (isPair(node)) n = size(node.key) + size(node.value);
    else if (isCollection(node)) for (const item of node.items) if ((n += size(item)) > max) break;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    sizes.set(node, n);
    return n;
  };
  return size(yaml.contents);
}

function truncation(text: string, lines: LineIndex, stopAt: number, over: string, analysed: number, skips: Skip[]): Finding | undefined {
  if (!isKops(text)) return undefined;
  const checked =
    stopAt === 0
      ? 'its first document alone is over the limit, so nothing is checked'
      : `kops-spec checks only the first ${plural(analysed, 'document')} (lines 1–${fmt(lines.positionAt(stopAt - 1).line + 1)})`;
  const kops = skips.filter((s) => s.kops).length;
  const earlier = kops ? ` ${plural(kops, 'earlier document')} ${kops === 1 ? 'was' : 'were'} also too large or complex.` : '';
  return limitFinding(
    'file-too-large',
    firstLine(lines, stopAt),
    `File too large for full analysis (${over}): ${checked}. Split it into smaller files to check the rest.${earlier}`,
  );
}

/** kops text anywhere in `text` (an `apiVersion` and a `kind` line; linear, no splitting needed). */
const isKops = (text: string): boolean => kopsIdentity(text) !== undefined;

function skipped(chunk: Chunk, reason: string): SkippedChunk {
  return { text: chunk.text, offset: chunk.offset, yaml: parseDocument(''), skipped: reason };
}

function limitFinding(code: LimitCode, range: Range, message: string): Finding {
  return { code, path: '', range, severity: 'warning', message };
}

function firstLine(lines: LineIndex, offset: number): Range {
  const { line } = lines.positionAt(offset);
  return { start: { line, character: 0 }, end: { line, character: lines.lineText(line).length } };
}

/** Thousands separated by commas, without loading ICU's number formats as `toLocaleString` does. */
const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const plural = (n: number, noun: string): string => `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`;
const megabytes = (chars: number): string => (chars / 1_000_000).toFixed(1).replace(/\.0$/, '');
