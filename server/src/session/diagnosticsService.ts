import {
  FindingsCache,
  effectiveKopsVersion,
  guardedAsync,
  linkSpecs,
  relatedDocuments,
  type EffectiveVersion,
  type EngineSettings,
  type ErrorSink,
  type Finding,
  type ParsedFile,
  type SpecLinks,
} from '../engine';
import type { FileStore, Snapshot } from './fileStore';
import { Foreground } from './foreground';
import { afterQueuedMessages, TimeSlice } from './timeSlice';

export interface Checked {
  snapshot: Snapshot;
  eff: EffectiveVersion;
  findings: Finding[];
}

/** The other files an open document's InstanceGroups and Clusters are linked across (the server: the workspace). */
export interface RelatedFiles {
  /** Links over the other files and `file`, the document's parse being checked. */
  links(uri: string, file: ParsedFile): SpecLinks;
  /** Told after every check whose findings the client shows: its diagnostics were computed from `file` with `links`. */
  checkedWith(uri: string, file: ParsedFile, links: SpecLinks): void;
}

/** Each document alone: its InstanceGroups are linked to the Clusters of its own file. */
const SINGLE_FILE: RelatedFiles = { links: (_uri, file) => linkSpecs([file]), checkedWith: () => undefined };

export interface DiagnosticsOptions {
  /** Longest stretch of checking documents without letting other messages through. */
  sliceMs: number;
  related: RelatedFiles;
  /** Every check runs as foreground work (background work waits for it). */
  foreground: Foreground;
}

/**
 * The findings of open documents. Each document is checked once per text and kops version (`FindingsCache`),
 * so after an edit only the edited document is; when many documents need checking (a file just opened) they
 * are checked in time slices, so requests are answered in between. What throws goes to `report`: a check
 * family of one document (its other families' findings stay), or the whole check (then no findings).
 */
export class DiagnosticsService {
  private readonly cache = new FindingsCache();
  private readonly options: DiagnosticsOptions;

  constructor(
    private readonly files: FileStore,
    private readonly settings: () => EngineSettings,
    private readonly report: ErrorSink,
    options: Partial<DiagnosticsOptions> = {},
  ) {
    this.options = { sliceMs: 1, related: SINGLE_FILE, foreground: new Foreground(), ...options };
  }

  /** Documents checked so far (the rest were answered from the cache). */
  get checks(): number {
    return this.cache.checks;
  }

  /**
   * Findings of the document's current version (a newer version that arrives meanwhile is the one checked), for
   * the client's diagnostics. Undefined when the document is closed, `isCancelled()` turns true or the check failed.
   */
  check(uri: string, isCancelled: () => boolean = () => false): Promise<Checked | undefined> {
    return this.guardedCheck(uri, isCancelled, true);
  }

  /**
   * The same findings for a request that needs them (code actions). The client does not show them as diagnostics,
   * so `related` does not count them as what its diagnostics were computed from.
   */
  findings(uri: string, isCancelled: () => boolean = () => false): Promise<Checked | undefined> {
    return this.guardedCheck(uri, isCancelled, false);
  }

  private guardedCheck(uri: string, isCancelled: () => boolean, shown: boolean): Promise<Checked | undefined> {
    const check = () => this.options.foreground.run(() => this.checkCurrent(uri, isCancelled, shown));
    return guardedAsync(this.report, { feature: 'diagnostics', uri }, check, undefined);
  }

  private async checkCurrent(uri: string, isCancelled: () => boolean, shown: boolean): Promise<Checked | undefined> {
    for (;;) {
      const snapshot = await this.files.ready(uri);
      if (!snapshot || isCancelled()) return undefined;
      const eff = effectiveKopsVersion(snapshot.file, this.settings());
      if (await this.checkDocuments(uri, snapshot, eff, this.options.related.links(uri, snapshot.file), isCancelled)) {
        // Read again: the workspace may have changed while the checks paused (what is unchanged is cached).
        const links = this.options.related.links(uri, snapshot.file);
        const findings = this.cache.diagnose(snapshot.file, eff, this.familyErrors(uri), links);
        if (shown) this.options.related.checkedWith(uri, snapshot.file, links);
        return { snapshot, eff, findings };
      }
      if (isCancelled()) return undefined;
    }
  }

  /**
   * Fills the cache for every kops document of the snapshot, its own findings and those against its related
   * documents (a file of hundreds of InstanceGroups, or a Cluster they all name); false when stopped or outdated
   * on the way.
   */
  private async checkDocuments(
    uri: string,
    snapshot: Snapshot,
    eff: EffectiveVersion,
    links: SpecLinks,
    isCancelled: () => boolean,
  ): Promise<boolean> {
    const slice = new TimeSlice(this.options.sliceMs);
    const options = this.familyErrors(uri);
    for (const doc of snapshot.file.documents) {
      if (!doc.kops) continue;
      this.cache.documentFindings(doc, eff.version, options);
      const related = relatedDocuments(doc, links);
      if (related.length) this.cache.crossFindings(doc, related, eff.version, options);
      if (slice.due) {
        await slice.pause();
        if (isCancelled() || !this.files.isCurrent(uri, snapshot)) return false;
      }
    }
    return true;
  }

  private familyErrors(uri: string): { onError: ErrorSink } {
    return { onError: (error, context) => this.report(error, { ...context, uri }) };
  }
}

/**
 * How long an edited document must stay unchanged before its check starts. An editor sends a keystroke's edit
 * and the requests it triggers (completion, code actions) within a few milliseconds, and a fast typist, a paste
 * or a multi-cursor edit several edits in a row: they are all answered and applied with no check of an
 * intermediate version running between them, and the diagnostics come this much later.
 */
export const EDIT_QUIET_MS = 5;

/**
 * Push diagnostics: after every change (an edit: once it is `quietMs` old), once the messages already queued are
 * answered (a completion typed right after the edit comes first), check and publish. A newer change cancels
 * the pending check.
 */
export class DiagnosticsPublisher {
  private readonly jobs = new Map<string, { cancelled: boolean }>();

  /** `foreground`: a scheduled job is foreground work from the change on, not only once its check starts. */
  constructor(
    private readonly service: DiagnosticsService,
    private readonly publish: (uri: string, checked: Checked) => void,
    private readonly foreground = new Foreground(),
  ) {}

  schedule(uri: string, quietMs = 0): void {
    this.cancel(uri);
    const job = { cancelled: false };
    this.jobs.set(uri, job);
    void this.foreground.run(() => this.run(uri, job, quietMs));
  }

  cancel(uri: string): void {
    const job = this.jobs.get(uri);
    if (job) job.cancelled = true;
    this.jobs.delete(uri);
  }

  private async run(uri: string, job: { cancelled: boolean }, quietMs: number): Promise<void> {
    if (quietMs > 0) await new Promise((resolve) => setTimeout(resolve, quietMs));
    await afterQueuedMessages();
    if (job.cancelled) return;
    const checked = await this.service.check(uri, () => job.cancelled);
    if (job.cancelled || !checked) return;
    this.jobs.delete(uri);
    this.publish(uri, checked);
  }
}
