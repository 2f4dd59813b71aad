import type { YamlDocument } from '../../../document/documents';
import { itemsAt, stringAt, structAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import type { Violation } from '../violation';
import { cloudViolation, kopsPath, unreadableString } from './cloudFacts';

/**
 * awsValidateIAMAuthenticator (kops aws.go, v1.23 and newer): identity mappings need the CRD backend, and each
 * maps an IAM role or user ARN.
 */

const AWS_AUTH = ['spec', 'authentication', 'aws'] as const;

/** The resource part of an ARN as the AWS SDK's arn.Parse splits it, or undefined when it refuses the text. */
function arnResource(text: string): string | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const sections = text.split(':');
  return sections.length < 6 ? undefined : sections.slice(5).join(':');
}

export function iamAuthenticatorProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  if (before(v, '1.23') || !structAt(doc, [...AWS_AUTH])) return [];
  const mappings = itemsAt(doc, [...AWS_AUTH, 'identityMappings']);
  const out: Violation[] = [];
  const backendMode = stringAt(doc, [...AWS_AUTH, 'backendMode']) ?? '';
  if (mappings.length > 0 && !backendMode.includes('CRD') && !unreadableString(doc, [...AWS_AUTH, 'backendMode'])) {
    out.push(
      cloudViolation({
        at: [...AWS_AUTH, 'backendMode'],
        anchors: [[...AWS_AUTH, 'identityMappings']],
        type: 'Forbidden',
        kopsPath: kopsPath(...AWS_AUTH, 'backendMode'),
        detail: 'backendMode must be CRD if identityMappings is set',
        message: 'The AWS IAM authenticator reads identityMappings only from its CRD backend: include CRD in backendMode.',
      }),
    );
  }
  mappings.forEach((_, i) => {
    const at = [...AWS_AUTH, 'identityMappings', i, 'arn'];
    if (unreadableString(doc, at)) return;
    const arn = stringAt(doc, at) ?? '';
    const resource = arnResource(arn);
    if (resource !== undefined && (resource.startsWith('role/') || resource.startsWith('user/'))) return;
    out.push(
      cloudViolation({
        at,
        anchors: [[...AWS_AUTH, 'identityMappings', i]],
        type: 'Invalid',
        kopsPath: kopsPath(...at),
        detail: 'arn must be a valid IAM Role or User ARN such as arn:aws:iam::123456789012:role/KopsExampleRole',
        message: `kops maps only IAM role or user ARNs such as arn:aws:iam::123456789012:role/Name, not ${arn === '' ? 'an empty arn' : arn}.`,
      }),
    );
  });
  return out;
}
