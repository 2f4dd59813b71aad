import { atLeast, before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { subnetAt, subnetKopsPath, violation, type NetContext } from './context';
import { supportedValuesDetail } from '../violation';
import { goParseCidr } from './goCidr';
import type { Subnet } from './layout';

/** A subnet's name, type and egress, and the OpenStack rule for public subnets. */

const SUBNET_TYPES = ['Public', 'Private', 'DualStack', 'Utility'];

function nameRule(ctx: NetContext, s: Subnet): Violation[] {
  if (s.name) return [];
  const message = 'kops needs a name on every subnet (InstanceGroups refer to subnets by name): add one.';
  return [
    violation(subnetAt(s.index, 'name'), 'Required', subnetKopsPath(ctx.v, s.index, 'name'), '', message, { anchors: [subnetAt(s.index)] }),
  ];
}

function egressKinds(ctx: NetContext): { valid: (egress: string) => boolean; detail: string } {
  if (before(ctx.v, '1.19')) {
    return {
      valid: (e) => e.startsWith('nat-') || e.startsWith('i-') || e === 'External',
      detail: "egress must be of type NAT Gateway or NAT EC2 Instance or 'External'",
    };
  }
  const kinds = ['nat', 'eipalloc', 'i', 'External', ...(atLeast(ctx.v, '1.20') ? ['tgw'] : [])];
  const detail = atLeast(ctx.v, '1.20')
    ? 'egress must be of type NAT Gateway, NAT Gateway with existing ElasticIP, NAT EC2 Instance, Transit Gateway, or External'
    : 'egress must be of type NAT Gateway, NAT Gateway with existing ElasticIP, NAT EC2 Instance or External';
  return { valid: (e) => kinds.includes(e.split('-')[0]), detail };
}

/** Which subnets may name an egress other than External, and how kops words the rule. */
function egressAllowed(ctx: NetContext, s: Subnet): { allowed: boolean; detail: string } {
  if (before(ctx.v, '1.23')) return { allowed: s.type === 'Private', detail: 'egress can only be specified for private subnets' };
  const dualStack = atLeast(ctx.v, '1.24') && s.type === 'DualStack';
  const allowed = dualStack || s.type === 'Private' || (s.ipv6CIDR !== '' && s.type === 'Public');
  return { allowed, detail: 'egress can only be specified for private or IPv6-capable public subnets' };
}

function egressRules(ctx: NetContext, s: Subnet): Violation[] {
  if (!s.egress) return [];
  const at = subnetAt(s.index, 'egress');
  const kopsPath = subnetKopsPath(ctx.v, s.index, 'egress');
  const out: Violation[] = [];
  const kinds = egressKinds(ctx);
  if (!kinds.valid(s.egress)) {
    const message = `kops ${ctx.v.text} takes a NAT gateway (nat-...), an instance (i-...), eipalloc-..., tgw-... or External as egress, not ${s.egress}.`;
    out.push(violation(at, 'Invalid', kopsPath, kinds.detail, message));
  }
  const allowed = egressAllowed(ctx, s);
  if (s.egress !== 'External' && !allowed.allowed) {
    const message = `kops ${ctx.v.text} takes an egress on private subnets${before(ctx.v, '1.23') ? '' : ' and IPv6 public ones'} only: remove it or make this subnet Private.`;
    out.push(violation(at, 'Forbidden', kopsPath, allowed.detail, message));
  }
  return out;
}

function typeRules(ctx: NetContext, s: Subnet): Violation[] {
  if (before(ctx.v, '1.24')) return [];
  const at = subnetAt(s.index, 'type');
  const kopsPath = subnetKopsPath(ctx.v, s.index, 'type');
  const out: Violation[] = [];
  if (!SUBNET_TYPES.includes(s.type)) {
    const message = `kops ${ctx.v.text} takes subnet type Public, Private, DualStack or Utility${s.type ? `, not ${s.type}` : ': set one'}.`;
    out.push(violation(at, 'NotSupported', kopsPath, supportedValuesDetail(SUBNET_TYPES), message, { anchors: [subnetAt(s.index)] }));
  }
  const nonMasq = ctx.layout.nonMasqueradeCIDR;
  const ipv6Only = nonMasq !== '' && goParseCidr(nonMasq, ctx.v)?.v6 === true;
  if (s.type === 'DualStack' && !ipv6Only) {
    const message = 'kops takes DualStack subnets in IPv6 clusters only (nonMasqueradeCIDR ::/0): use Private or Public here.';
    out.push(violation(at, 'Forbidden', kopsPath, 'subnet type DualStack may only be used in IPv6 clusters', message));
  }
  if (atLeast(ctx.v, '1.27') && ctx.layout.cloud === 'openstack' && !ctx.layout.openstackExternalNetwork && s.type === 'Public') {
    const message = `kops ${ctx.v.text} needs cloudConfig.openstack.router.externalNetwork for a Public subnet: set it or make the subnet Private.`;
    out.push(violation(at, 'Forbidden', kopsPath, 'subnet type Public requires an external network', message));
  }
  return out;
}

export const subnetKindRules = (ctx: NetContext, subnets: readonly Subnet[]): Violation[] =>
  subnets.flatMap((s) => [...nameRule(ctx, s), ...egressRules(ctx, s), ...typeRules(ctx, s)]);
