import { YamlEditor } from '../../../document/yamlEdit';
import { atLeast, before } from '../../../kops/releases';
import type { Fix } from '../../../types';
import { shortText } from '../shortText';
import type { Violation } from '../violation';
import { netPath, subnetAt, subnetKopsPath, violation, type NetContext } from './context';
import type { Subnet } from './layout';

/**
 * Rules over the subnet list as a whole: at least one subnet, unique names, IDs on all or none, one region
 * where the cloud needs regions, ipv6CIDR only on AWS, and GCE's regional subnets.
 */

const NO_SUBNETS_NEEDED = ['digitalocean', 'hetzner', 'linode', 'alicloud', 'baremetal'];

function requiredRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  const { v, layout } = ctx;
  if (subnets.length || !layout.subnetsWritten) return [];
  const kopsPath = netPath(v, 'subnets');
  const message = `kops ${v.text} needs at least one subnet on ${layout.cloud}: add one per zone under subnets.`;
  const out: Violation[] = [];
  if (before(v, '1.27')) out.push(violation(['spec', 'subnets'], 'Required', kopsPath, '', message));
  if (!NO_SUBNETS_NEEDED.includes(layout.cloud)) {
    out.push(violation(['spec', 'subnets'], 'Required', kopsPath, 'must configure at least one subnet (use --zones)', message));
  }
  return out;
}

function freeName(name: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${name}-${n}`)) n++;
  return `${name}-${n}`;
}

function renameFix(ctx: NetContext, subnet: Subnet, taken: ReadonlySet<string>): Fix[] {
  const name = freeName(subnet.name, taken);
  const edits = new YamlEditor(ctx.file, ctx.doc).set(subnetAt(subnet.index, 'name'), name);
  return edits.length ? [{ title: `Rename this subnet to ${shortText(name, 50)}`, edits }] : [];
}

function duplicateRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  const taken = new Set(subnets.map((s) => s.name));
  const seen = new Set<string>();
  return subnets.flatMap((s) => {
    const repeated = seen.has(s.name);
    seen.add(s.name);
    if (!repeated) return [];
    const message = `Every kops release rejects a second subnet named ${s.name || '(empty)'}: give each subnet its own name.`;
    const fixes = s.name ? renameFix(ctx, s, taken) : [];
    return [
      violation(subnetAt(s.index, 'name'), 'Duplicate', subnetKopsPath(ctx.v, s.index, 'name'), '', message, {
        anchors: [subnetAt(s.index)],
        ...(fixes.length ? { fixes } : {}),
      }),
    ];
  });
}

function idRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  const hasID = subnets.length > 0 && subnets[0].id !== '';
  return subnets
    .filter((s) => (s.id !== '') !== hasID)
    .map((s) =>
      violation(
        subnetAt(s.index, 'id'),
        'Forbidden',
        subnetKopsPath(ctx.v, s.index, 'id'),
        'cannot mix subnets with specified ID and unspecified ID',
        'kops rejects a mix of existing subnets (with id) and new ones (without): give every subnet an id or none.',
        { anchors: [subnetAt(s.index)] },
      ),
    );
}

/** v1.28+: every subnet names the same region on clouds with regional subnets; GCE alone checked it before. */
function regionRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  const { v, layout } = ctx;
  const current = atLeast(v, '1.28');
  const clouds = ['azure', 'digitalocean', 'gce', ...(atLeast(v, '1.36') ? ['linode'] : [])];
  if (current ? !clouds.includes(layout.cloud) : layout.cloud !== 'gce') return [];
  const suffix = current ? '' : ' for GCE subnets';
  let region = '';
  return subnets.flatMap((s) => {
    const at = subnetAt(s.index, 'region');
    const kopsPath = subnetKopsPath(v, s.index, 'region');
    if (!s.region) {
      const message = `kops ${v.text} needs a region on every ${layout.cloud} subnet: add region to this subnet.`;
      return [violation(at, 'Required', kopsPath, `region must be specified${suffix}`, message, { anchors: [subnetAt(s.index)] })];
    }
    if (!region) region = s.region;
    if (region === s.region) return [];
    const detail = current ? 'clusters cannot span regions' : 'clusters cannot span GCE regions';
    return [violation(at, 'Forbidden', kopsPath, detail, `kops keeps a cluster in one region: change ${s.region} to ${region}.`)];
  });
}

function gceZoneRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  if (ctx.layout.cloud !== 'gce') return [];
  return subnets
    .filter((s) => s.zone)
    .map((s) => {
      const edits = new YamlEditor(ctx.file, ctx.doc).removeKey(subnetAt(s.index, 'zone'));
      const detail = 'zones should not be specified for GCE subnets, as GCE subnets are regional';
      const message = 'GCE subnets are regional, so kops rejects a zone on them: remove zone and keep the region.';
      return violation(subnetAt(s.index, 'zone'), 'Invalid', subnetKopsPath(ctx.v, s.index, 'zone'), detail, message, {
        ...(edits.length ? { fixes: [{ title: 'Remove zone', edits }] } : {}),
      });
    });
}

function ipv6OnlyOnAws(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  if (before(ctx.v, '1.22') || ctx.layout.cloud === 'aws') return [];
  return subnets
    .filter((s) => s.ipv6CIDR)
    .map((s) =>
      violation(
        subnetAt(s.index, 'ipv6CIDR'),
        'Forbidden',
        subnetKopsPath(ctx.v, s.index, 'ipv6CIDR'),
        'ipv6CIDR can only be specified for AWS',
        `kops ${ctx.v.text} supports subnet ipv6CIDR on AWS only: remove it.`,
      ),
    );
}

export function subnetListRules(ctx: NetContext, subnets: readonly Subnet[]): Violation[] {
  return [
    ...requiredRules(ctx, subnets),
    ...duplicateRules(ctx, subnets),
    ...idRules(ctx, subnets),
    ...regionRules(ctx, subnets),
    ...gceZoneRules(ctx, subnets),
    ...ipv6OnlyOnAws(ctx, subnets),
  ];
}
