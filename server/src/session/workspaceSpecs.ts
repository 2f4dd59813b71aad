import { fileURLToPath } from 'url';
import { linkSpecs, type ParsedFile, type SpecLinks } from '../engine';

/** An open document's latest parse. */
export interface OpenFile {
  uri: string;
  file: ParsedFile;
}

/** The file path of a `file:` URI; undefined for other schemes (an untitled buffer has no copy on disk). */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const sameFiles = (a: readonly ParsedFile[], b: readonly ParsedFile[]): boolean => a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * The kops files InstanceGroups are linked to their Cluster over: every open document (as the editor has it) and
 * every indexed file on disk that is not open. The links are rebuilt only when one of those parses changed.
 */
export class WorkspaceSpecs {
  private last?: { files: readonly ParsedFile[]; links: SpecLinks };
  private readonly paths = new Map<string, string>();

  constructor(
    private readonly openFiles: () => Iterable<OpenFile>,
    private readonly diskFiles: () => ReadonlyMap<string, ParsedFile>,
  ) {}

  /** The links over the open and indexed files; `current` is an open document's parse newer than its latest. */
  links(current?: OpenFile): SpecLinks {
    const files: ParsedFile[] = [];
    const open = new Set<string>();
    const add = ({ uri, file }: OpenFile) => {
      open.add(this.keyOf(uri));
      files.push(file);
    };
    for (const o of this.openFiles()) add(o.uri === current?.uri ? current : o);
    if (current && !open.has(this.keyOf(current.uri))) add(current);
    for (const [path, file] of this.diskFiles()) if (!open.has(path)) files.push(file);
    if (this.last && sameFiles(this.last.files, files)) return this.last.links;
    const links = linkSpecs(files);
    this.last = { files, links };
    return links;
  }

  /** Forgets what it knew of a closed document. */
  closed(uri: string): void {
    this.paths.delete(uri);
  }

  /** An open document's key: its path when it has one on disk, so that it overrides the indexed copy. */
  private keyOf(uri: string): string {
    let key = this.paths.get(uri);
    if (key === undefined) {
      key = pathOfUri(uri) ?? uri;
      this.paths.set(uri, key);
    }
    return key;
  }
}
