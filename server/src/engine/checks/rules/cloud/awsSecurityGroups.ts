import type { YamlDocument } from '../../../document/documents';
import { stringItemsAt, stringPointerAt } from '../../../kops/goValues';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { cloudViolation, kopsPath } from './cloudFacts';

/**
 * kops' AWS security group id checks (aws.go): a list of extra groups (API load balancer, InstanceGroup) and the
 * load balancer's replacement group. An id must be non-blank and start with `sg-`.
 */

/** `additionalSecurityGroups`: no repeats, no blank entry, each an `sg-` id. `kopsAt` is kops' path of the list. */
export function additionalSecurityGroupProblems(
  doc: YamlDocument,
  at: readonly PathSegment[],
  kopsAt: readonly PathSegment[],
): Violation[] {
  const seen = new Set<string>();
  return stringItemsAt(doc, at).flatMap((group, i) => {
    if (group === undefined) return [];
    const where = { at: [...at, i], kopsPath: kopsPath(...kopsAt, i) };
    const out: Violation[] = [];
    if (seen.has(group)) {
      out.push(
        cloudViolation({
          ...where,
          type: 'Duplicate',
          detail: '',
          message: `Security group ${group} is listed twice: remove the repeat.`,
        }),
      );
    }
    seen.add(group);
    if (group.trim() === '') {
      out.push(
        cloudViolation({
          ...where,
          type: 'Invalid',
          detail: 'security group cannot be empty, if specified',
          message: 'A blank security group entry is rejected by kops: remove it or write an sg- id.',
        }),
      );
    } else if (!group.startsWith('sg-')) {
      out.push(
        cloudViolation({
          ...where,
          type: 'Invalid',
          detail: 'security group does not match the expected AWS format',
          message: `kops expects an AWS security group id such as sg-0123456789abcdef0 here, not ${group}.`,
        }),
      );
    }
    return out;
  });
}

/** `securityGroupOverride` (kops v1.27 and newer): non-blank and an `sg-` id. */
export function securityGroupOverrideProblems(doc: YamlDocument, at: readonly PathSegment[], kopsAt: string): Violation[] {
  const override = stringPointerAt(doc, at);
  if (override === undefined) return [];
  if (override.trim() === '') {
    return [
      cloudViolation({
        at,
        type: 'Invalid',
        kopsPath: kopsAt,
        detail: 'security group override cannot be empty, if specified',
        message: 'A blank securityGroupOverride is rejected by kops: remove the key or write an sg- id.',
      }),
    ];
  }
  if (override.startsWith('sg-')) return [];
  return [
    cloudViolation({
      at,
      type: 'Invalid',
      kopsPath: kopsAt,
      detail: 'security group override does not match the expected AWS format',
      message: `kops expects an AWS security group id such as sg-0123456789abcdef0 as securityGroupOverride, not ${override}.`,
    }),
  ];
}
