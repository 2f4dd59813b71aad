import { ciliumField } from '../../kops/catalog/ciliumFields';
import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath, type Dialect } from '../../kops/dialect';
import { eraOf, inEra, type Era } from '../../kops/eras';
import { isIPv6Only } from './network';
import type { Violation } from './violation';

/**
 * ENI IPAM rules: AWS only, IPv4 only, and a masquerade requirement that flipped three times. kops names the
 * field `disableMasquerade` up to v1.22 and by its internal name `masquerade` from v1.23 (from the catalog).
 */

const IPAM_PATH = 'spec.networking.cilium.ipam';
const ENI_IPV6: Era = { from: '1.22' };

interface MasqueradeEra extends Era {
  /** Whether kops rejects this internal masquerade value (undefined = not written). */
  fails: (masquerade: boolean | undefined) => boolean;
  detail: string;
  /** `filledIn`: kops' default, not the spec, set the value that fails. */
  advice: (d: Dialect, filledIn: boolean) => string;
}

const DISABLED = 'Masquerade must be disabled when ENI IPAM is used';
const ENABLED = 'Masquerade must be enabled when ENI IPAM is used';
const turnOff = (d: Dialect): string => (d.inverted ? 'set disableMasquerade: true' : 'set masquerade: false');
const dropExplicitOn = (d: Dialect): string => (d.inverted ? 'remove disableMasquerade: false' : 'remove masquerade: true');
const dropExplicitOff = (d: Dialect, filledIn: boolean): string =>
  filledIn
    ? d.inverted
      ? 'set disableMasquerade: false'
      : 'set masquerade: true'
    : d.inverted
      ? 'remove disableMasquerade: true'
      : 'remove masquerade: false';

const MASQUERADE_ERAS: readonly MasqueradeEra[] = [
  { from: '1.18', until: '1.22', fails: (m) => m !== false, detail: DISABLED, advice: turnOff },
  { from: '1.22', until: '1.26', fails: (m) => m === true, detail: DISABLED, advice: dropExplicitOn },
  { from: '1.26', until: '1.36', fails: (m) => m === false, detail: ENABLED, advice: dropExplicitOff },
];

function masqueradeViolation(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  const era = eraOf(v, MASQUERADE_ERAS);
  if (!era || !era.fails(cil.masquerade)) return [];
  const wants = era.detail === ENABLED ? 'masquerading on' : 'masquerading off';
  const filledIn = cil.filledIn?.includes('masquerade') === true;
  return [
    {
      code: 'cilium-eni-masquerade',
      at: ciliumPath(c.dialect, c.dialect.masqueradeKey),
      anchors: [ciliumPath(c.dialect, 'ipam')],
      type: 'Forbidden',
      kopsPath: `spec.networking.cilium.${ciliumField(v, 'disableMasquerade')?.internalName ?? 'disableMasquerade'}`,
      detail: era.detail,
      message: `kops ${v.text} needs ${wants} for ENI IPAM, v1.36 and newer accept either: ${era.advice(c.dialect, filledIn)}.`,
      whenDefaulted: filledIn ? 'kops update cluster turns it off on IPv6' : undefined,
    },
  ];
}

export function eniRules(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Violation[] {
  if (cil.ipam !== 'eni') return [];
  const at = ciliumPath(c.dialect, 'ipam');
  const out: Violation[] = [];
  if (c.cloudProvider !== 'aws') {
    out.push({
      code: 'cilium-eni-aws-only',
      at,
      type: 'Forbidden',
      kopsPath: IPAM_PATH,
      detail: 'Cilum ENI IPAM is supported only in AWS',
      message: `kops ${v.text} runs Cilium ENI IPAM only on AWS${c.cloudProvider ? `, not ${c.cloudProvider}` : ' (no cloudProvider is set)'}: use another ipam mode, e.g. kubernetes.`,
    });
  }
  if (inEra(v, ENI_IPV6) && isIPv6Only(c)) {
    out.push({
      code: 'cilium-eni-ipv6',
      at,
      type: 'Forbidden',
      kopsPath: IPAM_PATH,
      detail: 'Cilium ENI IPAM does not support IPv6',
      message: `kops ${v.text} runs Cilium ENI IPAM only on IPv4 clusters (nonMasqueradeCIDR is ${c.nonMasqueradeCIDR}): use ipam: kubernetes.`,
    });
  }
  out.push(...masqueradeViolation(c, cil, v));
  return out;
}
