import { atLeast, before } from '../../../kops/releases';
import { compareSemver } from '../../../kops/semver';
import type { Violation } from '../violation';
import { supportedValuesDetail } from '../violation';
import { netPath, quote, violation, type NetContext } from './context';
import { goParseCidr } from './goCidr';
import { kubernetesVersionOf } from './gate';

/**
 * spec.topology as kops validates it after v1alpha2 defaults (masters and nodes `public`, dns.type `Public`).
 * masters/nodes and the bastion rule lasted until v1.27; dns.type is checked from v1.19, against the cloud's
 * DNS support in v1.26–v1.27 (None) and again, for every kind of DNS, from v1.36.
 */

const TOPOLOGIES = ['public', 'private'];
const TOPOLOGY = ['spec', 'topology'];

function layoutRules(ctx: NetContext, masters: string, nodes: string): Violation[] {
  const { v, layout } = ctx;
  if (atLeast(v, '1.28')) return [];
  const out: Violation[] = [];
  const controlPlane = atLeast(v, '1.26') ? 'controlPlane' : 'masters';
  for (const [key, value, kopsKey] of [
    ['masters', masters, controlPlane],
    ['nodes', nodes, 'nodes'],
  ] as const) {
    if (TOPOLOGIES.includes(value)) continue;
    const message = `kops ${v.text} takes topology.${key} public or private (lower case), not ${value}.`;
    out.push(violation([...TOPOLOGY, key], 'NotSupported', netPath(v, `topology.${kopsKey}`), supportedValuesDetail(TOPOLOGIES), message));
  }
  if (layout.topology.bastion && (masters === 'public' || nodes === 'public')) {
    const who = atLeast(v, '1.26') ? 'control plane' : 'masters';
    const message = `kops ${v.text} adds a bastion only when masters and nodes are both private: set topology.masters and nodes to private, or remove the bastion.`;
    out.push(
      violation(
        [...TOPOLOGY, 'bastion'],
        'Forbidden',
        netPath(v, 'topology.bastion'),
        `bastion requires ${who} and nodes to have private topology`,
        message,
      ),
    );
  }
  return out;
}

function bastionTimeoutRules(ctx: NetContext): Violation[] {
  const seconds = ctx.layout.topology.idleTimeoutSeconds;
  if (seconds === undefined || !ctx.layout.topology.bastion || atLeast(ctx.v, '1.26')) return [];
  const at = [...TOPOLOGY, 'bastion', 'idleTimeoutSeconds'];
  const kopsPath = 'spec.topology.bastion.idleTimeoutSeconds';
  const message = `kops ${ctx.v.text} takes a bastion idleTimeoutSeconds from 1 to 3600: change ${seconds}.`;
  if (seconds <= 0) return [violation(at, 'Invalid', kopsPath, 'bastion idleTimeoutSeconds should be greater than zero', message)];
  if (seconds > 3600) return [violation(at, 'Invalid', kopsPath, 'bastion idleTimeoutSeconds cannot be greater than one hour', message)];
  return [];
}

function ipv6PrivateNodesRule(ctx: NetContext, nodes: string): Violation[] {
  const { v, layout } = ctx;
  if (before(v, '1.24') || atLeast(v, '1.27') || nodes !== 'private') return [];
  const k8s = kubernetesVersionOf(ctx.doc);
  if (!k8s || compareSemver(k8s, { major: 1, minor: 22, patch: 0 }) >= 0) return [];
  if (!layout.nonMasqueradeCIDR || goParseCidr(layout.nonMasqueradeCIDR, v)?.v6 !== true) return [];
  const message = `kops ${v.text} needs Kubernetes 1.22 or newer for private nodes in an IPv6 cluster: raise kubernetesVersion.`;
  return [
    violation(
      [...TOPOLOGY, 'nodes'],
      'Forbidden',
      netPath(v, 'topology.nodes'),
      'private topology in IPv6 clusters requires Kubernetes 1.22+',
      message,
    ),
  ];
}

const NONE_DNS_CLOUDS: ReadonlyArray<[string, readonly string[]]> = [
  ['1.27', ['openstack', 'hetzner', 'aws', 'gce', 'digitalocean', 'scaleway']],
  ['1.26', ['hetzner', 'aws', 'gce', 'openstack']],
];

/** Which DNS kinds each cloud supports in kops v1.36+ (gossip, none, public, private). */
const CLOUD_DNS: Record<string, readonly string[]> = {
  aws: ['none', 'gossip', 'public', 'private'],
  azure: ['none', 'gossip'],
  digitalocean: ['none', 'gossip', 'public'],
  gce: ['none', 'gossip', 'public', 'private'],
  hetzner: ['none', 'gossip'],
  linode: ['none'],
  metal: ['none'],
  openstack: ['none', 'gossip', 'public', 'private'],
  scaleway: ['none', 'gossip', 'public'],
};

function dnsKind(ctx: NetContext, dnsType: string): string | undefined {
  const gossip = ctx.layout.clusterName.replace(/\.$/, '').endsWith('.k8s.local');
  if (dnsType === 'None') return 'none';
  if (gossip) return 'gossip';
  if (dnsType === 'Private') return 'private';
  return dnsType === 'Public' ? 'public' : undefined;
}

function cloudDnsRules(ctx: NetContext, dnsType: string): Violation[] {
  const { v, layout } = ctx;
  const at = [...TOPOLOGY, 'dns', 'type'];
  const kopsPath = 'spec.networking.topology.dns.type';
  const supported = CLOUD_DNS[layout.cloud];
  const forbid = (detail: string, message: string) => [violation(at, 'Forbidden', kopsPath, detail, message)];
  if (!supported)
    return forbid(
      `cloud provider ${quote(layout.cloud)} has no declared DNS topology support`,
      `kops ${v.text} knows no DNS setup for cloud ${layout.cloud}.`,
    );
  const kind = dnsKind(ctx, dnsType);
  if (!kind)
    return forbid(
      'unsupported dns topology',
      `kops ${v.text} takes topology.dns.type Public, Private or None (capitalised), not ${dnsType}.`,
    );
  if (supported.includes(kind)) return [];
  const message = `kops ${v.text} does not support ${kind} DNS on ${layout.cloud}: use ${supported.join(' or ')} DNS (gossip: a name ending in .k8s.local).`;
  return forbid(`cloud provider ${quote(layout.cloud)} does not support ${kind} dns topology`, message);
}

function dnsRules(ctx: NetContext): Violation[] {
  const { v, layout } = ctx;
  if (before(v, '1.19')) return [];
  const dnsType = layout.topology.dnsType || 'Public';
  const at = [...TOPOLOGY, 'dns', 'type'];
  const kopsPath = netPath(v, 'topology.dns.type');
  const types = atLeast(v, '1.26') ? ['Public', 'Private', 'None'] : ['Public', 'Private'];
  const out: Violation[] = [];
  if (!types.includes(dnsType)) {
    const message = `kops ${v.text} takes topology.dns.type ${types.join(', ')} (capitalised), not ${dnsType}.`;
    out.push(violation(at, 'NotSupported', kopsPath, supportedValuesDetail(types), message));
  }
  const noneClouds = NONE_DNS_CLOUDS.find(([from]) => atLeast(v, from))?.[1];
  if (dnsType === 'None' && noneClouds && before(v, '1.28') && !noneClouds.includes(layout.cloud)) {
    const message = `kops ${v.text} does not support topology.dns.type None on ${layout.cloud}: use Public or Private.`;
    out.push(violation(at, 'Invalid', kopsPath, `not supported for ${quote(layout.cloud)}`, message));
  }
  if (atLeast(v, '1.36')) out.push(...cloudDnsRules(ctx, dnsType));
  return out;
}

export function topologyRules(ctx: NetContext): Violation[] {
  const masters = ctx.layout.topology.masters || 'public';
  const nodes = ctx.layout.topology.nodes || 'public';
  return [...layoutRules(ctx, masters, nodes), ...bastionTimeoutRules(ctx), ...ipv6PrivateNodesRule(ctx, nodes), ...dnsRules(ctx)];
}
