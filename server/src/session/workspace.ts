import { dirname } from 'path';
import type { ErrorSink, ParsedFile, SpecLinks } from '../engine';
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

/**
 * The server's view of the workspace: the kops files of its folders as indexed on disk, the open documents
 * overriding their disk copies, and which open documents to check again when a document they relate to changes
 * (`recheck`). Diagnostics run as `foreground` work; indexing waits for them.
 */
export class Workspace implements RelatedFiles {
  readonly foreground = new Foreground();
  private readonly index: WorkspaceIndex;
  private readonly specs: WorkspaceSpecs;
  private readonly related: RelatedChecks;

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
    this.specs = new WorkspaceSpecs(openFiles, () => this.index.files);
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
    return this.specs.links({ uri, file });
  }

  checkedWith(uri: string, file: ParsedFile, links: SpecLinks): void {
    this.related.checkedWith(uri, file, links);
  }

  /** Workspace folders (URIs) added and removed; only `file:` folders are indexed. */
  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    this.index.removeFolders(pathsOf(removed));
    this.index.addFolders(pathsOf(added));
  }

  /** What changed on disk: files (URIs) created, changed or deleted. */
  filesChanged(events: ReadonlyArray<{ uri: string; kind: FileEventKind }>): void {
    this.index.fileEvents(events.flatMap(({ uri, kind }) => pathsOf([uri]).map((path) => ({ path, kind }))));
  }

  /** A document was opened: the files next to it are indexed first (its Cluster is likely one of them). */
  opened(uri: string): void {
    const path = pathOfUri(uri);
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
