import type { Position, Range } from './types';

/** Offset <-> position conversion for one text, built once per text version. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number { return this.starts.length; }

  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]; }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return this.text.slice(start, next).replace(/\r$/, '');
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // An offset on the `\n` of a CRLF (or past the `\r`) is the end of the line in LSP terms.
    const next = lo + 1 < this.starts.length ? this.starts[lo + 1] - 1 : this.text.length;
    const end = next > this.starts[lo] && this.text[next - 1] === '\r' && next < this.text.length ? next - 1 : next;
    return { line: lo, character: Math.min(o, end) - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(pos.line);
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  range(start: number, end: number): Range { return { start: this.positionAt(start), end: this.positionAt(end) }; }
}
