import { ciliumField } from '../../kops/catalog/ciliumFields';
import type { FindingCode } from '../../findingCodes';
import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath } from '../../kops/dialect';
import { filledInClause, supportedValuesDetail, type Violation } from './violation';

/**
 * Enumerations kops enforces inside the Cilium block. Which keys are checked, and their value lists per kops
 * release, come from the catalog; a key the catalog does not know at `v` is dropped by kops' decoder unchecked.
 */

type EnumKey =
  | 'enablePolicy'
  | 'tunnel'
  | 'monitorAggregation'
  | 'identityAllocationMode'
  | 'bpfLBAlgorithm'
  | 'encryptionType'
  | 'containerRuntimeLabels'
  | 'ipam';

const KEYS: readonly EnumKey[] = [
  'enablePolicy',
  'tunnel',
  'monitorAggregation',
  'identityAllocationMode',
  'bpfLBAlgorithm',
  'encryptionType',
  'containerRuntimeLabels',
  'ipam',
];

const CODES: Record<EnumKey | 'ingress.defaultLoadBalancerMode', FindingCode> = {
  enablePolicy: 'cilium-enum-enablepolicy',
  tunnel: 'cilium-enum-tunnel',
  monitorAggregation: 'cilium-enum-monitoraggregation',
  identityAllocationMode: 'cilium-enum-identityallocationmode',
  bpfLBAlgorithm: 'cilium-enum-bpflbalgorithm',
  encryptionType: 'cilium-enum-encryptiontype',
  containerRuntimeLabels: 'cilium-enum-containerruntimelabels',
  ipam: 'cilium-enum-ipam',
  'ingress.defaultLoadBalancerMode': 'cilium-enum-ingress-lbmode',
};

function enumViolation(
  c: ClusterFacts,
  cil: CiliumFacts,
  v: KopsVersion,
  path: keyof typeof CODES,
  value: string | undefined,
): Violation[] {
  if (value === undefined) return [];
  const field = ciliumField(v, path);
  const values = field?.enumEnforced ? field.enumValues : undefined;
  if (!values || values.includes(value)) return [];
  const extra = path === 'ipam' && !values.includes('kubernetes') ? ' (kops v1.19 added hostscope and kubernetes)' : '';
  return [
    {
      code: CODES[path],
      at: ciliumPath(c.dialect, ...path.split('.')),
      type: 'NotSupported',
      kopsPath: `spec.networking.cilium.${path}`,
      detail: supportedValuesDetail(values),
      message: `kops ${v.text} rejects ${path} "${value}": use ${values.join(', ')}${extra}.`,
      whenDefaulted: path.startsWith('ingress.') ? filledInClause(cil, ['ingress.enabled']) : undefined,
    },
  ];
}

export function enumRules(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  const out = KEYS.flatMap((key) => enumViolation(c, cil, v, key, cil[key]));
  if (cil.ingress?.enabled === true)
    out.push(...enumViolation(c, cil, v, 'ingress.defaultLoadBalancerMode', cil.ingress.defaultLoadBalancerMode));
  return out;
}
