import { isMap, isSeq } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, templatedWithin } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { ruleFix } from '../ruleFix';

/**
 * Addons that get their AWS permissions through service accounts need iam.useServiceAccountExternalPermissions:
 * Karpenter (v1.26 on) and cert-manager solving dns-01 in hosted zones (v1.25 on). Without an `iam` block kops
 * crashes on these checks instead of reporting them, so nothing is said then.
 */

const USE_SAEP = ['spec', 'iam', 'useServiceAccountExternalPermissions'];

function needsExternalPermissions(c: ClusterContext, at: Violation['at'], kopsPath: string, detail: string, addon: string): Violation {
  return {
    code: 'kops-auth',
    at,
    type: 'Forbidden',
    kopsPath,
    detail,
    message: `kops ${c.v.text} runs ${addon} only with iam.useServiceAccountExternalPermissions: true: set it.`,
    fixes: ruleFix(c, 'Set iam.useServiceAccountExternalPermissions to true', (e) => e.set(USE_SAEP, 'true')),
  };
}

export const externalPermissionUserRules: ClusterRule = (c) => {
  const { doc, v } = c;
  if (!isMap(nodeAt(doc, ['spec', 'iam'])) || boolAt(doc, USE_SAEP) === true || templatedWithin(doc, USE_SAEP)) return [];
  const out: Violation[] = [];
  if (!before(v, '1.26') && boolAt(doc, ['spec', 'karpenter', 'enabled']) === true) {
    const detail = 'Karpenter requires that service accounts use external permissions';
    out.push(needsExternalPermissions(c, ['spec', 'karpenter', 'enabled'], 'spec.karpenter.enabled', detail, 'Karpenter'));
  }
  const zones = nodeAt(doc, ['spec', 'certManager', 'hostedZoneIDs']);
  if (!before(v, '1.25') && boolAt(doc, ['spec', 'certManager', 'enabled']) === true && isSeq(zones) && zones.items.length > 0) {
    const detail = 'Cert Manager requires that service accounts use external permissions in order to do dns-01 validation';
    out.push({
      ...needsExternalPermissions(c, ['spec', 'certManager'], 'spec.certManager', detail, 'cert-manager with hostedZoneIDs'),
      underline: ['spec', 'certManager', 'hostedZoneIDs'],
    });
  }
  return out;
};
