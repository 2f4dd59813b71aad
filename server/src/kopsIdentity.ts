/** Recognising kops documents and their `# kops-version:` line from text alone: import-free, shared by the engine and the client (which bundles it). */
export type KopsKind = 'Cluster' | 'InstanceGroup';
export type KopsApiVersion = 'v1alpha2' | 'v1alpha3';
export interface KopsIdentity {
  apiVersion: KopsApiVersion;
  kind: KopsKind;
}

const API_VERSION = /^apiVersion:[ \t]*["']?kops\.k8s\.io\/(v1alpha[23])["']?[ \t]*(?:#.*)?\r?$/m;
const KIND = /^kind:[ \t]*["']?(Cluster|InstanceGroup)["']?[ \t]*(?:#.*)?\r?$/m;

/** The identity of one document, read from its column-0 `apiVersion` and `kind` lines (works on invalid YAML). */
export function kopsIdentity(text: string): KopsIdentity | undefined {
  const api = API_VERSION.exec(text);
  const kind = KIND.exec(text);
  if (!api || !kind) return undefined;
  return { apiVersion: api[1] as KopsApiVersion, kind: kind[1] as KopsKind };
}

/** A column-0 `---` line: where a YAML stream starts another document. */
const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/gm;

/** Offset of the first document marker at or after `from`; -1 when there is none. */
export function documentMarkerFrom(text: string, from: number): number {
  DOCUMENT_MARKER.lastIndex = from;
  return DOCUMENT_MARKER.exec(text)?.index ?? -1;
}

/** Splits a YAML stream before every document marker after the first character; each part keeps its marker line. */
export function splitDocuments(text: string): Array<{ text: string; offset: number }> {
  const cuts = [0];
  for (let at = documentMarkerFrom(text, 1); at >= 0; at = documentMarkerFrom(text, at + 1)) cuts.push(at);
  return cuts.map((start, i) => ({ offset: start, text: text.slice(start, cuts[i + 1] ?? text.length) }));
}

/** True when a file (possibly several `---` documents) holds at least one kops document. */
export function looksLikeKopsText(text: string): boolean {
  return splitDocuments(text).some((doc) => kopsIdentity(doc.text) !== undefined);
}

// Not the `m` flag: it would also start lines after U+2028/U+2029, which LSP does not.
const COMMENT = /(?<=^|[\r\n])#[ \t]*kops-version:[ \t]*(\S*)[ \t]*(?=[\r\n]|$)/;

/** `start`/`end` are the value's offsets in the text. */
export interface VersionComment {
  value: string;
  start: number;
  end: number;
}

/** The first `# kops-version: vX.Y.Z` comment line of a file, if any. */
export function findVersionComment(text: string): VersionComment | undefined {
  if (!text.includes('kops-version:')) return undefined; // the usual case, at memchr speed on a 50k-line file
  const m = COMMENT.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].indexOf(m[1], m[0].indexOf(':') + 1);
  return { value: m[1], start, end: start + m[1].length };
}
