import { atLeast, before, type KopsVersion } from '../server/src/engine';

/**
 * Snippets for the scenarios of the kops Cilium guide, written for a given kops release (the ENI masquerade
 * rule, WireGuard and Hubble's cert-manager requirement changed between releases). Bodies are VS Code
 * snippet lines at the level of `spec:`'s keys, indented with two spaces per level.
 */
export interface ScenarioSnippet {
  name: string;
  prefix: string;
  description: string;
  body: string[];
}

const IG = '${2:control-plane-us-east-1a}';
const MEMBER = '${1:a}';

const withFinalTabstop = (lines: string[]): string[] => lines.map((l, i) => (i === lines.length - 1 ? `${l}$0` : l));

const networking = (lines: string[]): string[] => ['networking:', '  cilium:', ...lines.map((l) => `    ${l}`)];

function etcdCluster(name: string, extra: string[] = []): string[] {
  return [`- name: ${name}`, '  etcdMembers:', `  - name: ${MEMBER}`, `    instanceGroup: ${IG}`, ...extra];
}

function withEtcd(v: KopsVersion): string[] {
  const compaction = atLeast(v, '1.22')
    ? [
        '  manager:',
        '    env:',
        '    - name: ETCD_AUTO_COMPACTION_MODE',
        '      value: revision',
        '    - name: ETCD_AUTO_COMPACTION_RETENTION',
        '      value: "2500"',
      ]
    : [];
  return [
    'etcdClusters:',
    ...etcdCluster('main'),
    ...etcdCluster('events'),
    ...etcdCluster('cilium', compaction),
    ...networking(['etcdManaged: true$0']),
  ];
}

function eni(v: KopsVersion): ScenarioSnippet {
  const masquerade = before(v, '1.22') ? ['disableMasquerade: true'] : [];
  const note = before(v, '1.22') ? ' (masquerading off, as this kops release requires)' : '';
  return {
    name: 'kops Cilium: ENI IPAM (AWS)',
    prefix: 'kops-cilium-eni',
    description: `Cilium allocating pod IPs from AWS ENIs${note}. AWS and IPv4 only.`,
    body: networking(withFinalTabstop(['ipam: eni', ...masquerade])),
  };
}

function encryption(v: KopsVersion, type: 'ipsec' | 'wireguard'): string[] {
  if (type === 'ipsec' && before(v, '1.22')) return networking(['enableEncryption: true$0']);
  const l7 = type === 'wireguard' && before(v, '1.29') ? ['enableL7Proxy: false'] : [];
  return networking(['enableEncryption: true', ...l7, `encryptionType: ${type}$0`]);
}

function hubble(v: KopsVersion): string[] {
  const certManager = atLeast(v, '1.20.1') ? ['certManager:', '  enabled: true'] : [];
  return [...certManager, ...networking(['hubble:', '  enabled: true$0'])];
}

export function ciliumScenarioSnippets(v: KopsVersion): ScenarioSnippet[] {
  const out: ScenarioSnippet[] = [
    {
      name: 'kops Cilium: basic',
      prefix: 'kops-cilium',
      description: 'Cilium networking with kops defaults.',
      body: ['networking:', '  cilium: {}$0'],
    },
    {
      name: 'kops Cilium: own etcd (etcdManaged)',
      prefix: 'kops-cilium-etcd',
      description: 'Cilium keeping its state in a dedicated etcd cluster named `cilium`, members on the same instance groups as `main`.',
      body: withEtcd(v),
    },
    eni(v),
    {
      name: 'kops Cilium: kube-proxy replacement (NodePort)',
      prefix: 'kops-cilium-nodeport',
      description: 'Cilium eBPF NodePort instead of kube-proxy (nodes need Linux 4.19.57 or newer).',
      body: ['kubeProxy:', '  enabled: false', ...networking(['enableNodePort: true$0'])],
    },
    {
      name: 'kops Cilium: IPsec encryption',
      prefix: 'kops-cilium-ipsec',
      description: 'Transparent IPsec encryption. Create the key secret first: run "kops: Generate Cilium IPsec key".',
      body: encryption(v, 'ipsec'),
    },
  ];
  if (atLeast(v, '1.22')) {
    out.push({
      name: 'kops Cilium: WireGuard encryption',
      prefix: 'kops-cilium-wireguard',
      description: 'Transparent WireGuard encryption (no secret needed).',
      body: encryption(v, 'wireguard'),
    });
  }
  out.push({
    name: 'kops Cilium: Hubble with cert-manager',
    prefix: 'kops-cilium-hubble',
    description: 'Hubble observability; kops issues its TLS certificates through cert-manager.',
    body: hubble(v),
  });
  return out;
}

/** The VS Code snippet file content (`snippets/kops-cilium.json`) for a kops release. */
export function snippetFile(v: KopsVersion): Record<string, { prefix: string; description: string; body: string[] }> {
  return Object.fromEntries(ciliumScenarioSnippets(v).map((s) => [s.name, { prefix: s.prefix, description: s.description, body: s.body }]));
}
