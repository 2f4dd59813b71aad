import { effectiveCiliumVersion } from './catalog/docsLinks';
import { kopsDocuments, type ParsedFile } from './documents';
import type { EffectiveVersion } from './effectiveVersion';
import { deepestExisting, scalarAt } from './yamlNav';

const CILIUM = ['spec', 'networking', 'cilium'];

export interface FileStatus {
  isKops: boolean;
  /** The Cilium version the first Cilium Cluster of the file runs: its `version:`, else the kops default. */
  ciliumVersion?: string;
}

export function fileStatus(file: ParsedFile, eff: EffectiveVersion): FileStatus {
  const docs = kopsDocuments(file);
  const cluster = docs.find((d) => d.kops?.kind === 'Cluster' && deepestExisting(d, CILIUM)?.depth === CILIUM.length);
  if (!cluster) return { isKops: docs.length > 0 };
  const version = scalarAt(cluster, ['spec', 'networking', 'cilium', 'version']);
  return { isKops: true, ciliumVersion: effectiveCiliumVersion(version, eff.version) };
}
