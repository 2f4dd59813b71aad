import { atLeast, before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { legacyUnparsable, parsedCidr } from './cidrFindings';
import { netPath, violation, type NetContext } from './context';
import { goParseCidr, isPrivateNetwork, type GoCidr } from './goCidr';

/**
 * networkCIDR and additionalNetworkCIDRs, and the networks kops then requires every subnet CIDR to lie in.
 * Until v1.26 the legacy checks read them with net.ParseCIDR and their own messages; v1.27 moved them into
 * validateNetworking (parseCIDR, per-cloud limits); v1.28 stopped reading networkCIDR on GCE.
 */

export interface NetworkRanges {
  found: Violation[];
  /** The networks a subnet CIDR must belong to; empty = kops checks nothing. */
  containers: GoCidr[];
  /** Before v1.27 kops checked containment only with a networkCIDR, and crashed on an unreadable additional CIDR. */
  legacyCrashOnMiss: boolean;
}

const NETWORK_CIDR = ['spec', 'networkCIDR'];
const ADDITIONAL = ['spec', 'additionalNetworkCIDRs'];

function privateRangeRules(ctx: NetContext, main: GoCidr | undefined, legacy: boolean): Violation[] {
  const { layout, v } = ctx;
  const provider = layout.cloud === 'digitalocean' ? 'DO' : layout.cloud === 'linode' && atLeast(v, '1.36') ? 'Linode (Akamai)' : undefined;
  if (!provider || !main || (legacy && before(v, '1.23'))) return [];
  const kopsPath = netPath(v, 'networkCIDR');
  const out: Violation[] = [];
  if (!isPrivateNetwork(main)) {
    const detail = legacy ? 'Cluster had a networkCIDR outside the private IP range' : 'networkCIDR must be within a private IP range';
    out.push(
      violation(
        NETWORK_CIDR,
        'Invalid',
        kopsPath,
        detail,
        `kops ${v.text} requires a private networkCIDR on ${layout.cloud}: use a range in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.`,
      ),
    );
  }
  if (layout.networkID) {
    const detail = `${provider} doesn't support specifying both NetworkID and NetworkCIDR${legacy ? ' together' : ''}`;
    out.push(
      violation(
        NETWORK_CIDR,
        'Forbidden',
        kopsPath,
        detail,
        `kops ${v.text} accepts either networkID or networkCIDR on ${layout.cloud}, not both: remove one.`,
      ),
    );
  }
  return out;
}

function legacyRanges(ctx: NetContext): NetworkRanges {
  const { layout, v } = ctx;
  const found: Violation[] = [];
  const forbid = (detail: string, cloudName: string) =>
    found.push(
      violation(
        NETWORK_CIDR,
        'Forbidden',
        netPath(v, 'networkCIDR'),
        detail,
        `kops ${v.text} does not take a networkCIDR on ${cloudName}: remove it.`,
      ),
    );
  let main: GoCidr | undefined;
  if (layout.networkCIDR) {
    if (layout.cloud === 'gce') forbid('networkCIDR should not be set on GCE', 'GCE');
    if (layout.cloud === 'digitalocean' && before(v, '1.23')) forbid('networkCIDR should not be set on DigitalOcean', 'DigitalOcean');
    main = goParseCidr(layout.networkCIDR, v);
    if (!main)
      found.push(legacyUnparsable(ctx, NETWORK_CIDR, netPath(v, 'networkCIDR'), 'Cluster had an invalid networkCIDR', 'networkCIDR'));
    found.push(...privateRangeRules(ctx, main, true));
  }
  const extras: GoCidr[] = [];
  let unreadable = false;
  for (const item of layout.additionalNetworkCIDRs) {
    const at = [...ADDITIONAL, item.index];
    const parsed = parsedCidr(ctx, at, `${netPath(v, 'additionalNetworkCIDRs')}[${item.index}]`, item.text, 'additionalNetworkCIDRs entry');
    found.push(...parsed.found);
    const legacy = goParseCidr(item.text, v);
    if (legacy) extras.push(legacy);
    else {
      unreadable = true;
      const invalid = legacyUnparsable(
        ctx,
        ADDITIONAL,
        netPath(v, 'additionalNetworkCIDRs'),
        'Cluster had an invalid additionalNetworkCIDRs',
        'an additionalNetworkCIDRs entry',
      );
      found.push({ ...invalid, underline: at });
    }
  }
  return { found, containers: main ? [main, ...extras] : [], legacyCrashOnMiss: unreadable };
}

function currentRanges(ctx: NetContext): NetworkRanges {
  const { layout, v } = ctx;
  const found: Violation[] = [];
  const containers: GoCidr[] = [];
  if (layout.networkCIDR) {
    if (layout.cloud === 'gce' && atLeast(v, '1.28')) {
      found.push(
        violation(
          NETWORK_CIDR,
          'Forbidden',
          'spec.networking.networkCIDR',
          "gce doesn't support networkCIDR",
          `kops ${v.text} does not take a networkCIDR on GCE: remove it.`,
        ),
      );
    } else {
      if (layout.cloud === 'gce') {
        const message = `kops ${v.text} does not take a networkCIDR on GCE: remove it.`;
        found.push(
          violation(
            NETWORK_CIDR,
            'Forbidden',
            'spec.cloudProvider.networking.networkCIDR',
            'networkCIDR should not be set on GCE',
            message,
          ),
        );
      }
      const parsed = parsedCidr(ctx, NETWORK_CIDR, 'spec.networking.networkCIDR', layout.networkCIDR, 'networkCIDR');
      found.push(...parsed.found, ...privateRangeRules(ctx, parsed.cidr, false));
      if (parsed.cidr) containers.push(parsed.cidr);
    }
  }
  const items = layout.additionalNetworkCIDRs;
  if (items.length && layout.cloud !== 'aws') {
    const message = `kops ${v.text} takes additionalNetworkCIDRs on AWS only: remove them.`;
    found.push(
      violation(
        ADDITIONAL,
        'Forbidden',
        'spec.networking.additionalNetworkCIDRs',
        `${layout.cloud} doesn't support additionalNetworkCIDRs`,
        message,
      ),
    );
  } else {
    for (const item of items) {
      const kopsPath = `spec.networking.additionalNetworkCIDRs[${item.index}]`;
      const parsed = parsedCidr(ctx, [...ADDITIONAL, item.index], kopsPath, item.text, 'additionalNetworkCIDRs entry');
      found.push(...parsed.found);
      if (parsed.cidr) containers.push(parsed.cidr);
    }
  }
  return { found, containers, legacyCrashOnMiss: false };
}

export const networkRanges = (ctx: NetContext): NetworkRanges => (before(ctx.v, '1.27') ? legacyRanges(ctx) : currentRanges(ctx));
