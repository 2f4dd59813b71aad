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

/** The indexed kops files by path, and a number that changes whenever they do. */
export interface DiskFiles {
  readonly files: ReadonlyMap<string, ParsedFile>;
  readonly revision: number;
}

/** The open documents as links were built over them: each one's key (its path) and parse. */
type OpenParses = ReadonlyArray<readonly [string, ParsedFile]>;

const sameOpen = (a: OpenParses, b: OpenParses): boolean => a.length === b.length && a.every(([k, f], i) => k === b[i][0] && f === b[i][1]);

/**
 * The kops files InstanceGroups are linked to their Cluster over: every open document (as the editor has it) and
 * every indexed file on disk that is not open. The links are rebuilt only when an open document's parse or the
 * index changed, so asking costs a look at the open documents, not a walk over the workspace.
 */
export class WorkspaceSpecs {
  private last?: { open: OpenParses; revision: number; links: SpecLinks };
  private readonly paths = new Map<string, string>();

  constructor(
    private readonly openFiles: () => Iterable<OpenFile>,
    private readonly disk: () => DiskFiles,
  ) {}

  /** The links over the open and indexed files; `current` is an open document's parse newer than its latest. */
  links(current?: OpenFile): SpecLinks {
    const open: Array<readonly [string, ParsedFile]> = [];
    const add = ({ uri, file }: OpenFile) => open.push([this.keyOf(uri), file]);
    for (const o of this.openFiles()) add(o.uri === current?.uri ? current : o);
    if (current && !open.some(([key]) => key === this.keyOf(current.uri))) add(current);
    const { files: indexed, revision } = this.disk();
    if (this.last && this.last.revision === revision && sameOpen(this.last.open, open)) return this.last.links;
    const keys = new Set(open.map(([key]) => key));
    const files = open.map(([, file]) => file);
    for (const [path, file] of indexed) if (!keys.has(path)) files.push(file);
    const links = linkSpecs(files);
    this.last = { open, revision, links };
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
