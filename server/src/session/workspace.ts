import { dirname } from 'path';
import { linkSpecs, type ErrorSink, type ParsedFile, type SpecLinks } from '../engine';
import { nodeDisk, type Disk } from './disk';
import type { RelatedFiles } from './diagnosticsService';
import type { FileStore } from './fileStore';
import { Foreground } from './foreground';
import { RelatedChecks } from './relatedChecks';
import { WorkspaceIndex, type FileEventKind, type IndexLimits } from './workspaceIndex';
import { pathOfUri, WorkspaceSpecs, type OpenFile } from './workspaceSpecs';

export interface WorkspaceLog {
  error: ErrorSink;
  info(message: string): void;
}

export interface WorkspaceOptions {
  disk: Disk;
  limits: Partial<IndexLimits>;
}

const pathsOf = (uris: readonly string[]): string[] => uris.flatMap((uri) => pathOfUri(uri) ?? []);

const needsOtherFilesOf = new WeakMap<ParsedFile, boolean>();

/** An InstanceGroup of the file has no Cluster in the file: only then is another file's Cluster needed. Once per parse. */
function needsOtherFiles(file: ParsedFile): boolean {
  let needs = needsOtherFilesOf.get(file);
  if (needs === undefined) {
    const groups = file.documents.filter((d) => d.kops?.kind === 'InstanceGroup');
    const own = groups.length ? linkSpecs([file]) : undefined;
    needs = groups.some((g) => own?.clusterOf(g) === undefined);
    needsOtherFilesOf.set(file, needs);
  }
  return needs;
}

/**
 * The server's view of the workspace: the kops files of its folders as indexed on disk, the open documents
 * overriding their disk copies, and which open documents to check again when a document they relate to changes
 * (`recheck`). Diagnostics run as `foreground` work; indexing waits for them. The folders are indexed only once
 * an open file needs another file (an InstanceGroup whose Cluster is not in its own file): a workspace of
 * self-contained specs costs nothing.
 */
export class Workspace implements RelatedFiles {
  readonly foreground = new Foreground();
  private readonly index: WorkspaceIndex;
  private readonly specs: WorkspaceSpecs;
  private readonly related: RelatedChecks;
  /** Workspace folders not indexed yet, while no open file needed another file. */
  private waitingFolders: string[] | undefined = [];

  constructor(store: FileStore, recheck: (uris: readonly string[]) => void, log: WorkspaceLog, options: Partial<WorkspaceOptions> = {}) {
    this.index = new WorkspaceIndex(options.disk ?? nodeDisk, () => this.related.changed(), {
      limits: options.limits,
      yieldTo: () => this.foreground.idle(),
      onLimit: (folder, reason) => log.info(`kops Spec links InstanceGroups to Clusters over part of ${folder} only: ${reason}.`),
      report: log.error,
    });
    const openFiles = (): OpenFile[] =>
      store.uris().flatMap((uri) => {
        const file = store.latest(uri)?.file;
        return file ? [{ uri, file }] : [];
      });
    this.specs = new WorkspaceSpecs(openFiles, () => this.index);
    this.related = new RelatedChecks(
      (uri) => store.latest(uri)?.file,
      () => this.specs.links(),
      recheck,
      log.error,
    );
  }

  /** The indexed kops files by path (their kops documents only). */
  get indexed(): ReadonlyMap<string, ParsedFile> {
    return this.index.files;
  }

  links(uri: string, file: ParsedFile): SpecLinks {
    if (this.waitingFolders && needsOtherFiles(file)) this.startIndexing(uri);
    return this.specs.links({ uri, file });
  }

  /** Indexes the workspace folders, the folder of `uri` (the file that needs another one) first. */
  private startIndexing(uri: string): void {
    const folders = this.waitingFolders ?? [];
    this.waitingFolders = undefined;
    this.index.addFolders(folders);
    this.opened(uri);
  }

  checkedWith(uri: string, file: ParsedFile, links: SpecLinks): void {
    this.related.checkedWith(uri, file, links);
  }

  /** Workspace folders (URIs) added and removed; only `file:` folders are indexed. */
  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    if (this.waitingFolders) {
      const gone = new Set(pathsOf(removed));
      this.waitingFolders = [...this.waitingFolders.filter((f) => !gone.has(f)), ...pathsOf(added)];
      return;
    }
    this.index.removeFolders(pathsOf(removed));
    this.index.addFolders(pathsOf(added));
  }

  /** What changed on disk: files (URIs) created, changed or deleted. */
  filesChanged(events: ReadonlyArray<{ uri: string; kind: FileEventKind }>): void {
    this.index.fileEvents(events.flatMap(({ uri, kind }) => pathsOf([uri]).map((path) => ({ path, kind }))));
  }

  /** A document was opened: the files next to it are indexed first (its Cluster is likely one of them). */
  opened(uri: string): void {
    const path = this.waitingFolders ? undefined : pathOfUri(uri);
    if (path) this.index.readFirst(dirname(path));
  }

  /** Call once the document left the file store: its disk copy counts again, read anew (it may have been saved). */
  closed(uri: string): void {
    this.specs.closed(uri);
    this.related.closed(uri);
    this.filesChanged([{ uri, kind: 'changed' }]);
  }

  /** Resolves once the folders are indexed and every file event is read (for tests). */
  indexingDone(): Promise<void> {
    return this.index.idle();
  }
}
