import { isMap, isScalar, type Node } from 'yaml';
import type { YamlDocument } from '../document/documents';
import type { PathSegment } from '../types';
import { goBoolAt, goSliceAt, goStringAt, goStructAt } from './goValues';
import { before, type KopsVersion } from './releases';

/**
 * `spec.etcdClusters` of a v1alpha2 Cluster as kops decodes it: unset strings are '', a null list item is a
 * zero struct (kops v1.18 keeps a nil pointer there instead). Undefined when any field read here would not
 * decode: the document fails to load, which the schema checks report, and no etcd rule can say more.
 */

export interface EtcdMember {
  /** The item is null. */
  isNull: boolean;
  name: string;
  instanceGroup: string;
}

export interface EtcdCluster {
  index: number;
  /** The item is null. */
  isNull: boolean;
  name: string;
  provider: string;
  version: string;
  enableEtcdTLS: boolean;
  members: EtcdMember[];
  /** `backups.backupStore`; '' when unset. */
  backupStore: string;
}

export const ETCD_CLUSTERS: readonly PathSegment[] = ['spec', 'etcdClusters'];
export const etcdClusterPath = (i: number, ...rest: PathSegment[]): PathSegment[] => [...ETCD_CLUSTERS, i, ...rest];

const isNullItem = (node: Node | null | undefined): boolean =>
  node === null || node === undefined || (isScalar(node) && node.value === null);

function readMember(doc: YamlDocument, at: readonly PathSegment[], item: Node): EtcdMember | undefined {
  if (isNullItem(item)) return { isNull: true, name: '', instanceGroup: '' };
  if (!isMap(item)) return undefined;
  const name = goStringAt(doc, [...at, 'name']);
  const instanceGroup = goStringAt(doc, [...at, 'instanceGroup']);
  return name === undefined || instanceGroup === undefined ? undefined : { isNull: false, name, instanceGroup };
}

function readCluster(doc: YamlDocument, index: number, item: Node): EtcdCluster | undefined {
  const zero = { index, name: '', provider: '', version: '', enableEtcdTLS: false, members: [], backupStore: '' };
  if (isNullItem(item)) return { ...zero, isNull: true };
  if (!isMap(item)) return undefined;
  const at = etcdClusterPath(index);
  const name = goStringAt(doc, [...at, 'name']);
  const provider = goStringAt(doc, [...at, 'provider']);
  const version = goStringAt(doc, [...at, 'version']);
  const enableEtcdTLS = goBoolAt(doc, [...at, 'enableEtcdTLS']);
  const backupStore = goStructAt(doc, [...at, 'backups']) === undefined ? undefined : goStringAt(doc, [...at, 'backups', 'backupStore']);
  const items = goSliceAt(doc, [...at, 'etcdMembers']);
  const members = items?.map((m, i) => readMember(doc, [...at, 'etcdMembers', i], m));
  if (
    name === undefined ||
    provider === undefined ||
    version === undefined ||
    enableEtcdTLS === undefined ||
    backupStore === undefined ||
    !members?.every((m) => m !== undefined)
  ) {
    return undefined;
  }
  return { index, isNull: false, name, provider, version, enableEtcdTLS, backupStore, members };
}

export function readEtcdClusters(doc: YamlDocument): EtcdCluster[] | undefined {
  const items = goSliceAt(doc, ETCD_CLUSTERS);
  const clusters = items?.map((item, i) => readCluster(doc, i, item));
  return clusters?.every((c) => c !== undefined) ? clusters : undefined;
}

/** The etcd clusters (in order) that have no member on the InstanceGroup `groupName`. */
export const clustersWithoutMember = (clusters: readonly EtcdCluster[], groupName: string): EtcdCluster[] =>
  clusters.filter((c) => !c.members.some((m) => m.instanceGroup === groupName));

/** kops v1.18 keeps null list items as nil pointers and crashes on them in validation, reporting nothing. */
export const crashesOnNullItems = (clusters: readonly EtcdCluster[], v: KopsVersion): boolean =>
  before(v, '1.19') && clusters.some((c) => c.isNull || c.members.some((m) => m.isNull));
