import { relative } from 'path';
import { guardedAsync, rethrow, type ErrorSink, type ParsedFile } from '../engine';
import type { Disk } from './disk';
import { parseSpecFile, readSpecText } from './diskSpecFile';
import { isIndexable, isWithin, listFolder } from './folderWalk';
import { nextTurn, TimeSlice } from './timeSlice';

export interface IndexLimits {
  /** Larger files are not specs anyone edits by hand (the engine analyses no more of a file either). */
  maxFileBytes: number;
  /** YAML files read from one folder: more are generated, not specs (and must not crowd out the folders next to it). */
  maxFilesPerDirectory: number;
  /** YAML files read while walking one workspace folder; the rest of a huge folder is not indexed. */
  maxFilesPerFolder: number;
  /** Folder entries listed while walking one workspace folder. */
  maxEntriesPerFolder: number;
  /** kops files the index holds at most. */
  maxIndexedFiles: number;
  /** Longest stretch of indexing without letting other messages through. */
  sliceMs: number;
}

export const INDEX_LIMITS: IndexLimits = {
  maxFileBytes: 3 * 1024 * 1024,
  maxFilesPerDirectory: 1_000,
  maxFilesPerFolder: 5_000,
  maxEntriesPerFolder: 200_000,
  maxIndexedFiles: 2_000,
  sliceMs: 10,
};

export type FileEventKind = 'created' | 'changed' | 'deleted';
export interface FileEvent {
  path: string;
  kind: FileEventKind;
}

export interface IndexOptions {
  limits?: Partial<IndexLimits>;
  /** Resolves when the index may take the thread again (the server's: once no open document is being checked). */
  yieldTo?: () => Promise<void>;
  /** Told once for each workspace folder whose walk left files out or stopped at a limit. */
  onLimit?: (folder: string, reason: string) => void;
  /** Where a failure of the index itself goes (a bug: reading and parsing never throw). Default: rethrow. */
  report?: ErrorSink;
}

interface Walk {
  readonly root: string;
  /** Folders still to list, breadth first (the files next to the root are read first). */
  folders: string[];
  files: number;
  entries: number;
  /** Whether `onLimit` heard of this walk. */
  limited: boolean;
}

/**
 * The kops files of the workspace folders as they are on disk, by absolute path. Walking the folders, reading
 * and parsing run in the background in time slices, one step at a time and only while `yieldTo` allows, so
 * that an open document's diagnostics never wait for them. `onChange` hears which paths entered, changed in or
 * left the index, a slice's worth at a time.
 */
export class WorkspaceIndex {
  private roots: string[] = [];
  private readonly indexed = new Map<string, ParsedFile>();
  private revisions = 0;
  private readonly toRead = new Set<string>();
  private walks: Walk[] = [];
  /** Folders whose YAML files are read before anything else (an open document's: its Cluster is likely next to it). */
  private urgent: string[] = [];
  private readonly readEarly = new Set<string>();
  /** Counts removals, so that a read that was under way meanwhile is not trusted. */
  private removals = 0;
  private changed = new Set<string>();
  private worker?: Promise<void>;
  private readonly limits: IndexLimits;

  constructor(
    private readonly disk: Disk,
    private readonly onChange: (paths: readonly string[]) => void,
    private readonly options: IndexOptions = {},
  ) {
    this.limits = { ...INDEX_LIMITS, ...options.limits };
  }

  /** The indexed kops files by path, parsed (their kops documents only). */
  get files(): ReadonlyMap<string, ParsedFile> {
    return this.indexed;
  }

  /** Changes with every file that enters, changes in or leaves `files`. */
  get revision(): number {
    return this.revisions;
  }

  /** Starts indexing these folders (absolute paths). */
  addFolders(folders: readonly string[]): void {
    for (const root of folders) {
      if (this.roots.includes(root)) continue;
      this.roots.push(root);
      this.walks.push({ root, folders: [root], files: 0, entries: 0, limited: false });
    }
    this.start();
  }

  /** Stops indexing these folders; their files leave the index (unless another folder holds them). */
  removeFolders(folders: readonly string[]): void {
    this.roots = this.roots.filter((root) => !folders.includes(root));
    this.walks = this.walks.filter((walk) => this.roots.includes(walk.root));
    for (const folder of this.readEarly) if (!this.roots.some((root) => isWithin(root, folder))) this.readEarly.delete(folder);
    this.drop((path) => !isIndexable(path, this.roots));
    this.flush();
  }

  /** What changed on disk: files created, changed or deleted; a deleted folder takes every file below it. */
  fileEvents(events: readonly FileEvent[]): void {
    for (const { path, kind } of events) {
      if (kind === 'deleted') this.drop((indexed) => isWithin(path, indexed));
      else if (isIndexable(path, this.roots)) this.toRead.add(path);
    }
    this.flush();
    this.start();
  }

  /** Reads the YAML files of `folder` before the rest of the workspace (those a walk would read). */
  readFirst(folder: string): void {
    if (!this.roots.some((root) => isWithin(root, folder)) || this.readEarly.has(folder)) return;
    this.readEarly.add(folder);
    this.urgent.push(folder);
    this.start();
  }

  /** Resolves once every folder is walked and every file read. */
  async idle(): Promise<void> {
    while (this.worker) await this.worker;
  }

  private start(): void {
    if (this.worker) return;
    const report = this.options.report ?? rethrow;
    this.worker = guardedAsync(report, { feature: 'workspace index' }, () => this.work(), undefined).finally(() => {
      this.worker = undefined;
      this.flush();
    });
  }

  private async work(): Promise<void> {
    const slice = new TimeSlice(this.limits.sliceMs);
    await nextTurn(); // messages already queued (an open document's diagnostics) go first
    for (;;) {
      await this.options.yieldTo?.();
      const urgent = this.urgent.shift();
      const [path] = this.toRead;
      if (urgent !== undefined) {
        await this.readSoon(urgent);
      } else if (path !== undefined) {
        this.toRead.delete(path);
        await this.read(path, slice);
      } else {
        const walk = this.walks.find((w) => w.folders.length > 0);
        if (!walk) return;
        await this.walkStep(walk);
      }
      if (slice.due) {
        this.flush();
        await slice.pause();
      }
    }
  }

  private async read(path: string, slice: TimeSlice): Promise<void> {
    const removals = this.removals;
    const before = this.indexed.get(path);
    const text = await readSpecText(this.disk, path, this.limits.maxFileBytes);
    if (text === undefined) {
      if (this.indexed.delete(path)) this.noteChange(path);
      return;
    }
    if (text === before?.text || (!before && this.indexed.size >= this.limits.maxIndexedFiles)) return;
    const file = await parseSpecFile(text, slice, before);
    if (this.removals !== removals) {
      if (isIndexable(path, this.roots)) this.toRead.add(path); // it may have been deleted meanwhile: read it again
      return;
    }
    this.indexed.set(path, file);
    this.noteChange(path);
  }

  private noteChange(path: string): void {
    this.revisions++;
    this.changed.add(path);
  }

  private async readSoon(folder: string): Promise<void> {
    const { yamlFiles } = await listFolder(this.disk, folder);
    const first = yamlFiles.slice(0, this.limits.maxFilesPerDirectory).filter((path) => isIndexable(path, this.roots));
    const rest = [...this.toRead];
    this.toRead.clear();
    for (const path of [...first, ...rest]) this.toRead.add(path); // a Set keeps the first place of each path
  }

  private async walkStep(walk: Walk): Promise<void> {
    const folder = walk.folders.shift()!;
    const listing = await listFolder(this.disk, folder);
    if (!this.walks.includes(walk)) return; // its workspace folder was removed meanwhile
    walk.entries += listing.entries;
    walk.folders.push(...listing.folders);
    const { maxFilesPerDirectory, maxFilesPerFolder, maxEntriesPerFolder } = this.limits;
    const room = Math.max(0, Math.min(maxFilesPerDirectory, maxFilesPerFolder - walk.files));
    for (const file of listing.yamlFiles.slice(0, room)) this.toRead.add(file);
    walk.files += Math.min(room, listing.yamlFiles.length);
    if (listing.yamlFiles.length > room) {
      const full = walk.files >= maxFilesPerFolder;
      if (full) walk.folders = [];
      this.limited(
        walk,
        full
          ? `it holds more than ${maxFilesPerFolder} YAML files`
          : `its folder ${relative(walk.root, folder) || '.'} holds more than ${maxFilesPerDirectory} YAML files`,
      );
    }
    if (walk.entries > maxEntriesPerFolder) {
      walk.folders = [];
      this.limited(walk, `it holds more than ${maxEntriesPerFolder} entries`);
    }
  }

  private limited(walk: Walk, reason: string): void {
    if (walk.limited) return;
    walk.limited = true;
    this.options.onLimit?.(walk.root, reason);
  }

  private drop(leaves: (path: string) => boolean): void {
    this.removals++;
    for (const path of this.toRead) if (leaves(path)) this.toRead.delete(path);
    for (const path of this.indexed.keys()) {
      if (!leaves(path)) continue;
      this.indexed.delete(path);
      this.noteChange(path);
    }
  }

  private flush(): void {
    if (this.changed.size === 0) return;
    const paths = [...this.changed];
    this.changed = new Set();
    this.onChange(paths);
  }
}
