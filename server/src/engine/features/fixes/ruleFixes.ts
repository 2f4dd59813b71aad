import { isMap } from 'yaml';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import { stringAt } from '../../kops/goValues';
import { eraOf } from '../../kops/eras';
import type { PathSegment } from '../../types';
import { keyName, nodeAt } from '../../document/yamlNav';
import { fix, parsePath, titlePart, type FixContext, type Fixer } from './context';

/** Quick fixes for kops' Cilium combination rules: each names the one setting that satisfies the rule. */

const cilium = (ctx: FixContext, ...rest: PathSegment[]): PathSegment[] => ciliumPath(dialectFor(ctx.api), ...rest);
const has = (ctx: FixContext, path: readonly PathSegment[]): boolean => nodeAt(ctx.doc, path) !== undefined;

export const nodePort: Fixer = (ctx) => [
  ...fix('Set kubeProxy.enabled: false (Cilium NodePort replaces kube-proxy)', ctx.edit.set(['spec', 'kubeProxy', 'enabled'], 'false'), {
    preferred: true,
    touches: [['spec', 'kubeProxy', 'enabled']],
  }),
  ...fix('Turn off Cilium NodePort (enableNodePort: false)', ctx.edit.set(cilium(ctx, 'enableNodePort'), 'false'), {
    touches: [cilium(ctx, 'enableNodePort')],
  }),
];

export const encryptionTypeAlone: Fixer = (ctx) => [
  ...fix('Add enableEncryption: true', ctx.edit.set(cilium(ctx, 'enableEncryption'), 'true'), { preferred: true, touches: [cilium(ctx)] }),
  ...fix('Remove encryptionType', ctx.edit.removeKeyKeepingParent(cilium(ctx, 'encryptionType')), { touches: [cilium(ctx)] }),
];

export const hubbleCertManager: Fixer = (ctx) => [
  ...fix(
    "Set certManager.enabled: true (cert-manager issues Hubble's TLS certificates)",
    ctx.edit.set(['spec', 'certManager', 'enabled'], 'true'),
    { preferred: true, touches: [['spec', 'certManager', 'enabled']] },
  ),
  ...fix('Turn Hubble off (hubble.enabled: false)', ctx.edit.set(cilium(ctx, 'hubble', 'enabled'), 'false'), {
    touches: [cilium(ctx, 'hubble', 'enabled')],
  }),
];

export const socketLbHostNs: Fixer = (ctx) => [
  ...fix('Add bpfLBSock: true', ctx.edit.set(cilium(ctx, 'bpfLBSock'), 'true'), { preferred: true }),
  ...fix('Remove bpfLBSockHostNSOnly', ctx.edit.removeKeyKeepingParent(cilium(ctx, 'bpfLBSockHostNSOnly'))),
];

export const wireGuardL7: Fixer = (ctx) =>
  fix('Turn off the L7 proxy (enableL7Proxy: false)', ctx.edit.set(cilium(ctx, 'enableL7Proxy'), 'false'), { preferred: true });

export const l7Iptables: Fixer = (ctx) => {
  const key = dialectFor(ctx.api).iptablesKey;
  return [
    ...fix('Turn off the L7 proxy (enableL7Proxy: false)', ctx.edit.set(cilium(ctx, 'enableL7Proxy'), 'false'), { preferred: true }),
    ...fix(`Remove ${key} so Cilium installs its iptables rules`, ctx.edit.removeKeyKeepingParent(cilium(ctx, key))),
  ];
};

/** Which masquerade edit satisfies the ENI rule of the file's kops release (the rule flipped three times). */
const MASQUERADE_FIX_ERAS = [
  { from: '1.18', until: '1.22', action: 'turn-off' as const },
  { from: '1.22', until: '1.26', action: 'drop-explicit' as const },
  { from: '1.26', until: '1.36', action: 'turn-on' as const },
];

export const eniMasquerade: Fixer = (ctx) => {
  const d = dialectFor(ctx.api);
  const path = cilium(ctx, d.masqueradeKey);
  const era = eraOf(ctx.v, MASQUERADE_FIX_ERAS);
  if (era?.action === 'turn-off') {
    const value = d.inverted ? 'true' : 'false';
    return fix(`Set ${d.masqueradeKey}: ${value} (ENI at kops ${ctx.v.text} needs masquerading off)`, ctx.edit.set(path, value), {
      preferred: true,
    });
  }
  if (era && has(ctx, path)) {
    return fix(`Remove ${d.masqueradeKey} (with ENI, kops ${ctx.v.text} forbids setting it)`, ctx.edit.removeKeyKeepingParent(path), {
      preferred: true,
    });
  }
  if (era?.action === 'turn-on') {
    // Not written, yet off after defaulting (IPv6-only clusters): say it explicitly.
    const value = d.inverted ? 'false' : 'true';
    return fix(`Set ${d.masqueradeKey}: ${value} (ENI at kops ${ctx.v.text} needs masquerading on)`, ctx.edit.set(path, value), {
      preferred: true,
    });
  }
  return [];
};

/** The kubelet whose clusterDNS the finding blames; removing clusterDNS lets kops use the NodeLocal DNS address. */
export const nodeLocalDns: Fixer = (ctx) => {
  const path = parsePath(ctx.finding.path);
  if (path[path.length - 1] !== 'clusterDNS' || !has(ctx, path)) return [];
  const localIP = stringAt(ctx.doc, ['spec', 'kubeDNS', 'nodeLocalDNS', 'localIP']);
  // With a written localIP, kops also refuses a kubelet whose clusterDNS is neither serverIP nor localIP (an unset one included).
  if (localIP)
    return fix(`Set clusterDNS: ${titlePart(localIP, 40)} (nodeLocalDNS.localIP)`, ctx.edit.set(path, localIP), { preferred: true });
  return fix('Remove clusterDNS (kops then points kubelets at the NodeLocal DNS cache)', ctx.edit.removeKeyKeepingParent(path), {
    preferred: true,
  });
};

/** Only Cilium stays: offered, never preferred, since which provider to keep is the user's call. */
export const singleNetworking: Fixer = (ctx) => {
  const networking = nodeAt(ctx.doc, ['spec', 'networking']);
  const others = (isMap(networking) ? networking.items : [])
    .map((p) => keyName(p))
    .filter((k): k is string => k !== undefined && k !== 'cilium');
  if (!has(ctx, cilium(ctx)) || others.length === 0) return [];
  const edits = others.flatMap((k) => ctx.edit.removeKey(['spec', 'networking', k]));
  return fix(`Keep only Cilium (remove ${titlePart(others.join(', '), 50)})`, edits);
};
