import {
  FileBudget,
  LineIndex,
  findVersionComment,
  lineFeeds,
  parseFile,
  splitDocuments,
  type ParsedFile,
  type Position,
  type YamlDocument,
} from '../engine';
import { lineStart, documentBounds } from './documentPrefix';
import { nextTurn, TimeSlice } from './timeSlice';

/** The open document as the editor last sent it. */
export interface TextSource {
  readonly version: number;
  getText(): string;
}

/** A parse of one version of an open document. */
export interface Snapshot {
  readonly version: number;
  readonly file: ParsedFile;
}

export interface FileStoreOptions {
  /**
   * Below this much new text a parse runs at once: about 30 ms of `yaml` work on a warm server, and what
   * typing, pasting a block or undoing produces. Above it (opening a big file, pasting one) the new documents
   * are parsed a few at a time between other messages.
   */
  syncParseChars: number;
  /** Longest stretch of parsing without a pause. */
  sliceMs: number;
}

const DEFAULTS: FileStoreOptions = { syncParseChars: 32_000, sliceMs: 10 };
const EMPTY = new LineIndex('');

interface Slicing {
  readonly version: number;
  /** Text before this offset is parsed (its documents are in `ahead` or the last snapshot). */
  parsedThrough: number;
  readonly done: Promise<void>;
}

interface Entry {
  snapshot?: Snapshot;
  /** Characters inserted since `snapshot`: what the next parse has to read anew (the rest is reused). */
  newChars: number;
  /** Documents of a newer text parsed ahead of the next snapshot, by text. */
  ahead: Map<string, YamlDocument>;
  slicing?: Slicing;
}

/**
 * Parsed files by URI. A new version reparses only the `---` documents whose text changed, so an edit costs
 * one document parse whatever the file size; a lot of new text is parsed in time slices so that requests are
 * answered meanwhile and nothing blocks the server for long.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private readonly options: FileStoreOptions;

  constructor(
    private readonly source: (uri: string) => TextSource | undefined,
    options: Partial<FileStoreOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Call on open: versions start over, but documents of an earlier text may still be reused. */
  opened(uri: string, textLength: number): void {
    const entry = this.entry(uri);
    for (const doc of entry.snapshot?.file.documents ?? []) entry.ahead.set(doc.text, doc);
    entry.snapshot = undefined;
    entry.newChars = textLength;
  }

  /** Call on every change: how much new text arrived. */
  changed(uri: string, insertedChars: number): void {
    this.entry(uri).newChars += insertedChars;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** The open documents' URIs. */
  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The document's last parse, without parsing a newer version; undefined before the first parse or once closed. */
  latest(uri: string): Snapshot | undefined {
    return this.entries.get(uri)?.snapshot;
  }

  /** Whether `snapshot` is still the document's current version. */
  isCurrent(uri: string, snapshot: Snapshot): boolean {
    return this.source(uri)?.version === snapshot.version;
  }

  /** The document's current version once parsed (in slices when there is a lot of new text); undefined once closed. */
  ready(uri: string): Promise<Snapshot | undefined> {
    return this.settle(uri);
  }

  /**
   * For a request about one position (completion, hover): `ready`, except while a big new text is being
   * parsed in slices. Then, as soon as everything up to the document at `position` is parsed, a parse of that
   * part of the text: it answers a request about the position exactly as the whole parse will.
   */
  readyAt(uri: string, position: Position): Promise<Snapshot | undefined> {
    let bounds: { version: number; end: number; prefix: number } | undefined;
    return this.settle(uri, (entry, doc, slicing) => {
      if (bounds?.version !== doc.version) bounds = prefixFor(doc, position);
      if (!bounds || slicing.version !== doc.version || slicing.parsedThrough < bounds.end) return undefined;
      const file = parseFile(doc.getText().slice(0, bounds.prefix), { text: '', lines: EMPTY, documents: this.known(entry) });
      return { version: doc.version, file };
    });
  }

  private async settle(
    uri: string,
    early?: (entry: Entry, doc: TextSource, slicing: Slicing) => Snapshot | undefined,
  ): Promise<Snapshot | undefined> {
    for (;;) {
      const doc = this.source(uri);
      if (!doc) return undefined;
      const entry = this.entry(uri);
      if (entry.snapshot?.version === doc.version) return entry.snapshot;
      if (!entry.slicing && entry.newChars <= this.options.syncParseChars) return this.parse(entry, doc.version, doc.getText());
      const slicing = entry.slicing ?? this.startSlicing(uri, entry, doc);
      const partial = early?.(entry, doc, slicing);
      if (partial) return partial;
      await (early ? Promise.race([slicing.done, nextTurn()]) : slicing.done);
    }
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { newChars: 0, ahead: new Map() };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private known(entry: Entry): YamlDocument[] {
    return [...(entry.snapshot?.file.documents ?? []), ...entry.ahead.values()];
  }

  private parse(entry: Entry, version: number, text: string): Snapshot {
    const file = parseFile(text, { text: '', lines: EMPTY, documents: this.known(entry) });
    entry.snapshot = { version, file };
    entry.newChars = 0;
    entry.ahead = new Map();
    return entry.snapshot;
  }

  private startSlicing(uri: string, entry: Entry, doc: TextSource): Slicing {
    const slicing: { version: number; parsedThrough: number; done?: Promise<void> } = { version: doc.version, parsedThrough: 0 };
    slicing.done = this.parseAhead(uri, entry, slicing, doc.getText()).finally(() => {
      entry.slicing = undefined;
    });
    entry.slicing = slicing as Slicing;
    return entry.slicing;
  }

  /**
   * Parses the documents of `text` that no earlier parse has, each on its own (a document's parse depends on
   * its text only, so `parseFile` then reuses them all), pausing every few milliseconds. Stops early when a
   * newer version arrives or the document closes; what was parsed stays for the next attempt.
   */
  private async parseAhead(uri: string, entry: Entry, slicing: { version: number; parsedThrough: number }, text: string): Promise<void> {
    await nextTurn(); // messages already queued go first
    const known = new Set(entry.snapshot?.file.documents.map((d) => d.text));
    const slice = new TimeSlice(this.options.sliceMs);
    const budget = new FileBudget();
    for (const chunk of splitDocuments(text)) {
      if (budget.add(chunk.text, lineFeeds(chunk.text))) break; // the rest is not analysed: nothing to parse ahead
      if (!known.has(chunk.text) && !entry.ahead.has(chunk.text)) {
        const [doc] = parseFile(chunk.text).documents;
        if (doc?.text === chunk.text) entry.ahead.set(chunk.text, doc);
      }
      slicing.parsedThrough = chunk.offset + chunk.text.length;
      if (slice.due) {
        await slice.pause();
        const current = this.entries.get(uri) === entry && this.source(uri)?.version === slicing.version;
        if (!current || entry.snapshot?.version === slicing.version) return;
      }
    }
    this.parse(entry, slicing.version, text);
  }
}

/** Where the document at `position` ends and how much text a parse must include to answer about it exactly. */
function prefixFor(doc: TextSource, position: Position): { version: number; end: number; prefix: number } | undefined {
  const text = doc.getText();
  const start = lineStart(text, position.line);
  if (start < 0) return undefined;
  const { end, prefix } = documentBounds(text, start);
  const comment = findVersionComment(text);
  if (comment && comment.start >= end) return undefined; // the kops version is set further down
  return { version: doc.version, end, prefix };
}
