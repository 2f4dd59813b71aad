import { eraOf, inEra, type Era } from '../../../kops/eras';
import { stringAt } from '../../../kops/goValues';
import { supportedValuesDetail, type Violation } from '../violation';
import { kubernetesAtLeast, providerPath, rejection, shown, unsupportedValue, type NetworkingScope } from './scope';

/** kops' validateNetworkingFlannel and validateNetworkingCanal, and the releases that turned them away. */

const FLANNEL_BACKENDS = ['udp', 'vxlan'];
const IPV6_CHECKED: Era = { from: '1.23' };

function forbidden(provider: string, detail: string, message: string): Violation {
  return rejection({ at: providerPath(provider), type: 'Forbidden', kopsPath: `spec.networking.${provider}`, detail, message });
}

const noIPv6 = (s: NetworkingScope, provider: string, name: string): Violation[] =>
  inEra(s.v, IPV6_CHECKED) && s.ipv6Only
    ? [
        forbidden(
          provider,
          `${name} does not support IPv6`,
          `kops ${s.v.text} does not run ${name} on an IPv6-only cluster: use calico or cilium.`,
        ),
      ]
    : [];

/**
 * How a release treats a provider it retired for newer Kubernetes: `gated` rejects it from that Kubernetes minor
 * on and validates it below; `dropped` always rejects it.
 */
interface Retirement extends Era {
  kind: 'gated' | 'dropped';
  minor: number;
  detail: string;
}

function retired(s: NetworkingScope, provider: string, name: string, eras: readonly Retirement[]): Violation[] | 'validate' | 'unknown' {
  const era = eraOf(s.v, eras);
  const newer = era && (era.kind === 'dropped' || kubernetesAtLeast(s, era.minor));
  if (era && newer === undefined) return 'unknown';
  if (!era || !newer) return 'validate';
  const message =
    era.kind === 'dropped'
      ? `kops ${s.v.text} no longer supports ${name}: move the cluster to another provider such as calico or cilium.`
      : `kops ${s.v.text} does not run ${name} with Kubernetes 1.${era.minor} or newer: move the cluster to calico or cilium.`;
  return [forbidden(provider, era.detail, message)];
}

const FLANNEL_RETIRED: readonly Retirement[] = [
  { from: '1.28', until: '1.32', kind: 'gated', minor: 28, detail: 'Flannel is not supported for Kubernetes >= 1.28' },
];

export function flannelRules(s: NetworkingScope): Violation[] {
  if (!s.has('flannel')) return [];
  const outcome = retired(s, 'flannel', 'Flannel', FLANNEL_RETIRED);
  if (outcome !== 'validate') return outcome === 'unknown' ? [] : outcome;
  const at = providerPath('flannel', 'backend');
  // kops' v1alpha2 decoding fills an empty backend with "udp", so its Required check cannot fire on a document.
  const backend = stringAt(s.doc, at) ?? 'udp';
  const badBackend = FLANNEL_BACKENDS.includes(backend)
    ? []
    : [
        rejection({
          at,
          type: 'NotSupported',
          kopsPath: 'spec.networking.flannel.backend',
          detail: supportedValuesDetail(FLANNEL_BACKENDS),
          message: `kops ${s.v.text} runs Flannel with backend udp or vxlan, not ${shown(backend)}: pick one of them.`,
        }),
      ];
  return [...noIPv6(s, 'flannel', 'Flannel'), ...badBackend];
}

const CANAL_RETIRED: readonly Retirement[] = [
  { from: '1.22', until: '1.22.2', kind: 'gated', minor: 22, detail: 'Canal is supported only for Kubernetes 1.21 and lower' },
  { from: '1.28', until: '1.34', kind: 'gated', minor: 28, detail: 'Canal is not supported for Kubernetes >= 1.28' },
  { from: '1.34', kind: 'dropped', minor: 28, detail: 'Canal is not supported for Kubernetes >= 1.28' },
];

const CANAL_VALUES: ReadonlyArray<[string, string[]]> = [
  ['defaultEndpointToHostAction', ['ACCEPT', 'DROP', 'RETURN']],
  ['chainInsertMode', ['insert', 'append']],
  ['logSeveritySys', ['INFO', 'DEBUG', 'WARNING', 'ERROR', 'CRITICAL', 'NONE']],
  ['iptablesBackend', ['Auto', 'Legacy', 'NFT']],
];

export function canalRules(s: NetworkingScope): Violation[] {
  if (!s.has('canal')) return [];
  const outcome = retired(s, 'canal', 'Canal', CANAL_RETIRED);
  const settings = CANAL_VALUES.flatMap(([key, values]) => unsupportedValue(s, 'canal', key, values));
  // v1.22.0 and v1.22.1 validate the settings and then reject Kubernetes 1.22 and newer.
  if (inEra(s.v, CANAL_RETIRED[0])) return Array.isArray(outcome) ? [...settings, ...outcome] : settings;
  if (outcome !== 'validate') return outcome === 'unknown' ? [] : outcome;
  return [...noIPv6(s, 'canal', 'Canal'), ...settings];
}
