import type { KopsSource } from './kopsGit';
import { crdShape, type ShapeNode } from './crdSchema';
import { mergeReleases, rangesOf, type KnowledgeNode, type ReleaseRanges } from './mergeReleases';
import { addonDefaultCilium, ciliumNoEffectFields, componentDefaultCilium, type NoEffectStatement } from './ciliumSource';

export const KINDS = [
  { kind: 'Cluster', file: 'cluster', crd: 'k8s/crds/kops.k8s.io_clusters.yaml' },
  { kind: 'InstanceGroup', file: 'instancegroup', crd: 'k8s/crds/kops.k8s.io_instancegroups.yaml' },
] as const;
export const NETWORKING_GO = 'pkg/apis/kops/v1alpha2/networking.go';
export const CILIUM_COMPONENT = 'pkg/model/components/cilium.go';
export const CILIUM_ADDON_V118 = 'upup/models/cloudup/resources/addons/networking.cilium.io/k8s-1.12.yaml.template';

export interface Release {
  tag: string;
  defaultCilium: string;
}
export interface CiliumStatement {
  in: ReleaseRanges;
  says: NoEffectStatement;
}
export interface Knowledge {
  releases: Release[];
  schemas: Record<(typeof KINDS)[number]['file'], KnowledgeNode>;
  /** Cilium keys kops' own Go comment calls not implemented, deprecated, ignored or unused, by release. */
  ciliumComments: Record<string, CiliumStatement[]>;
  /** Per release: its commit and the git blob of every file read. */
  provenance: Record<string, { commit: string; files: Record<string, string> }>;
}

function ciliumComments(
  releases: readonly string[],
  perRelease: readonly Map<string, NoEffectStatement>[],
): Record<string, CiliumStatement[]> {
  const keys = [...new Set(perRelease.flatMap((m) => [...m.keys()]))].sort();
  const out: Record<string, CiliumStatement[]> = {};
  for (const key of keys) {
    const bySaying = new Map<NoEffectStatement, number[]>();
    perRelease.forEach((m, i) => {
      const says = m.get(key);
      if (says) bySaying.set(says, [...(bySaying.get(says) ?? []), i]);
    });
    out[key] = [...bySaying].map(([says, indexes]) => ({ in: rangesOf(indexes, releases), says }));
  }
  return out;
}

/** `work` on a file kops has at a release; its error names the release and the file. */
export function fromFile<T>(tag: string, path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new Error(`kops ${tag} ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Everything kops-spec knows of kops, read from kops' source at each release tag from `first` on. */
export function buildKnowledge(source: KopsSource, first = 'v1.18.0'): Knowledge {
  const all = source.releases();
  const releases = all.slice(all.indexOf(first));
  if (!releases.length || releases[0] !== first) throw new Error(`the kops clone has no tag ${first}`);
  const provenance: Knowledge['provenance'] = {};
  const read = (tag: string, path: string): string | undefined => {
    const text = source.show(tag, path);
    const blob = text === undefined ? undefined : source.blob(tag, path);
    if (blob) (provenance[tag] ??= { commit: source.commit(tag), files: {} }).files[path] = blob;
    return text;
  };
  const schemas = {} as Knowledge['schemas'];
  for (const { kind, file, crd } of KINDS) {
    const shapes: (ShapeNode | undefined)[] = releases.map((tag) => {
      const text = read(tag, crd);
      return text === undefined ? undefined : fromFile(tag, crd, () => crdShape(text, kind));
    });
    schemas[file] = mergeReleases(releases, shapes);
  }
  const comments = releases.map((tag) => fromFile(tag, NETWORKING_GO, () => ciliumNoEffectFields(read(tag, NETWORKING_GO) ?? '')));
  const withDefaults = releases.map((tag) => {
    const defaultCilium = componentDefaultCilium(read(tag, CILIUM_COMPONENT)) ?? addonDefaultCilium(read(tag, CILIUM_ADDON_V118));
    if (!defaultCilium) throw new Error(`kops ${tag}: found no default Cilium version`);
    return { tag, defaultCilium };
  });
  return { releases: withDefaults, schemas, ciliumComments: ciliumComments(releases, comments), provenance };
}
