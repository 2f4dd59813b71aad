import { isMap, isSeq } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, itemsAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import { shortText } from '../shortText';
import { ruleFix } from '../ruleFix';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';

/**
 * IAM: legacy IAM is refused from v1.19 (v1.19–v1.22 also default an omitted `iam` to legacy; that case is left to
 * kops, as specs scoped to other rules omit `iam`), and from v1.21 each serviceAccountExternalPermissions entry
 * needs a namespace, a name and exactly one of aws.policyARNs or aws.inlinePolicy (v1.21–v1.25: and the AWS OIDC
 * provider).
 */

const IAM = ['spec', 'iam'];
const SAEP = [...IAM, 'serviceAccountExternalPermissions'];
const SAEP_KOPS = 'spec.iam.serviceAccountExternalPermissions';

function legacy(c: ClusterContext): Violation[] {
  if (before(c.v, '1.19') || boolAt(c.doc, [...IAM, 'legacy']) !== true) return [];
  return [
    {
      code: 'kops-auth',
      at: [...IAM, 'legacy'],
      type: 'Forbidden',
      kopsPath: 'spec.iam.legacy',
      detail: 'legacy IAM permissions are no longer supported',
      message: `kops ${c.v.text} no longer grants legacy IAM permissions: set iam.legacy to false (add additionalPolicies for anything the nodes still need).`,
      fixes: ruleFix(c, 'Set iam.legacy to false', (e) => e.set([...IAM, 'legacy'], 'false'), true, [...IAM, 'legacy']),
    },
  ];
}

function externalPermissions(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const entries = itemsAt(doc, SAEP);
  if (before(v, '1.21') || !entries.length) return [];
  const out: Violation[] = [];
  const provider = ['spec', 'serviceAccountIssuerDiscovery', 'enableAWSOIDCProvider'];
  const oidcProvider = boolAt(doc, provider) === true || templatedWithin(doc, provider);
  if (before(v, '1.26') && !oidcProvider) {
    out.push({
      code: 'kops-auth',
      at: SAEP,
      type: 'Forbidden',
      kopsPath: SAEP_KOPS,
      detail: 'serviceAccountExternalPermissions requires AWS OIDC Provider to be enabled',
      message: `kops ${v.text} grants serviceAccountExternalPermissions only with serviceAccountIssuerDiscovery.enableAWSOIDCProvider: true: enable it.`,
    });
  }
  const seen = new Set<string>();
  entries.forEach((node, i) => {
    if (templatedWithin(doc, [...SAEP, i])) return;
    const text = (key: string): string => (isMap(node) ? (stringPointerAt(doc, [...SAEP, i, key]) ?? '') : '');
    const key = `${text('namespace')}/${text('name')}`;
    const who = shortText(key);
    const path = `${SAEP_KOPS}[${key}]`;
    const add = (at: Violation['at'], type: Violation['type'], kopsPath: string, detail: string, message: string) =>
      out.push({ code: 'kops-auth', at, anchors: [[...SAEP, i]], type, kopsPath, detail, message });
    for (const field of ['namespace', 'name']) {
      if (text(field) === '')
        add(
          [...SAEP, i, field],
          'Required',
          `${path}.${field}`,
          `${field} cannot be empty`,
          `A serviceAccountExternalPermissions entry needs its service account ${field}: set ${field}.`,
        );
    }
    if (seen.has(key))
      add(
        [...SAEP, i],
        'Duplicate',
        path,
        '',
        `The service account ${who} has serviceAccountExternalPermissions twice: merge the two entries.`,
      );
    seen.add(key);
    const aws = [...SAEP, i, 'aws'];
    if (!isMap(nodeAt(doc, aws))) {
      add(
        aws,
        'Required',
        `${path}.aws`,
        'AWS permissions must be set',
        `Give the service account ${who} its AWS permissions: add aws.policyARNs or aws.inlinePolicy.`,
      );
      return;
    }
    const arns = nodeAt(doc, [...aws, 'policyARNs']);
    const hasArns = isSeq(arns) && arns.items.length > 0;
    const hasInline = (stringPointerAt(doc, [...aws, 'inlinePolicy']) ?? '') !== '';
    if (!hasArns && !hasInline) {
      add(
        aws,
        'Required',
        `${path}.aws`,
        'either inlinePolicy or policyARN must be set',
        `Give the service account ${who} its AWS permissions: set aws.policyARNs or aws.inlinePolicy.`,
      );
    }
    if (hasArns && hasInline) {
      add(
        aws,
        'Forbidden',
        `${path}.aws`,
        'cannot set both inlinePolicy and policyARN',
        `kops takes either aws.policyARNs or aws.inlinePolicy for ${who}, not both: keep one.`,
      );
    }
  });
  return out;
}

export const iamRules: ClusterRule = (c) => [...legacy(c), ...externalPermissions(c)];
