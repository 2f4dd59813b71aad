import type { ParsedFile, YamlDocument } from '../../../document/documents';
import { YamlEditor } from '../../../document/yamlEdit';
import { acceptedCloudProviders } from '../cluster/cloudProviders';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { boolAt, stringAt, structAt } from '../../../kops/goValues';
import { compareSemver, parseKubernetesVersion, type SemVer } from '../../../kops/semver';
import type { Fix, PathSegment } from '../../../types';
import { isIPv6Only } from '../network';
import type { ClusterContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';

/**
 * What kops' networking provider checks read of a v1alpha2 Cluster, as `kops create -f` sees it after
 * PerformAssignments (kops/v1alpha2 decoding and cloudup/defaults.go).
 */
export interface NetworkingScope {
  /** The Cluster document alone: fixes are built against it. */
  file: ParsedFile;
  doc: YamlDocument;
  v: KopsVersion;
  /** spec.cloudProvider when it names a cloud this kops release knows (else kops stops before validating). */
  cloud?: string;
  /** kops' ClusterSpec.IsIPv6Only. */
  ipv6Only: boolean;
  /** undefined when unset (kops takes it from the channel) or unreadable: the Kubernetes gates are not judged. */
  kubernetes?: SemVer;
  /** kubernetesVersion is written but kops cannot parse it: kops then reports that alone. */
  kubernetesUnreadable: boolean;
  /** A `kubeProxy` block whose `enabled` is unset or true. */
  kubeProxyOn: boolean;
  /** The v1alpha2 provider block (`kuberouter`, `amazonvpc`, `gce`, ...) is set. */
  has(provider: string): boolean;
}

function knownCloud(doc: YamlDocument, v: KopsVersion): string | undefined {
  const cloud = stringAt(doc, ['spec', 'cloudProvider']);
  return cloud !== undefined && acceptedCloudProviders(v).includes(cloud) ? cloud : undefined;
}

export const providerPath = (provider: string, ...rest: PathSegment[]): PathSegment[] => ['spec', 'networking', provider, ...rest];

/**
 * On AWS with no networkCIDR, PerformAssignments gives Amazon VPC clusters the VPC's IPv4 CIDR as
 * nonMasqueradeCIDR (since v1.26 unless it is `::/0`): such a cluster is never IPv6-only.
 */
function ipv6Only(doc: YamlDocument, v: KopsVersion, cloud: string | undefined, has: (p: string) => boolean): boolean {
  const nonMasqueradeCIDR = stringAt(doc, ['spec', 'nonMasqueradeCIDR']);
  const vpcTakesOver =
    cloud === 'aws' &&
    has('amazonvpc') &&
    stringAt(doc, ['spec', 'networkCIDR']) === undefined &&
    (before(v, '1.26') || nonMasqueradeCIDR !== '::/0');
  return !vpcTakesOver && isIPv6Only({ nonMasqueradeCIDR });
}

export function networkingScope(c: ClusterContext): NetworkingScope {
  const { file, doc, v } = c;
  const has = (provider: string) => structAt(doc, providerPath(provider));
  const cloud = knownCloud(doc, v);
  const version = stringAt(doc, ['spec', 'kubernetesVersion']);
  const kubernetes = version === undefined ? undefined : parseKubernetesVersion(version);
  return {
    file,
    doc,
    v,
    cloud,
    ipv6Only: ipv6Only(doc, v, cloud, has),
    kubernetes,
    kubernetesUnreadable: version !== undefined && kubernetes === undefined,
    kubeProxyOn: structAt(doc, ['spec', 'kubeProxy']) && boolAt(doc, ['spec', 'kubeProxy', 'enabled']) !== false,
    has,
  };
}

/** kops' Cluster.IsKubernetesGTE (pre-release ignored); undefined when the version is unknown. */
export function kubernetesAtLeast(s: NetworkingScope, minor: number): boolean | undefined {
  return s.kubernetes && compareSemver(s.kubernetes, { major: 1, minor, patch: 0 }) >= 0;
}

/** kops' name for a v1alpha2 provider key in its error paths at release `v`. */
export function kopsProviderName(provider: string, v: KopsVersion): string {
  if (provider === 'kuberouter' && atLeast(v, '1.26')) return 'kubeRouter';
  if (provider === 'amazonvpc' && atLeast(v, '1.26')) return 'amazonVPC';
  if (provider === 'gce' && atLeast(v, '1.28')) return 'gcp';
  return provider;
}

type Rejection = Pick<Violation, 'at' | 'type' | 'kopsPath' | 'detail' | 'message'> & Partial<Violation>;

export const rejection = (r: Rejection): Violation => ({ code: 'kops-networking', ...r });

/** A user's value inside a one-sentence message, cut short when long. */
export const shown = (value: string): string => shortText(value, 32);

/** kops' IsValidValue on a provider setting: the value, when written, must be one of `values`. */
export function unsupportedValue(s: NetworkingScope, provider: string, key: string, values: readonly string[]): Violation[] {
  const value = stringAt(s.doc, providerPath(provider, key));
  if (value === undefined || values.includes(value)) return [];
  return [
    rejection({
      at: providerPath(provider, key),
      type: 'NotSupported',
      kopsPath: `spec.networking.${kopsProviderName(provider, s.v)}.${key}`,
      detail: supportedValuesDetail(values),
      message: `kops ${s.v.text} accepts ${provider} ${key} ${values.join(', ')}, not ${shown(value)}: pick one of them.`,
    }),
  ];
}

/** The fix for a provider that replaces kube-proxy (its finding blames kubeProxy.enabled). */
export function disableKubeProxy(s: NetworkingScope): Fix[] {
  const at = ['spec', 'kubeProxy', 'enabled'];
  const edits = new YamlEditor(s.file, s.doc, at).set(at, 'false');
  return edits.length ? [{ title: 'Set kubeProxy.enabled to false', edits, preferred: true }] : [];
}
