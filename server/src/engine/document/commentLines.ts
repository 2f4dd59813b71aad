import { commentStart } from './cursor/lineSyntax';

/** The comments of a text, as the edit guard and the fuzzer compare them before and after an edit. */

const LINE_BREAK = /\r\n|\r|\n/;
/** The `# kops-version:` line, which the version fixes rewrite on purpose. */
const VERSION_COMMENT = /^#\s*kops-version:/;

/** Full-line comments, trimmed and sorted (a multiset), without the `# kops-version:` line. */
export function commentLines(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('#') && !VERSION_COMMENT.test(l))
    .sort();
}

/** A comment after content on its line. */
export interface TrailingComment {
  text: string;
  /** Offset in the text where the line's content starts (after indentation and `- ` markers). */
  contentAt: number;
}

export function trailingComments(text: string): TrailingComment[] {
  const out: TrailingComment[] = [];
  const re = /\r\n|\r|\n|$/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(start, m.index);
    const lead = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
    const at = commentStart(line, lead);
    if (at > lead && at < line.length) out.push({ text: line.slice(at).trimEnd(), contentAt: start + lead });
    if (m[0] === '') break;
    start = m.index + m[0].length;
  }
  return out;
}

/** The items of `before` that `after` lacks, counting repeats. */
export function missingFrom<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const item of after) left.set(key(item), (left.get(key(item)) ?? 0) + 1);
  return before.filter((item) => {
    const n = left.get(key(item)) ?? 0;
    if (n > 0) left.set(key(item), n - 1);
    return n === 0;
  });
}
