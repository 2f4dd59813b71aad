import { itemsAt, stringAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';
import { cloudProviderOf, cloudViolation, kopsPath, unreadableString } from './cloudFacts';

/**
 * gceValidateCluster (kops gce.go): GCE subnets are regional, so they name no zone; before v1.28 each also had to
 * name its region, all the same one (v1.28 moved that check into the generic subnet rules).
 */

export function gceClusterRules(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  if (cloudProviderOf(doc) !== 'gce') return [];
  const prefix = atLeast(v, '1.26') ? ['spec', 'networking', 'subnets'] : ['spec', 'subnets'];
  const out: Violation[] = [];
  let region: string | undefined;
  itemsAt(doc, ['spec', 'subnets']).forEach((_, i) => {
    const at = (key: string) => ['spec', 'subnets', i, key];
    const zone = stringAt(doc, at('zone'));
    if (zone !== undefined) {
      const message = `GCE subnets are regional: remove zone ${zone} and set the subnet's region instead; InstanceGroups carry the zones.`;
      out.push(
        cloudViolation({
          at: at('zone'),
          type: 'Invalid',
          kopsPath: kopsPath(...prefix, i, 'zone'),
          detail: 'zones should not be specified for GCE subnets, as GCE subnets are regional',
          message,
        }),
      );
    }
    if (!before(v, '1.28') || unreadableString(doc, at('region'))) return;
    const own = stringAt(doc, at('region'));
    if (own === undefined) {
      const message = `kops ${v.text} needs the region of every GCE subnet: add region, e.g. us-central1.`;
      out.push(
        cloudViolation({
          at: at('region'),
          anchors: [['spec', 'subnets', i]],
          type: 'Required',
          kopsPath: kopsPath(...prefix, i, 'region'),
          detail: 'region must be specified for GCE subnets',
          message,
        }),
      );
    } else if (region === undefined) {
      region = own;
    } else if (own !== region) {
      const message = `A kops cluster lives in one GCE region: subnet region ${own} differs from ${region} used before.`;
      out.push(
        cloudViolation({
          at: at('region'),
          type: 'Forbidden',
          kopsPath: kopsPath(...prefix, i, 'region'),
          detail: 'clusters cannot span GCE regions',
          message,
        }),
      );
    }
  });
  return out;
}
