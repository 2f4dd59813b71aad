import { defaultCiliumVersion } from '../../kops/catalog/ciliumVersions';
import { atLeast, before, type KopsVersion } from '../../kops/releases';
import type { CiliumFacts, ClusterFacts, FilledInKey } from './clusterFacts';
import { isIPv6Only } from './network';

/**
 * The spec as `kops update cluster` validates it: after kops' option builders fill in defaults. Only the
 * defaults that can change a rule's outcome are modelled (pkg/model/components: cilium.go, kubeproxy.go, kubedns.go).
 */

/** kops always fills kubeDNS.serverIP; the rules only ask whether it is set. */
const SERVER_IP_FILLED = 'filled in by kops';

/** Before v1.19 kops left the version to the manifest; the rules see no version then. */
const defaultedCiliumVersion = (c: ClusterFacts, v: KopsVersion): string | undefined =>
  before(v, '1.19') ? undefined : defaultCiliumVersion(v, c.kubernetesVersion);

function defaultMasquerade(cil: CiliumFacts, v: KopsVersion, ipv6: boolean): boolean | undefined {
  if (cil.masquerade !== undefined || before(v, '1.22')) return cil.masquerade;
  const eni = cil.ipam === 'eni';
  if (before(v, '1.23')) return !eni;
  if (before(v, '1.26')) return !ipv6 && !eni;
  return !ipv6;
}

/** A block that is written gets `enabled: true` when it does not say; an absent block is off. */
const enabledBlock = <T extends { enabled?: boolean }>(block: T | undefined): T | { enabled: boolean } =>
  block ? { ...block, enabled: block.enabled ?? true } : { enabled: false };

const enabledFilledIn = (block: { enabled?: boolean } | undefined): boolean => block !== undefined && block.enabled === undefined;

function filledIn(cil: CiliumFacts, out: CiliumFacts, v: KopsVersion): FilledInKey[] {
  const keys: FilledInKey[] = [];
  if (cil.version === undefined && out.version !== undefined) keys.push('version');
  if (cil.masquerade === undefined && out.masquerade !== undefined) keys.push('masquerade');
  if (atLeast(v, '1.19') && enabledFilledIn(cil.hubble)) keys.push('hubble.enabled');
  if (atLeast(v, '1.29') && enabledFilledIn(cil.ingress)) keys.push('ingress.enabled');
  return keys;
}

function defaultCilium(c: ClusterFacts, cil: CiliumFacts, v: KopsVersion): CiliumFacts {
  const ipv6 = isIPv6Only(c);
  const out: CiliumFacts = { ...cil, version: cil.version ?? defaultedCiliumVersion(c, v), masquerade: defaultMasquerade(cil, v, ipv6) };
  out.filledIn = filledIn(cil, out, v);
  if (atLeast(v, '1.19')) out.hubble = enabledBlock(cil.hubble);
  if (atLeast(v, '1.29')) out.ingress = enabledBlock(cil.ingress);
  if (atLeast(v, '1.22')) {
    out.enableL7Proxy = cil.enableL7Proxy ?? true;
    if (cil.enableEncryption && cil.encryptionType === undefined) out.encryptionType = 'ipsec';
  }
  return out;
}

function defaultKubeDNS(c: ClusterFacts, v: KopsVersion): ClusterFacts['kubeDNS'] {
  const local = c.kubeDNS?.nodeLocalDNS;
  const localIP =
    local?.enabled === true && local.localIP === undefined
      ? atLeast(v, '1.23') && isIPv6Only(c)
        ? 'fd00:90de:d95::1'
        : '169.254.20.10'
      : local?.localIP;
  return {
    serverIP: c.kubeDNS?.serverIP ?? SERVER_IP_FILLED,
    nodeLocalDNS: { enabled: local?.enabled ?? false, localIP },
  };
}

export function withKopsDefaults(c: ClusterFacts, v: KopsVersion): ClusterFacts {
  return {
    ...c,
    kubeProxy: c.kubeProxy ?? {},
    kubeDNS: defaultKubeDNS(c, v),
    cilium: c.cilium && defaultCilium(c, c.cilium, v),
  };
}
