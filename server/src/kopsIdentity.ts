/** Recognising kops documents from text alone: import-free, shared by the engine and the client (which bundles it). */
export type KopsKind = 'Cluster' | 'InstanceGroup';
export type KopsApiVersion = 'v1alpha2' | 'v1alpha3';
export interface KopsIdentity { apiVersion: KopsApiVersion; kind: KopsKind }

const API_VERSION = /^apiVersion:[ \t]*["']?kops\.k8s\.io\/(v1alpha[23])["']?[ \t]*(?:#.*)?\r?$/m;
const KIND = /^kind:[ \t]*["']?(Cluster|InstanceGroup)["']?[ \t]*(?:#.*)?\r?$/m;

/** The identity of one document, read from its column-0 `apiVersion` and `kind` lines (works on invalid YAML). */
export function kopsIdentity(text: string): KopsIdentity | undefined {
  const api = API_VERSION.exec(text);
  const kind = KIND.exec(text);
  if (!api || !kind) return undefined;
  return { apiVersion: api[1] as KopsApiVersion, kind: kind[1] as KopsKind };
}

/** True when a file (possibly several `---` documents) holds at least one kops document. */
export function looksLikeKopsText(text: string): boolean {
  return text.split(/^---(?=[ \t\r\n]|$)/m).some((doc) => kopsIdentity(doc) !== undefined);
}
