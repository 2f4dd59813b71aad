import { ciliumSupport } from '../kops/catalog/ciliumVersions';
import { effectiveCiliumVersion } from '../kops/catalog/docsLinks';
import { kopsDocuments, type ParsedFile } from '../document/documents';
import type { EffectiveVersion } from '../kops/effectiveVersion';
import { deepestExisting, scalarAt } from '../document/yamlNav';
import { CILIUM_PATH } from '../kops/dialect';

export interface FileStatus {
  isKops: boolean;
  /** The Cilium version the first Cilium Cluster of the file runs: its `version:`, else the kops default. */
  ciliumVersion?: string;
  /** Which Cilium versions this kops release accepts, in words. */
  ciliumAccepted?: string;
}

export function fileStatus(file: ParsedFile, eff: EffectiveVersion): FileStatus {
  const docs = kopsDocuments(file);
  const cluster = docs.find((d) => d.kops?.kind === 'Cluster' && deepestExisting(d, CILIUM_PATH)?.depth === CILIUM_PATH.length);
  if (!cluster) return { isKops: docs.length > 0 };
  const version = scalarAt(cluster, [...CILIUM_PATH, 'version']);
  const support = ciliumSupport(eff.version);
  const ciliumAccepted = support.detail ?? `kops ${eff.version.text} does not check the Cilium version`;
  return { isKops: true, ciliumVersion: effectiveCiliumVersion(version, eff.version), ciliumAccepted };
}
