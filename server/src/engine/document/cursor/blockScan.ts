import type { PathSegment } from '../../types';
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

/** A flow collection (`{…}` / `[…]`) that started on an earlier line and is still open. */
export interface OpenFlow {
  line: number;
  col: number;
  ownerPath: PathSegment[];
  ownerIndent: number;
  depth: number;
}

export interface SeenKey {
  key: string;
  line: number;
  parentId: number;
}

/**
 * Reconstructs the block structure of a YAML document line by line from indentation alone,
 * so it keeps working on documents the YAML parser rejects.
 */
export class BlockScanner {
  frames: Frame[] = [];
  flow: OpenFlow | undefined;
  readonly keys: SeenKey[] = [];
  private nextId = 1;
  /** Set while inside a `|`/`>` block scalar: lines indented deeper than this belong to it. */
  private scalarIndent: number | undefined;

  get path(): PathSegment[] {
    return this.frames.map((f) => f.seg);
  }

  /** The innermost open block whose column is left of `col`: the parent of a key written at `col`. */
  parentAt(col: number): { frames: Frame[]; id: number } {
    let n = this.frames.length;
    while (n > 0 && this.frames[n - 1].col >= col) n--;
    const frames = this.frames.slice(0, n);
    return { frames, id: frames.length ? frames[frames.length - 1].id : 0 };
  }

  /**
   * Whether a line is block-scalar text, part of an open flow collection, or block structure (which closes
   * both). A blank line counts as indented to `blankIndent` when given (the cursor column on the cursor line).
   */
  classify(text: string, blankIndent?: number): 'scalar' | 'flow' | 'block' {
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

  feed(line: number, text: string): void {
    const where = this.classify(text);
    if (where === 'scalar') return;
    if (where === 'flow' && this.flow) {
      this.flow.depth += flowBalance(text);
      if (this.flow.depth <= 0) this.flow = undefined;
      return;
    }
    const parsed = parseBlockLine(text);
    if (parsed.kind === 'marker') this.frames = [];
    if (parsed.kind !== 'content') return;
    this.enterSequenceItems(parsed);
    this.enterEntry(parsed, line, text);
  }

  /** Applies the `- ` markers of a line: a new item of an open sequence, or the first item of a new one. */
  enterSequenceItems(parsed: BlockLine): void {
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
  enterEntry(parsed: BlockLine, line: number, text: string): void {
    const entry = parsed.entry;
    const ownerIndent = parsed.seqCols.length ? parsed.seqCols[parsed.seqCols.length - 1] : parsed.indent;
    if (!entry) {
      const content = text.slice(parsed.contentCol, parsed.commentCol).trimEnd();
      this.noteValue(content, line, parsed.contentCol, this.path, ownerIndent);
      return;
    }
    this.popWhile((f) => f.col >= entry.keyStart);
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
