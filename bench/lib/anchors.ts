// Anchor/alias-heavy variants of kops documents for the `anchors` fixture: repeated subtrees become
// anchors + aliases, repeated etcd clusters use a `<<` merge key (kops' YAML decoder honours merges).
import YAML, { YAMLMap, isMap, isSeq } from 'yaml';

type Plain = unknown;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Makes structurally equal collections the same object, so the YAML writer emits `&anchor` / `*alias`. */
function shareDuplicates(value: Plain, seen: Map<string, Plain>): Plain {
  if (!Array.isArray(value) && !isObject(value)) return value;
  const shared = Array.isArray(value)
    ? value.map((v) => shareDuplicates(v, seen))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shareDuplicates(v, seen)]));
  const key = JSON.stringify(value);
  if (key.length < 12) return shared; // tiny collections read better inline
  const prior = seen.get(key);
  if (prior !== undefined) return prior;
  seen.set(key, shared);
  return shared;
}

/** `etcdClusters[1..]` become `<<: *etcd` plus the fields that differ from the first cluster. */
function mergeEtcdClusters(doc: YAML.Document, plain: Record<string, unknown>): void {
  const seq = doc.getIn(['spec', 'etcdClusters'], true);
  const clusters = (plain.spec as Record<string, unknown> | undefined)?.etcdClusters as Array<Record<string, unknown>> | undefined;
  if (!isSeq(seq) || !clusters || seq.items.length < 2) return;
  const first = seq.items[0];
  if (!isMap(first)) return;
  seq.items = seq.items.map((item, i) => {
    if (i === 0 || !isMap(item)) return item;
    const merged = new YAMLMap();
    merged.items.push(doc.createPair('<<', doc.createAlias(first, 'etcd')));
    for (const pair of item.items) {
      const key = String((pair.key as YAML.Scalar).value);
      if (JSON.stringify(clusters[i][key]) !== JSON.stringify(clusters[0][key])) merged.items.push(pair);
    }
    return merged;
  });
}

export function anchoredCluster(text: string): string {
  const plain = YAML.parse(text) as Record<string, unknown>;
  const doc = new YAML.Document(shareDuplicates(plain, new Map()));
  mergeEtcdClusters(doc, plain);
  // kops decodes YAML 1.1, where an unquoted date is a timestamp: keep them strings, as in the source
  YAML.visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d\d-\d\d/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

const MACHINE_TYPES = ['m6i.large', 'm6a.large', 'c6i.xlarge', 'r6i.large'];

export function anchoredInstanceGroup(cluster: string, k: number): string {
  const type = MACHINE_TYPES[k % MACHINE_TYPES.length];
  const alternative = MACHINE_TYPES[(k + 1) % MACHINE_TYPES.length];
  return `apiVersion: kops.k8s.io/v1alpha2
kind: InstanceGroup
metadata:
  labels: &cluster
    kops.k8s.io/cluster: ${cluster}
  name: nodes-${k}
spec:
  cloudLabels: &cloudLabels
    <<: *cluster
    cost-center: cc-4711
    team: platform
  image: 099720109477/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260218
  machineType: &machineType ${type}
  maxSize: ${4 + (k % 3)}
  minSize: &minSize ${1 + (k % 2)}
  mixedInstancesPolicy:
    instances:
    - *machineType
    - ${alternative}
    onDemandAboveBase: 0
    onDemandBase: *minSize
    spotAllocationStrategy: capacity-optimized
  nodeLabels:
    <<: *cloudLabels
    kops.k8s.io/instancegroup: nodes-${k}
  role: Node
  rootVolumeEncryption: true
  rootVolumeSize: &volumeSize 64
  rootVolumeType: &volumeType gp3
  subnets:
  - eu-west-1a
  - eu-west-1b
  - eu-west-1c
  volumes:
  - device: /dev/xvdd
    encrypted: true
    size: *volumeSize
    type: *volumeType
`;
}
