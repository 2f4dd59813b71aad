import { inEra, type Era } from '../../../kops/eras';
import { stringAt } from '../../../kops/goValues';
import type { KopsErrorType } from '../../../types';
import type { Violation } from '../violation';
import { disableKubeProxy, kopsProviderName, kubernetesAtLeast, providerPath, rejection, type NetworkingScope } from './scope';

/**
 * kops' per-provider checks in validateNetworking that need no provider settings: providers kops dropped, the
 * clouds, IP families and Kubernetes versions each provider works with. kops.k8s.io/v1alpha2 keys; kops prints
 * its internal names (see kopsProviderName) and, for some releases, a misspelt one.
 */

interface ProviderCheck extends Era {
  provider: string;
  /** Blamed child of spec.networking as kops prints it; null for spec.networking itself. Default: kops' provider name. */
  kopsChild?: string | null;
  type?: KopsErrorType;
  detail: string;
  fails(s: NetworkingScope): boolean | undefined;
  message(s: NetworkingScope): string;
}

const always = (): boolean => true;
const ipv6 = (s: NetworkingScope): boolean => s.ipv6Only;
const notOn = (cloud: string) => (s: NetworkingScope) => s.cloud !== undefined && s.cloud !== cloud;
const k8sAtLeast = (minor: number) => (s: NetworkingScope) => kubernetesAtLeast(s, minor);
const k8sBelowAndIPv6 = (minor: number) => (s: NetworkingScope) => kubernetesAtLeast(s, minor) === false && s.ipv6Only;
const usesContainerd = (s: NetworkingScope): boolean => stringAt(s.doc, ['spec', 'containerRuntime']) === 'containerd';

const release = (s: NetworkingScope): string => `kops ${s.v.text}`;
const noIPv6 = (name: string) => (s: NetworkingScope) =>
  `${release(s)} does not run ${name} on an IPv6-only cluster: use calico or cilium, or an IPv4 nonMasqueradeCIDR.`;
const removed = (name: string) => (s: NetworkingScope) =>
  `${release(s)} no longer supports ${name} networking: move the cluster to another provider such as calico or cilium.`;
const tooNew = (name: string, minor: number) => (s: NetworkingScope) =>
  `${release(s)} does not run ${name} with Kubernetes 1.${minor} or newer (kubernetesVersion ${s.kubernetes ? `is 1.${s.kubernetes.minor}` : 'unknown'}): use another provider.`;

const CONTAINERD: readonly ProviderCheck[] = ['kubenet', 'external', 'kopeio', 'gce'].map((provider) => ({
  provider,
  from: '1.19',
  until: '1.19.1',
  kopsChild: null,
  type: 'Invalid',
  detail: `${provider} networking is not supported with containerd`,
  fails: usesContainerd,
  message: (s) => `${release(s)} does not run ${provider} networking with containerd: use another provider or containerRuntime docker.`,
}));

const GCE_NETWORKING: readonly ProviderCheck[] = [
  { from: '1.18', until: '1.23', name: 'gce' },
  { from: '1.23', until: '1.28', name: 'GCE' },
  { from: '1.28', name: 'GCP' },
].flatMap(({ from, until, name }) => [
  {
    provider: 'gce',
    from,
    until,
    detail: `${name} networking is supported only when on GCP`,
    fails: notOn('gce'),
    message: (s: NetworkingScope) =>
      `GCE networking works only with cloudProvider gce (here ${s.cloud}): choose another networking provider.`,
  },
  ...(from === '1.18'
    ? []
    : [
        {
          provider: 'gce',
          from,
          until,
          detail: `${name} networking does not support IPv6`,
          fails: ipv6,
          message: noIPv6('GCE networking'),
        },
      ]),
]);

const CHECKS: readonly ProviderCheck[] = [
  {
    provider: 'classic',
    from: '1.18',
    kopsChild: null,
    type: 'Invalid',
    detail: 'classic networking is not supported',
    fails: always,
    message: (s) => `${release(s)} does not support classic networking: configure another networking provider instead.`,
  },
  ...CONTAINERD,
  { provider: 'kubenet', from: '1.23', detail: 'Kubenet does not support IPv6', fails: ipv6, message: noIPv6('kubenet') },
  {
    provider: 'external',
    from: '1.26',
    until: '1.32',
    detail: 'external is not supported for Kubernetes >= 1.26',
    fails: k8sAtLeast(26),
    message: (s) => `${release(s)} does not support external networking with Kubernetes 1.26 or newer: use cni for a self-managed CNI.`,
  },
  {
    provider: 'external',
    from: '1.32',
    detail: 'external is not supported for Kubernetes >= 1.26',
    fails: always,
    message: (s) => `${release(s)} no longer supports external networking: use cni for a self-managed CNI.`,
  },
  { provider: 'kopeio', from: '1.23', detail: 'Kopeio does not support IPv6', fails: ipv6, message: noIPv6('kopeio') },
  {
    provider: 'weave',
    from: '1.23',
    until: '1.28',
    detail: 'Weave is not supported for Kubernetes >= 1.23',
    fails: k8sAtLeast(23),
    message: tooNew('Weave', 23),
  },
  {
    provider: 'weave',
    from: '1.23',
    until: '1.28',
    detail: 'Weave does not support IPv6',
    fails: k8sBelowAndIPv6(23),
    message: noIPv6('Weave'),
  },
  { provider: 'weave', from: '1.28', detail: 'Weave is no longer supported', fails: always, message: removed('Weave') },
  { provider: 'romana', from: '1.19', detail: 'support for Romana has been removed', fails: always, message: removed('Romana') },
  {
    provider: 'lyftvpc',
    from: '1.18',
    until: '1.23',
    detail: 'amazon-vpc-routed-eni networking is supported only in AWS',
    fails: notOn('aws'),
    message: (s) => `Lyft VPC networking works only with cloudProvider aws (here ${s.cloud}): choose another networking provider.`,
  },
  {
    provider: 'lyftvpc',
    from: '1.23',
    until: '1.32',
    kopsChild: 'lyftvp',
    detail: 'support for LyftVPC has been removed',
    fails: always,
    message: removed('Lyft VPC'),
  },
  { provider: 'lyftvpc', from: '1.32', detail: 'support for LyftVPC has been removed', fails: always, message: removed('Lyft VPC') },
  {
    provider: 'amazonvpc',
    from: '1.18',
    detail: 'amazon-vpc-routed-eni networking is supported only in AWS',
    fails: notOn('aws'),
    message: (s) => `Amazon VPC networking works only with cloudProvider aws (here ${s.cloud}): choose another networking provider.`,
  },
  {
    provider: 'amazonvpc',
    from: '1.22',
    until: '1.22.1',
    detail: 'amazon-vpc-routed-eni networking is supported only for Kubernetes 1.21 and lower',
    fails: (s) => s.cloud === 'aws' && kubernetesAtLeast(s, 22),
    message: (s) =>
      `${release(s)} runs Amazon VPC networking only up to Kubernetes 1.21: use a newer kops release or an older kubernetesVersion.`,
  },
  {
    provider: 'amazonvpc',
    from: '1.23',
    detail: 'amazon-vpc-routed-eni networking does not support IPv6',
    fails: ipv6,
    message: noIPv6('Amazon VPC networking'),
  },
  ...GCE_NETWORKING,
  {
    provider: 'kuberouter',
    from: '1.23',
    until: '1.26',
    detail: 'kube-router does not support IPv6',
    fails: ipv6,
    message: noIPv6('kube-router'),
  },
  {
    provider: 'kuberouter',
    from: '1.26',
    until: '1.28',
    kopsChild: 'kuberRouter',
    detail: 'kube-router does not support IPv6',
    fails: ipv6,
    message: noIPv6('kube-router'),
  },
  {
    provider: 'kuberouter',
    from: '1.28',
    until: '1.28.2',
    detail: 'kube-router is not supported for Kubernetes >= 1.28',
    fails: k8sAtLeast(28),
    message: tooNew('kube-router', 28),
  },
  {
    provider: 'kuberouter',
    from: '1.28',
    until: '1.28.2',
    detail: 'kube-router does not support IPv6',
    fails: k8sBelowAndIPv6(28),
    message: noIPv6('kube-router'),
  },
  { provider: 'kuberouter', from: '1.28.2', detail: 'kube-router does not support IPv6', fails: ipv6, message: noIPv6('kube-router') },
];

function violation(s: NetworkingScope, check: ProviderCheck): Violation {
  const child = check.kopsChild === undefined ? kopsProviderName(check.provider, s.v) : check.kopsChild;
  const onProvider = child !== null;
  return rejection({
    at: onProvider ? providerPath(check.provider) : ['spec', 'networking'],
    ...(onProvider ? {} : { underline: providerPath(check.provider) }),
    type: check.type ?? 'Forbidden',
    kopsPath: onProvider ? `spec.networking.${child}` : 'spec.networking',
    detail: check.detail,
    message: check.message(s),
  });
}

/** kube-router replaces kube-proxy (kops v1.19 and newer). */
function kubeRouterWithKubeProxy(s: NetworkingScope): Violation[] {
  if (!s.has('kuberouter') || !s.kubeProxyOn || !inEra(s.v, { from: '1.19' })) return [];
  return [
    rejection({
      at: ['spec', 'kubeProxy', 'enabled'],
      anchors: [['spec', 'kubeProxy']],
      type: 'Forbidden',
      kopsPath: 'spec.kubeProxy.enabled',
      detail: 'kube-router requires kubeProxy to be disabled',
      message: `kube-router replaces kube-proxy, so ${release(s)} needs kubeProxy.enabled set to false.`,
      fixes: disableKubeProxy(s),
    }),
  ];
}

export function providerRules(s: NetworkingScope): Violation[] {
  const failing = CHECKS.filter((check) => s.has(check.provider) && inEra(s.v, check) && check.fails(s) === true);
  return [...failing.map((check) => violation(s, check)), ...kubeRouterWithKubeProxy(s)];
}
