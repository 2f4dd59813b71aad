import { isMap, isScalar, isSeq } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { nodeAt } from '../../../document/yamlNav';
import { intAt, itemsAt, stringAt, stringItemAt, structAt, structKeysAt } from '../../../kops/goValues';
import type { PathSegment } from '../../../types';

/**
 * The network layout of a v1alpha2 Cluster as kops decodes it: `undefined` = not set (Go's zero value).
 * Lists keep their item positions, since kops names the item it rejects.
 */

export interface Route {
  cidr: string;
  target: string;
}

export interface Subnet {
  index: number;
  name: string;
  zone: string;
  region: string;
  cidr: string;
  ipv6CIDR: string;
  id: string;
  egress: string;
  type: string;
  /** undefined = no `additionalRoutes` list. */
  routes?: Route[];
}

export interface ListItem {
  index: number;
  text: string;
}

export interface Topology {
  masters: string;
  nodes: string;
  bastion: boolean;
  idleTimeoutSeconds?: number;
  dnsType: string;
}

export interface NetworkLayout {
  clusterName: string;
  cloud: string;
  networkCIDR: string;
  networkID: string;
  additionalNetworkCIDRs: ListItem[];
  nonMasqueradeCIDR: string;
  podCIDR: string;
  serviceClusterIPRange: string;
  /** kubeControllerManager.clusterCIDR ('' when unset or no kubeControllerManager). */
  clusterCIDR: string;
  networkingKeys: string[];
  ciliumIpam: string;
  /** undefined when a subnet item is not a mapping (kops cannot decode the document). */
  subnets?: Subnet[];
  /** `subnets` is written (a document without it is a fragment, or fails before validation). */
  subnetsWritten: boolean;
  topology: Topology;
  sshAccess: ListItem[];
  kubernetesApiAccess: ListItem[];
  nodePortAccess: ListItem[];
  openstackExternalNetwork: boolean;
}

const SPEC = ['spec'];
/** A Go `*string` is set by any string, `''` included (null leaves it nil). */
const isStringValue = (node: unknown): boolean => isScalar(node) && typeof node.value === 'string';
const text = (doc: YamlDocument, path: readonly PathSegment[]): string => stringAt(doc, path) ?? '';

function listItems(doc: YamlDocument, path: readonly PathSegment[]): ListItem[] {
  return itemsAt(doc, path).flatMap((_, index) => {
    const value = stringItemAt(doc, [...path, index]);
    return value === undefined ? [] : [{ index, text: value }];
  });
}

function readRoutes(doc: YamlDocument, at: readonly PathSegment[]): Route[] | undefined {
  if (!isSeq(nodeAt(doc, at))) return undefined;
  return itemsAt(doc, at).map((_, i) => ({ cidr: text(doc, [...at, i, 'cidr']), target: text(doc, [...at, i, 'target']) }));
}

function readSubnets(doc: YamlDocument): Subnet[] | undefined {
  const items = itemsAt(doc, [...SPEC, 'subnets']);
  if (items.some((item) => !isMap(item) && !(isScalar(item) && item.value === null))) return undefined;
  return items.map((_, index) => {
    const at = [...SPEC, 'subnets', index];
    const field = (key: string) => text(doc, [...at, key]);
    return {
      index,
      name: field('name'),
      zone: field('zone'),
      region: field('region'),
      cidr: field('cidr'),
      ipv6CIDR: field('ipv6CIDR'),
      id: field('id'),
      egress: field('egress'),
      type: field('type'),
      routes: readRoutes(doc, [...at, 'additionalRoutes']),
    };
  });
}

function readTopology(doc: YamlDocument): Topology {
  const at = [...SPEC, 'topology'];
  return {
    masters: text(doc, [...at, 'masters']),
    nodes: text(doc, [...at, 'nodes']),
    bastion: structAt(doc, [...at, 'bastion']),
    idleTimeoutSeconds: intAt(doc, [...at, 'bastion', 'idleTimeoutSeconds']),
    dnsType: text(doc, [...at, 'dns', 'type']),
  };
}

export function readNetworkLayout(doc: YamlDocument): NetworkLayout {
  return {
    clusterName: text(doc, ['metadata', 'name']),
    cloud: text(doc, [...SPEC, 'cloudProvider']),
    networkCIDR: text(doc, [...SPEC, 'networkCIDR']),
    networkID: text(doc, [...SPEC, 'networkID']),
    additionalNetworkCIDRs: listItems(doc, [...SPEC, 'additionalNetworkCIDRs']),
    nonMasqueradeCIDR: text(doc, [...SPEC, 'nonMasqueradeCIDR']),
    podCIDR: text(doc, [...SPEC, 'podCIDR']),
    serviceClusterIPRange: text(doc, [...SPEC, 'serviceClusterIPRange']),
    clusterCIDR: text(doc, [...SPEC, 'kubeControllerManager', 'clusterCIDR']),
    networkingKeys: structKeysAt(doc, [...SPEC, 'networking']),
    ciliumIpam: text(doc, [...SPEC, 'networking', 'cilium', 'ipam']),
    subnets: readSubnets(doc),
    subnetsWritten: nodeAt(doc, [...SPEC, 'subnets']) !== undefined,
    topology: readTopology(doc),
    sshAccess: listItems(doc, [...SPEC, 'sshAccess']),
    kubernetesApiAccess: listItems(doc, [...SPEC, 'kubernetesApiAccess']),
    nodePortAccess: listItems(doc, [...SPEC, 'nodePortAccess']),
    openstackExternalNetwork: isStringValue(nodeAt(doc, [...SPEC, 'cloudConfig', 'openstack', 'router', 'externalNetwork'])),
  };
}

/** kops reads `spec.kubernetesVersion` first and stops at a version it cannot parse (or none it can fill in). */
export const kubernetesVersionText = (doc: YamlDocument): string | undefined => stringAt(doc, [...SPEC, 'kubernetesVersion']);
export const channelSet = (doc: YamlDocument): boolean => stringAt(doc, [...SPEC, 'channel']) !== undefined;
