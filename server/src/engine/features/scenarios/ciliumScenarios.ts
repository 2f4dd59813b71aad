import type { KopsApiVersion } from '../../document/documents';
import { ciliumField } from '../../kops/catalog/ciliumFields';
import { isInverted, keyAsWritten } from '../../kops/ciliumNaming';
import { CILIUM_PATH } from '../../kops/dialect';
import { atLeast, before, type KopsVersion } from '../../kops/releases';
import type { PathSegment } from '../../types';

/**
 * The scenarios of the kops Cilium guide as changes to a Cluster spec, written for one kops release and API
 * version: ENI turned masquerading off before v1.22, WireGuard came in v1.22 and needed the L7 proxy off until
 * v1.29, IPsec took no encryptionType before v1.22, Hubble needs cert-manager since v1.20.1 and the `cilium`
 * etcd cluster gets auto-compaction since v1.22 (features/etcd writes it).
 */

export type ScenarioId = 'basic' | 'etcd' | 'eni' | 'nodeport' | 'ipsec' | 'wireguard' | 'hubble';

export type ScenarioChange =
  /** Sets a scalar, creating the missing parents. */
  | { kind: 'set'; path: PathSegment[]; value: string }
  /** `networking.cilium: {}` unless a Cilium block is there. */
  | { kind: 'ciliumBlock' }
  /** The `cilium` etcd cluster mirroring `main`, and `etcdManaged: true`. */
  | { kind: 'ciliumEtcd' };

export interface CiliumScenario {
  id: ScenarioId;
  label: string;
  title: string;
  summary: string;
  changes: ScenarioChange[];
}

/** A Cilium key as this API version writes it (`hubble.enabled` → ['hubble', 'enabled']), its boolean flipped where inverted. */
function ciliumSet(v: KopsVersion, api: KopsApiVersion, path: string, value: string): ScenarioChange | undefined {
  const field = ciliumField(v, path);
  const written = field && keyAsWritten(field, api);
  if (!field || !written) return undefined;
  const parents = path.split('.').slice(0, -1);
  const flipped = isInverted(field, api) ? String(value !== 'true') : value;
  return { kind: 'set', path: [...CILIUM_PATH, ...parents, written], value: flipped };
}

function scenario(id: ScenarioId, title: string, summary: string, changes: Array<ScenarioChange | undefined>): CiliumScenario | undefined {
  if (changes.some((c) => c === undefined)) return undefined;
  return { id, label: id === 'basic' ? 'kops-cilium' : `kops-cilium-${id}`, title, summary, changes: changes as ScenarioChange[] };
}

function encryption(v: KopsVersion, api: KopsApiVersion, type: 'ipsec' | 'wireguard'): Array<ScenarioChange | undefined> {
  const enable = ciliumSet(v, api, 'enableEncryption', 'true');
  if (type === 'ipsec' && before(v, '1.22')) return [enable];
  const l7 = type === 'wireguard' && before(v, '1.29') ? [ciliumSet(v, api, 'enableL7Proxy', 'false')] : [];
  return [enable, ...l7, ciliumSet(v, api, 'encryptionType', type)];
}

/** Every scenario this kops release and API version can express, in the guide's order. */
export function ciliumScenarios(v: KopsVersion, api: KopsApiVersion): CiliumScenario[] {
  const eniMasquerade = before(v, '1.22') ? [ciliumSet(v, api, 'disableMasquerade', 'true')] : [];
  const certManager = atLeast(v, '1.20.1') ? [{ kind: 'set' as const, path: ['spec', 'certManager', 'enabled'], value: 'true' }] : [];
  const all = [
    scenario('basic', 'Cilium networking', 'Cilium with the kops defaults.', [{ kind: 'ciliumBlock' }]),
    scenario(
      'etcd',
      'Cilium with its own etcd',
      'Cilium keeps its state in an etcd cluster named `cilium`, on the same members as `main`.',
      [{ kind: 'ciliumEtcd' }],
    ),
    scenario('eni', 'Cilium ENI IPAM (AWS)', 'Pods get their addresses from AWS ENIs.', [
      ciliumSet(v, api, 'ipam', 'eni'),
      ...eniMasquerade,
    ]),
    scenario(
      'nodeport',
      'Cilium kube-proxy replacement',
      'Cilium eBPF NodePort instead of kube-proxy (nodes need Linux 4.19.57 or newer).',
      [{ kind: 'set', path: ['spec', 'kubeProxy', 'enabled'], value: 'false' }, ciliumSet(v, api, 'enableNodePort', 'true')],
    ),
    scenario(
      'ipsec',
      'Cilium IPsec encryption',
      'Transparent IPsec between nodes; create the key first ("kops: Generate Cilium IPsec key").',
      [...encryption(v, api, 'ipsec')],
    ),
    atLeast(v, '1.22')
      ? scenario(
          'wireguard',
          'Cilium WireGuard encryption',
          'Transparent WireGuard between nodes (no secret needed).',
          encryption(v, api, 'wireguard'),
        )
      : undefined,
    scenario('hubble', 'Cilium Hubble', 'Hubble flow visibility; kops issues its certificates through cert-manager.', [
      ...certManager,
      ciliumSet(v, api, 'hubble.enabled', 'true'),
    ]),
  ];
  return all.filter((s): s is CiliumScenario => s !== undefined);
}
