import type { PathSegment } from '../../types';
import type { LineIndex } from '../lineIndex';
import { flowBalance, isBlockScalarHeader, opensBlock, parseBlockLine, type BlockLine } from './lineSyntax';

/** An open block: a `key:` whose value continues on the next lines, or a `- ` sequence item. */
export interface Frame {
  readonly kind: 'key' | 'item';
  /** Column of the key, or of the `-` marker. */
  readonly col: number;
  readonly seg: PathSegment;
  /** Unique per open block (a new item gets a new id), so siblings can be matched by parent. */
  readonly id: number;
}

/** Where a flow collection (`{…}` / `[…]`) opens, and the key or item that owns it. */
export interface FlowStart {
  line: number;
  col: number;
  ownerPath: PathSegment[];
  ownerIndent: number;
}

/** A flow collection that started on an earlier line and is still open. */
interface OpenFlow extends FlowStart {
  depth: number;
}

export interface SeenKey {
  key: string;
  line: number;
  parentId: number;
}

/**
 * How a line reads: text of a `|`/`>` scalar, part of a flow collection begun above, or block structure with
 * `frames` open (after the line's `- ` markers, before its key).
 */
type LineRead = { where: 'scalar' } | { where: 'flow'; flow: FlowStart } | { where: 'block'; frames: Frame[] };

/** How the cursor line reads, and every key of the document with its parent block. */
export type Blocks = LineRead & { keys: SeenKey[] };

/**
 * Reads lines `first` to `last` (one document) in one pass. The cursor line is read at the cursor column: a blank
 * cursor line counts as indented to it, so the cursor can close a block scalar or a flow collection.
 */
export function scanBlocks(lines: LineIndex, first: number, last: number, cursor: { line: number; col: number }): Blocks {
  const scanner = new BlockScanner();
  let atCursor: LineRead = { where: 'block', frames: [] };
  for (let l = first; l <= last; l++) {
    const read = scanner.feed(l, lines.lineText(l), l === cursor.line ? cursor.col : undefined);
    if (l === cursor.line) atCursor = read;
  }
  return { ...atCursor, keys: scanner.keys };
}

/** The open blocks left of `col`: the parent chain of a key written at `col`. */
export function parentAt(frames: Frame[], col: number): Frame[] {
  let n = frames.length;
  while (n > 0 && frames[n - 1].col >= col) n--;
  return frames.slice(0, n);
}

/**
 * Reconstructs the block structure of a YAML document line by line from indentation alone,
 * so it keeps working on documents the YAML parser rejects.
 */
class BlockScanner {
  private frames: Frame[] = [];
  private flow: OpenFlow | undefined;
  readonly keys: SeenKey[] = [];
  private nextId = 1;
  /** Set while inside a `|`/`>` block scalar: lines indented deeper than this belong to it. */
  private scalarIndent: number | undefined;

  private get path(): PathSegment[] {
    return this.frames.map((f) => f.seg);
  }

  /**
   * Whether a line is block-scalar text, part of an open flow collection, or block structure (which closes
   * both). A blank line counts as indented to `blankIndent` when given (the cursor column on the cursor line).
   */
  private classify(text: string, blankIndent?: number): 'scalar' | 'flow' | 'block' {
    const blank = text.trim() === '';
    const indent = blank && blankIndent !== undefined ? blankIndent : text.length - text.trimStart().length;
    if (this.scalarIndent !== undefined) {
      if ((blank && blankIndent === undefined) || indent > this.scalarIndent) return 'scalar';
      this.scalarIndent = undefined;
    }
    if (this.flow) {
      // An unclosed flow collection ends, broken, at the first line not indented deeper than its owner.
      if ((blank && blankIndent === undefined) || indent > this.flow.ownerIndent) return 'flow';
      this.flow = undefined;
    }
    return 'block';
  }

  /** Reads the next line; on the cursor line, `cursorCol` is the indent of a blank line. */
  feed(line: number, text: string, cursorCol?: number): LineRead {
    const where = this.classify(text, text.trim() === '' ? cursorCol : undefined);
    if (where === 'scalar') return { where };
    if (where === 'flow' && this.flow) {
      const flow = { ...this.flow };
      this.flow.depth += flowBalance(text);
      if (this.flow.depth <= 0) this.flow = undefined;
      return { where, flow };
    }
    const parsed = parseBlockLine(text);
    if (parsed.kind === 'marker') this.frames = [];
    if (parsed.kind === 'content') this.enterSequenceItems(parsed);
    const read: LineRead = { where: 'block', frames: [...this.frames] };
    if (parsed.kind === 'content') this.enterEntry(parsed, line, text);
    return read;
  }

  /** Applies the `- ` markers of a line: a new item of an open sequence, or the first item of a new one. */
  private enterSequenceItems(parsed: BlockLine): void {
    for (const col of parsed.seqCols) {
      this.popWhile((f) => f.col > col);
      const top = this.frames[this.frames.length - 1];
      if (top?.kind === 'item' && top.col === col) {
        this.frames[this.frames.length - 1] = { ...top, seg: (top.seg as number) + 1, id: this.nextId++ };
      } else {
        this.frames.push({ kind: 'item', col, seg: 0, id: this.nextId++ });
      }
    }
  }

  /** Applies the `key:` (or the bare scalar) after the markers of a line. */
  private enterEntry(parsed: BlockLine, line: number, text: string): void {
    const entry = parsed.entry;
    const ownerIndent = parsed.seqCols.length ? parsed.seqCols[parsed.seqCols.length - 1] : parsed.indent;
    if (!entry) {
      const content = text.slice(parsed.contentCol, parsed.commentCol).trimEnd();
      this.noteValue(content, line, parsed.contentCol, this.path, ownerIndent);
      return;
    }
    this.frames = parentAt(this.frames, entry.keyStart);
    const parentId = this.frames.length ? this.frames[this.frames.length - 1].id : 0;
    this.keys.push({ key: entry.key, line, parentId });
    if (opensBlock(entry.value)) {
      this.frames.push({ kind: 'key', col: entry.keyStart, seg: entry.key, id: this.nextId++ });
    } else {
      this.noteValue(entry.value, line, entry.valueStart, [...this.path, entry.key], entry.keyStart);
    }
  }

  private noteValue(value: string, line: number, col: number, ownerPath: PathSegment[], ownerIndent: number): void {
    if (isBlockScalarHeader(value)) {
      this.scalarIndent = ownerIndent;
    } else if (/^[{[]/.test(value)) {
      const depth = flowBalance(value);
      if (depth > 0) this.flow = { line, col, ownerPath, ownerIndent, depth };
    }
  }

  private popWhile(test: (f: Frame) => boolean): void {
    while (this.frames.length && test(this.frames[this.frames.length - 1])) this.frames.pop();
  }
}
