import { isScalar, isSeq } from 'yaml';
import { mapEntriesAt, templatedWithin } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';
import { arnResource } from './awsArn';
import { iamStatements } from './iamStatements';
import { ruleFix } from '../ruleFix';

/**
 * additionalPolicies and externalPolicies: keyed by InstanceGroup role in lower case (reported on the map itself);
 * an additional policy must be a JSON list of statements whose Effect is Allow or Deny, an external policy an IAM
 * policy ARN. From v1.26 the v1alpha2 key `master` is read as control-plane.
 */

export function policyRoles(v: KopsVersion): string[] {
  if (before(v, '1.21')) return ['node', 'master', 'bastion'];
  return before(v, '1.26') ? ['master', 'apiserver', 'node', 'bastion'] : ['control-plane', 'apiserver', 'node', 'bastion'];
}

const roleOf = (v: KopsVersion, key: string): string => (atLeast(v, '1.26') && key === 'master' ? 'control-plane' : key);

function roleViolation(c: ClusterContext, map: string, key: string): Violation[] {
  const roles = policyRoles(c.v);
  if (roles.includes(roleOf(c.v, key))) return [];
  const role = roles.find((r) => r === key.toLowerCase());
  return [
    {
      code: 'kops-auth',
      at: ['spec', map],
      underline: ['spec', map, key],
      type: 'NotSupported',
      kopsPath: `spec.${map}`,
      detail: supportedValuesDetail(roles),
      message: `kops ${c.v.text} keys ${map} by InstanceGroup role (${roles.join(', ')}): rename ${shortText(key) || 'the empty key'}.`,
      fixes: role ? ruleFix(c, `Rename ${key} to ${role}`, (e) => e.renameKey(['spec', map, key], role)) : undefined,
    },
  ];
}

function additionalPolicies(c: ClusterContext): Violation[] {
  return mapEntriesAt(c.doc, ['spec', 'additionalPolicies']).flatMap(({ key, value }) => {
    if (!isScalar(value) || typeof value.value !== 'string' || templatedWithin(c.doc, ['spec', 'additionalPolicies'])) return [];
    const role = roleOf(c.v, key);
    const at = ['spec', 'additionalPolicies', key];
    const kops = `spec.additionalPolicies[${role}]`;
    const out = roleViolation(c, 'additionalPolicies', key);
    const parsed = iamStatements(value.value);
    if (parsed.kind === 'invalid') {
      out.push({
        code: 'kops-auth',
        at,
        type: 'Invalid',
        kopsPath: kops,
        detail: `policy was not valid JSON: error parsing IAM statements: ${parsed.error}`,
        message: `kops ${c.v.text} reads additionalPolicies.${shortText(key, 20)} as a JSON list of IAM statements and cannot parse it: fix the JSON.`,
      });
    }
    if (parsed.kind !== 'statements') return out;
    parsed.effects.forEach((effect, i) => {
      if (effect === 'Allow' || effect === 'Deny') return;
      const missing = effect === '';
      out.push({
        code: 'kops-auth',
        at,
        type: missing ? 'Required' : 'NotSupported',
        kopsPath: `${kops}[${i}].Effect`,
        detail: missing ? 'Effect must be specified for IAM policy' : supportedValuesDetail(['Allow', 'Deny']),
        message: missing
          ? `Statement ${i} of additionalPolicies.${shortText(key, 20)} has no Effect: kops needs "Effect": "Allow" or "Deny".`
          : `Statement ${i} of additionalPolicies.${shortText(key, 20)} has Effect ${shortText(effect, 20)}: kops accepts only Allow or Deny (case matters).`,
      });
    });
    return out;
  });
}

function externalPolicies(c: ClusterContext): Violation[] {
  if (before(c.v, '1.19')) return [];
  return mapEntriesAt(c.doc, ['spec', 'externalPolicies']).flatMap(({ key, value }) => {
    if ((value !== null && !isSeq(value)) || templatedWithin(c.doc, ['spec', 'externalPolicies'])) return [];
    const out = roleViolation(c, 'externalPolicies', key);
    const policies = isSeq(value) ? value.items : [];
    policies.forEach((item, i) => {
      if (!isScalar(item) || typeof item.value !== 'string') return;
      const resource = arnResource(item.value);
      if (resource?.startsWith('policy/')) return;
      out.push({
        code: 'kops-auth',
        at: ['spec', 'externalPolicies', key],
        underline: ['spec', 'externalPolicies', key, i],
        type: 'Invalid',
        kopsPath: `spec.externalPolicies.${roleOf(c.v, key)}`,
        detail: 'Policy must be a valid AWS ARN such as arn:aws:iam::123456789012:policy/KopsExamplePolicy',
        message: `kops ${c.v.text} attaches only IAM policy ARNs: make ${shortText(item.value) || 'the entry'} one like arn:aws:iam::123456789012:policy/Name.`,
      });
    });
    return out;
  });
}

export const policyRules: ClusterRule = (c) => [...additionalPolicies(c), ...externalPolicies(c)];
