import { guarded, relatedDocuments, rethrow, type ErrorSink, type ParsedFile, type SpecLinks } from '../engine';
import { afterQueuedMessages } from './timeSlice';

/** What a file's cross-document findings were computed from: for each kops document, its related documents' parses. */
type RelatedParses = readonly unknown[];
const NEXT_DOCUMENT = Symbol('next document');

function relatedParses(file: ParsedFile, links: SpecLinks): RelatedParses {
  const parses: unknown[] = [];
  for (const doc of file.documents) {
    if (doc.kops) parses.push(NEXT_DOCUMENT, ...relatedDocuments(doc, links).map((r) => r.yaml));
  }
  return parses;
}

const same = (a: RelatedParses, b: RelatedParses): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Which open documents to check again because a document they relate to changed: a Cluster edited, an
 * InstanceGroup added, removed or edited, in an editor or on disk. Each open document's diagnostics record the
 * parses of its related documents; after a change, the documents whose related parses are no longer those are
 * handed to `recheck` (which re-checks them from the findings cache: their own parses are unchanged).
 */
export class RelatedChecks {
  private readonly checked = new Map<string, { file: ParsedFile; related: RelatedParses }>();
  private scheduled = false;

  constructor(
    private readonly latest: (uri: string) => ParsedFile | undefined,
    private readonly links: () => SpecLinks,
    private readonly recheck: (uris: readonly string[]) => void,
    private readonly report: ErrorSink = rethrow,
  ) {}

  /** An open document's diagnostics were computed from `file` with `links`; a new parse of it may concern others. */
  checkedWith(uri: string, file: ParsedFile, links: SpecLinks): void {
    const before = this.checked.get(uri);
    this.checked.set(uri, { file, related: relatedParses(file, links) });
    if (before?.file !== file) this.changed();
  }

  closed(uri: string): void {
    this.checked.delete(uri);
    this.changed();
  }

  /** Something open documents may relate to changed: once the messages already queued are answered, recheck. */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void afterQueuedMessages().then(() => {
      this.scheduled = false;
      guarded(this.report, { feature: 'diagnostics of related documents' }, () => this.recheckStale(), undefined);
    });
  }

  /**
   * The open documents whose related documents changed since their diagnostics. A document edited since then is
   * left out: its own check is due anyway.
   */
  stale(): string[] {
    const links = this.links();
    const stale: string[] = [];
    for (const [uri, { file, related }] of this.checked) {
      if (this.latest(uri) === file && !same(related, relatedParses(file, links))) stale.push(uri);
    }
    return stale;
  }

  private recheckStale(): void {
    const stale = this.stale();
    if (stale.length) this.recheck(stale);
  }
}
