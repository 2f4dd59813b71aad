import { FileBudget, LineIndex, lineFeeds, parseFile, splitDocuments, type ParsedFile, type YamlDocument } from '../engine';
import { kopsIdentity, looksLikeKopsText } from '../kopsIdentity';
import type { Disk } from './disk';
import type { TimeSlice } from './timeSlice';

/**
 * The text of a kops file on disk; undefined for anything the index leaves out, silently: a file that is not
 * regular, larger than `maxBytes`, binary (NUL bytes), unreadable, or holding no kops document.
 */
export async function readSpecText(disk: Disk, path: string, maxBytes: number): Promise<string | undefined> {
  try {
    const size = await disk.fileSize(path);
    if (size === undefined || size > maxBytes) return undefined;
    const bytes = await disk.read(path);
    if (bytes.length > maxBytes || bytes.includes(0)) return undefined;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return looksLikeKopsText(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A kops file on disk as the index keeps it: its kops documents only (what InstanceGroups and Clusters are
 * linked by), each parsed on its own, pausing whenever `slice` is due so that no file blocks the server. A
 * document whose text `previous` already parsed is reused; documents past the engine's file limits and
 * documents too large to analyse are left out.
 */
export async function parseSpecFile(text: string, slice: TimeSlice, previous?: ParsedFile): Promise<ParsedFile> {
  const known = new Map(previous?.documents.map((d) => [d.text, d]));
  const budget = new FileBudget();
  const documents: YamlDocument[] = [];
  for (const chunk of splitDocuments(text)) {
    if (budget.add(chunk.text, lineFeeds(chunk.text))) break;
    if (!kopsIdentity(chunk.text)) continue;
    const doc = known.get(chunk.text) ?? parseFile(chunk.text).documents[0];
    if (doc?.kops && !doc.skipped) documents.push({ ...doc, offset: chunk.offset });
    if (slice.due) await slice.pause();
  }
  return { text, lines: new LineIndex(text), documents };
}
