import { oncePerParse, type ParsedFile, type YamlDocument } from '../document/documents';
import { stringAt } from './goValues';

/** The label kops puts on every InstanceGroup to name its Cluster. */
export const CLUSTER_LABEL = 'kops.k8s.io/cluster';

/**
 * Which Cluster each InstanceGroup belongs to, across a set of files (one file, the files given to the CLI, or a
 * workspace folder). Documents are told apart by their parsed `yaml` object, which a reparse keeps while the
 * document's text is unchanged.
 */
export interface SpecLinks {
  /** The InstanceGroup's Cluster; undefined when it cannot be told for sure. */
  clusterOf(instanceGroup: YamlDocument): YamlDocument | undefined;
  /** The InstanceGroups that belong to the Cluster, in file order. */
  instanceGroupsOf(cluster: YamlDocument): readonly YamlDocument[];
}

// Links are rebuilt over every document after each edit: what they read of a document is read once per parse.
const nameOf = oncePerParse((doc) => stringAt(doc, ['metadata', 'name']));
const labelOf = oncePerParse((doc) => stringAt(doc, ['metadata', 'labels', CLUSTER_LABEL]));
const only = <T>(items: readonly T[] | undefined): T | undefined => (items?.length === 1 ? items[0] : undefined);

/** Clusters by `metadata.name`, each looked up once however many InstanceGroups name it. */
function byName(clusters: readonly YamlDocument[]): Map<string | undefined, YamlDocument[]> {
  const named = new Map<string | undefined, YamlDocument[]>();
  for (const cluster of clusters) {
    const name = nameOf(cluster);
    const same = named.get(name);
    if (same) same.push(cluster);
    else named.set(name, [cluster]);
  }
  return named;
}

interface Clusters {
  readonly list: readonly YamlDocument[];
  /** Read only when an InstanceGroup has a label. */
  readonly named: Map<string | undefined, YamlDocument[]>;
}

function clustersOf(list: readonly YamlDocument[]): Clusters {
  let named: Map<string | undefined, YamlDocument[]> | undefined;
  return {
    list,
    get named() {
      return (named ??= byName(list));
    },
  };
}

/**
 * An InstanceGroup belongs to the Cluster its `kops.k8s.io/cluster` label names, looked for in its own file
 * first, then in all the files; without the label, to the only Cluster of its file, else the only Cluster of all
 * the files. Two candidates mean we cannot tell, and the InstanceGroup gets no Cluster.
 */
function clusterFor(group: YamlDocument, own: Clusters, all: Clusters): YamlDocument | undefined {
  const label = labelOf(group);
  if (label === undefined) return own.list.length ? only(own.list) : only(all.list);
  const here = own.named.get(label);
  return here ? only(here) : only(all.named.get(label));
}

export function linkSpecs(files: readonly ParsedFile[]): SpecLinks {
  const clustersIn = (file: ParsedFile): YamlDocument[] => file.documents.filter((d) => d.kops?.kind === 'Cluster');
  const all = clustersOf(files.flatMap(clustersIn));
  const clusterOf = new Map<YamlDocument['yaml'], YamlDocument>();
  const groupsOf = new Map<YamlDocument['yaml'], YamlDocument[]>();
  for (const file of files) {
    if (!file.documents.some((d) => d.kops?.kind === 'InstanceGroup')) continue;
    const own = clustersOf(clustersIn(file));
    for (const doc of file.documents) {
      const cluster = doc.kops?.kind === 'InstanceGroup' ? clusterFor(doc, own, all) : undefined;
      if (!cluster) continue;
      clusterOf.set(doc.yaml, cluster);
      const groups = groupsOf.get(cluster.yaml);
      if (groups) groups.push(doc);
      else groupsOf.set(cluster.yaml, [doc]);
    }
  }
  return {
    clusterOf: (doc) => clusterOf.get(doc.yaml),
    instanceGroupsOf: (doc) => groupsOf.get(doc.yaml) ?? [],
  };
}
