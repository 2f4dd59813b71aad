import type { Document } from 'yaml';
import { crossDocumentFindings, diagnose, documentFindings, type CheckOptions } from './diagnostics';
import { linkSpecs, type SpecLinks } from '../kops/specLinks';
import type { ParsedFile, YamlDocument } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import type { KopsVersion } from '../kops/releases';
import type { Finding } from '../types';

/**
 * The findings of every parsed document, kept while the document is unchanged. `parseFile` reuses the
 * document (and its `yaml` Document object) when its text is the same, wherever an edit elsewhere moved it,
 * so an edit re-checks only the document it touched. Findings are stored in document coordinates and moved
 * to file positions on every `diagnose`. The key is the `yaml` object (weakly: a document that is no longer
 * part of any parse is forgotten) plus the kops version; nothing else goes into a document's findings.
 * A cache outside the rules, which stay pure.
 */
export class FindingsCache {
  private readonly byDocument = new WeakMap<Document.Parsed, { version: string; findings: readonly Finding[] }>();
  private readonly crossByDocument = new WeakMap<
    Document.Parsed,
    { version: string; related: readonly Document.Parsed[]; findings: readonly Finding[] }
  >();
  private computed = 0;

  /** How many documents were checked rather than answered from the cache (for tests: count work, not time). */
  get checks(): number {
    return this.computed;
  }

  /**
   * The document's findings in document coordinates, computed at most once per document and kops version (so
   * a check family that throws is reported once, through `options.onError`).
   */
  documentFindings(doc: YamlDocument, v: KopsVersion, options: CheckOptions = {}): readonly Finding[] {
    const version = `${v.major}.${v.minor}.${v.patch}`;
    const cached = this.byDocument.get(doc.yaml);
    if (cached && cached.version === version) return cached.findings;
    const findings = documentFindings(doc, v, options);
    this.computed++;
    this.byDocument.set(doc.yaml, { version, findings });
    return findings;
  }

  /** Whether `documentFindings` would answer without checking. */
  has(doc: YamlDocument, v: KopsVersion): boolean {
    return this.byDocument.get(doc.yaml)?.version === `${v.major}.${v.minor}.${v.patch}`;
  }

  /** The document's findings against related documents, kept while it and every related document are unchanged. */
  crossFindings(doc: YamlDocument, related: readonly YamlDocument[], v: KopsVersion, options: CheckOptions = {}): readonly Finding[] {
    const version = `${v.major}.${v.minor}.${v.patch}`;
    const cached = this.crossByDocument.get(doc.yaml);
    const same =
      cached?.version === version && cached.related.length === related.length && cached.related.every((r, i) => r === related[i].yaml);
    if (cached && same) return cached.findings;
    const findings = crossDocumentFindings(doc, related, v, options);
    this.computed++;
    this.crossByDocument.set(doc.yaml, { version, related: related.map((r) => r.yaml), findings });
    return findings;
  }

  /** Exactly `diagnose(file, eff, …, links)`, with every unchanged document answered from the cache. */
  diagnose(file: ParsedFile, eff: EffectiveVersion, options: CheckOptions = {}, links: SpecLinks = linkSpecs([file])): Finding[] {
    return diagnose(
      file,
      eff,
      (doc, v) => this.documentFindings(doc, v, options),
      links,
      (doc, related, v) => this.crossFindings(doc, related, v, options),
    );
  }
}
