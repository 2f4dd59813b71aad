import { atLeast, type KopsVersion } from '../../kops/releases';
import type { PathSegment } from '../../types';

/**
 * Safe sequences for changes that disrupt a running cluster, as short markdown with copyable commands.
 * The hover shows them on the key; a code action can open the same text.
 */

export type MigrationTopic = 'nodePort' | 'ipam' | 'encryption' | 'etcd';

const TOPIC_BY_PATH: Record<string, MigrationTopic> = {
  'spec.networking.cilium.enableNodePort': 'nodePort',
  'spec.kubeProxy.enabled': 'nodePort',
  'spec.networking.cilium.ipam': 'ipam',
  'spec.networking.cilium.enableEncryption': 'encryption',
  'spec.networking.cilium.encryptionType': 'encryption',
  'spec.networking.cilium.etcdManaged': 'etcd',
};

const bash = (lines: string[]): string => ['```bash', ...lines, '```'].join('\n');

function nameFlag(clusterName: string | undefined): string {
  return clusterName && /^[A-Za-z0-9.-]+$/.test(clusterName) ? ` --name ${clusterName}` : '';
}

function nodePortGuide(name: string): string {
  return [
    '**Turning on Cilium NodePort (kube-proxy replacement) on a running cluster**',
    '',
    'Nodes need Linux **≥ 4.19.57** (check your image). Set `enableNodePort: true` and `spec.kubeProxy.enabled: false` together, then:',
    '',
    bash([
      `kops update cluster${name}            # preview`,
      `kops update cluster${name} --yes`,
      'kubectl -n kube-system rollout restart ds/cilium   # before rolling the nodes',
      `kops rolling-update cluster${name} --yes`,
    ]),
    '',
    'Turning it off again is disruptive: every instance has to be replaced without draining (`kops rolling-update cluster --cloudonly --yes`); plan downtime.',
  ].join('\n');
}

function ipamGuide(name: string): string {
  return [
    '**Changing Cilium IPAM on a running cluster**',
    '',
    'The IPAM mode decides how pods get addresses, so existing pods keep addresses from the old mode. Treat it as a re-create, or at least a full roll of every node:',
    '',
    bash([
      `kops update cluster${name} --yes`,
      'kubectl -n kube-system rollout restart ds/cilium',
      `kops rolling-update cluster${name} --force --yes`,
    ]),
    '',
    '`ipam: eni` is AWS only and IPv4 only.',
  ].join('\n');
}

function encryptionGuide(name: string, v: KopsVersion): string {
  const wireGuard = atLeast(v, '1.22')
    ? '\n\nWireGuard (`encryptionType: wireguard`) needs no secret: set the fields, then update and roll as below.'
    : '';
  return [
    '**Enabling Cilium encryption on a running cluster** (IPv4 only)',
    '',
    'For IPsec, create the key secret **first** (`kops update cluster` fails when it is missing). The command *kops: Generate Cilium IPsec key* creates it without showing the key; by hand, feed the key on standard input:',
    '',
    bash([
      `kops create secret ciliumpassword -f -${name} < cilium-ipsec-keys.yaml`,
      `kops update cluster${name} --yes`,
      `kops rolling-update cluster${name} --yes`,
    ]),
    '',
    `To rotate the key later, run the same \`create secret\` command with \`--force\`, then update and roll again.${wireGuard}`,
  ].join('\n');
}

function etcdGuide(name: string): string {
  return [
    "**Moving a running cluster to Cilium's own etcd** (`etcdManaged: true`)",
    '',
    'Bring the `cilium` etcd cluster up before Cilium uses it: first add only the `etcdClusters` entry named `cilium` (members on the same instance groups as `main`), then:',
    '',
    bash([`kops update cluster${name} --yes`, `kops rolling-update cluster${name} --force --yes`]),
    '',
    'Then set `etcdManaged: true` (optionally `identityAllocationMode: kvstore`) and run the same two commands again. New clusters can start this way with `kops create cluster --networking cilium-etcd`.',
  ].join('\n');
}

/** The topic of a v1alpha2 path (segments or `a.b.c` text), if changing it needs a migration sequence. */
export function migrationTopic(path: readonly PathSegment[] | string): MigrationTopic | undefined {
  const text = typeof path === 'string' ? path : path.join('.');
  return TOPIC_BY_PATH[text];
}

/** Markdown guide for changing `path` on a running cluster, or undefined when the change is not disruptive. */
export function migrationGuide(path: readonly PathSegment[] | string, v: KopsVersion, clusterName?: string): string | undefined {
  const topic = migrationTopic(path);
  const name = nameFlag(clusterName);
  switch (topic) {
    case 'nodePort':
      return nodePortGuide(name);
    case 'ipam':
      return ipamGuide(name);
    case 'encryption':
      return encryptionGuide(name, v);
    case 'etcd':
      return etcdGuide(name);
    default:
      return undefined;
  }
}
