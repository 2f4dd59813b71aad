import { ciliumField } from '../../kops/catalog/ciliumFields';
import type { KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts } from './clusterFacts';
import { ciliumPath } from '../../kops/dialect';
import { inAnyEra, inEra, type Era } from '../../kops/eras';
import { BPF_LB_SOCK } from './ciliumFeatures';
import type { Warning } from './violation';

/**
 * Warnings kops cannot give: the spec passes this kops release, but only because of a default or a rule that
 * changed between releases, so upgrading kops changes behaviour or starts rejecting it.
 */

/** ENI masquerading defaults to off here and turns on by default from v1.26. */
const ENI_MASQUERADE_OFF_BY_DEFAULT: Era = { from: '1.22', until: '1.26' };

function eniMasquerade(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Warning[] {
  if (cil.ipam !== 'eni' || !inEra(v, ENI_MASQUERADE_OFF_BY_DEFAULT)) return [];
  const key = c.dialect.masqueradeKey;
  if (cil.masquerade === undefined) {
    return [
      {
        code: 'compat-eni-masquerade-default',
        at: ciliumPath(c.dialect, 'ipam'),
        message: `kops ${v.text} turns ENI masquerading off by default, kops v1.26 and newer turn it on (SNAT of traffic leaving the VPC): set ${key} explicitly.`,
      },
    ];
  }
  if (cil.masquerade === false) {
    const written = c.dialect.inverted ? 'disableMasquerade: true' : 'masquerade: false';
    return [
      {
        code: 'compat-eni-masquerade-upgrade',
        at: ciliumPath(c.dialect, key),
        message: `kops ${v.text} accepts ${written} with ENI IPAM but kops v1.26 to v1.35 reject it: remove it before upgrading, or upgrade straight to v1.36.`,
      },
    ];
  }
  return [];
}

function socketLBHostNamespace(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): Warning[] {
  if (!cil.bpfLBSockHostNSOnly || cil.bpfLBSock || inAnyEra(v, BPF_LB_SOCK)) return [];
  if (!ciliumField(v, 'bpfLBSockHostNSOnly')) return [];
  return [
    {
      code: 'compat-bpflbsock-hostns',
      at: ciliumPath(c.dialect, 'bpfLBSockHostNSOnly'),
      message: `kops ${v.text} accepts bpfLBSockHostNSOnly: true alone but v1.34.3, v1.35.1 and later need bpfLBSock: true too: add it when you upgrade kops.`,
    },
  ];
}

export function compatWarnings(c: ClusterFacts, v: KopsVersion): Warning[] {
  const cil = c.cilium;
  if (!cil) return [];
  return [...eniMasquerade(c, cil, v), ...socketLBHostNamespace(c, cil, v)];
}
