import {
  FindingsCache,
  effectiveKopsVersion,
  guardedAsync,
  type EffectiveVersion,
  type EngineSettings,
  type ErrorSink,
  type Finding,
} from '../engine';
import type { FileStore, Snapshot } from './fileStore';
import { afterQueuedMessages, TimeSlice } from './timeSlice';

export interface Checked {
  snapshot: Snapshot;
  eff: EffectiveVersion;
  findings: Finding[];
}

/**
 * The findings of open documents. Each document is checked once per text and kops version (`FindingsCache`),
 * so after an edit only the edited document is; when many documents need checking (a file just opened) they
 * are checked in time slices, so requests are answered in between. What throws goes to `report`: a check
 * family of one document (its other families' findings stay), or the whole check (then no findings).
 */
export class DiagnosticsService {
  private readonly cache = new FindingsCache();

  /** `sliceMs`: longest stretch of checking documents without letting other messages through. */
  constructor(
    private readonly files: FileStore,
    private readonly settings: () => EngineSettings,
    private readonly report: ErrorSink,
    private readonly sliceMs = 10,
  ) {}

  /** Documents checked so far (the rest were answered from the cache). */
  get checks(): number {
    return this.cache.checks;
  }

  /**
   * Findings of the document's current version (a newer version that arrives meanwhile is the one checked).
   * Undefined when the document is closed, `isCancelled()` turns true or the check failed.
   */
  check(uri: string, isCancelled: () => boolean = () => false): Promise<Checked | undefined> {
    return guardedAsync(this.report, { feature: 'diagnostics', uri }, () => this.checkCurrent(uri, isCancelled), undefined);
  }

  private async checkCurrent(uri: string, isCancelled: () => boolean): Promise<Checked | undefined> {
    for (;;) {
      const snapshot = await this.files.ready(uri);
      if (!snapshot || isCancelled()) return undefined;
      const eff = effectiveKopsVersion(snapshot.file, this.settings());
      if (await this.checkDocuments(uri, snapshot, eff, isCancelled)) {
        return { snapshot, eff, findings: this.cache.diagnose(snapshot.file, eff, this.familyErrors(uri)) };
      }
      if (isCancelled()) return undefined;
    }
  }

  /** Fills the cache for every kops document of the snapshot; false when stopped or outdated on the way. */
  private async checkDocuments(uri: string, snapshot: Snapshot, eff: EffectiveVersion, isCancelled: () => boolean): Promise<boolean> {
    const slice = new TimeSlice(this.sliceMs);
    const options = this.familyErrors(uri);
    for (const doc of snapshot.file.documents) {
      if (!doc.kops || this.cache.has(doc, eff.version)) continue;
      this.cache.documentFindings(doc, eff.version, options);
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
 * Push diagnostics: after every change, once the messages already queued are answered (a completion typed
 * right after the edit comes first), check and publish. A newer change cancels the pending check; there is
 * no fixed debounce.
 */
export class DiagnosticsPublisher {
  private readonly jobs = new Map<string, { cancelled: boolean }>();

  constructor(
    private readonly service: DiagnosticsService,
    private readonly publish: (uri: string, checked: Checked) => void,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const job = { cancelled: false };
    this.jobs.set(uri, job);
    void this.run(uri, job);
  }

  cancel(uri: string): void {
    const job = this.jobs.get(uri);
    if (job) job.cancelled = true;
    this.jobs.delete(uri);
  }

  private async run(uri: string, job: { cancelled: boolean }): Promise<void> {
    await afterQueuedMessages();
    if (job.cancelled) return;
    const checked = await this.service.check(uri, () => job.cancelled);
    if (job.cancelled || !checked) return;
    this.jobs.delete(uri);
    this.publish(uri, checked);
  }
}
