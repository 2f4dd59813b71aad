/** The kops version picker's decisions that need no VS Code: which release a typed filter names, and the file's comment edit. */
import { findVersionComment } from '../../../server/src/kopsIdentity';

/** The known release the quick pick's filter text names exactly (`v1.30.4`, `1.30.4`), if any. */
export function typedRelease(filter: string, releases: readonly string[]): string | undefined {
  const text = filter.trim();
  if (!text) return undefined;
  const release = text.startsWith('v') ? text : `v${text}`;
  return releases.includes(release) ? release : undefined;
}

/** A replacement of `text` between two offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Sets the file's `# kops-version:` line to `release`: the value of the line the server reads, or a new first line. */
export function versionCommentEdit(text: string, release: string): OffsetEdit {
  const comment = findVersionComment(text);
  if (comment) {
    const glued = comment.value === '' && text[comment.start - 1] === ':';
    return { start: comment.start, end: comment.end, newText: glued ? ` ${release}` : release };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: 0, end: 0, newText: `# kops-version: ${release}${eol}` };
}
