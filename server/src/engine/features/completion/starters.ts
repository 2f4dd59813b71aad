/**
 * The whole-file starters offered in an empty YAML file, in VS Code snippet syntax (`npm run gen:starters` writes
 * them to snippets/kops-starters.json for other editors' snippet tools). Written for the newest kops: a spec
 * `kops create -f` takes as it is, shaped like the v1alpha2 spec `kops create cluster` writes for one AWS zone
 * (kops v1.36.2, tests/integration/create_cluster/minimal-1.36/expected-v1alpha2.yaml), with Cilium networking.
 */

export interface Starter {
  /** The snippet's name in the snippet file. */
  name: string;
  /** What the user types to pick it. */
  prefix: string;
  description: string;
  /** Snippet syntax; a tabstop repeated with its default is one linked placeholder. */
  text: string;
}

const CLUSTER_NAME = '${1:demo.example.com}';
const ZONE = '${2:us-east-1a}';
/** The Kubernetes release the stable channel of kops v1.36.2 recommends. */
const KUBERNETES_VERSION = '${3:v1.35.5}';

const etcdCluster = (name: string, cpuRequest: string): string => `  - cpuRequest: ${cpuRequest}
    etcdMembers:
    - encryptedVolume: true
      instanceGroup: control-plane-${ZONE}
      name: a
    manager:
      backupRetentionDays: 90
    memoryRequest: 100Mi
    name: ${name}
`;

const CLUSTER = `apiVersion: kops.k8s.io/v1alpha2
kind: Cluster
metadata:
  name: ${CLUSTER_NAME}
spec:
  api:
    loadBalancer:
      class: Network
      type: Public
  authorization:
    rbac: {}
  channel: stable
  cloudProvider: aws
  etcdClusters:
${etcdCluster('main', '200m')}${etcdCluster('events', '100m')}  iam:
    allowContainerRegistry: true
    legacy: false
  kubelet:
    anonymousAuth: false
  kubernetesApiAccess:
  - 0.0.0.0/0
  - ::/0
  kubernetesVersion: ${KUBERNETES_VERSION}
  networkCIDR: 172.20.0.0/16
  networking:
    cilium: {}
  nonMasqueradeCIDR: 100.64.0.0/10
  sshAccess:
  - 0.0.0.0/0
  - ::/0
  subnets:
  - cidr: 172.20.32.0/19
    name: ${ZONE}
    type: Public
    zone: ${ZONE}
  topology:
    dns:
      type: None
`;

const instanceGroup = (clusterName: string, name: string, spec: string): string => `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  labels:
    kops.k8s.io/cluster: ${clusterName}
  name: ${name}
spec:
${spec}`;

const groupSpec = (name: string, role: string, machineType: string, size: string, subnet: string): string => `  machineType: ${machineType}
  maxSize: ${size}
  minSize: ${size}
  nodeLabels:
    kops.k8s.io/instancegroup: ${name}
  role: ${role}
  subnets:
  - ${subnet}
`;

const CONTROL_PLANE_GROUP = `control-plane-${ZONE}`;
const NODES_GROUP = `nodes-${ZONE}`;

const CLUSTER_WITH_GROUPS = [
  CLUSTER,
  instanceGroup(CLUSTER_NAME, CONTROL_PLANE_GROUP, groupSpec(CONTROL_PLANE_GROUP, 'Master', '${4:t3.medium}', '1', ZONE)),
  instanceGroup(CLUSTER_NAME, NODES_GROUP, groupSpec(NODES_GROUP, 'Node', '${5:t3.medium}', '${6:2}', ZONE)),
].join('---\n');

const STANDALONE_GROUP_NAME = '${2:nodes-us-east-1a}';
const STANDALONE_GROUP = instanceGroup(
  '${1:demo.example.com}',
  STANDALONE_GROUP_NAME,
  groupSpec(STANDALONE_GROUP_NAME, '${5|Node,Master,APIServer,Bastion|}', '${3:t3.medium}', '${4:2}', '${6:us-east-1a}'),
);

export const STARTERS: readonly Starter[] = [
  {
    name: 'kops Cluster with Cilium and its InstanceGroups',
    prefix: 'kops-cluster',
    description: 'A whole kops spec: an AWS Cluster with Cilium networking, a control-plane and a nodes InstanceGroup in one zone.',
    text: `${CLUSTER_WITH_GROUPS}$0`,
  },
  {
    name: 'kops InstanceGroup',
    prefix: 'kops-instancegroup',
    description: 'An InstanceGroup of an existing kops Cluster (its kops.k8s.io/cluster label names the Cluster).',
    text: `${STANDALONE_GROUP}$0`,
  },
];

/** The starters as a VS Code snippet file (`body` one string per line). */
export function starterSnippetFile(): Record<string, { prefix: string; description: string; isFileTemplate: true; body: string[] }> {
  return Object.fromEntries(
    STARTERS.map((s) => [s.name, { prefix: s.prefix, description: s.description, isFileTemplate: true, body: s.text.split('\n') }]),
  );
}
