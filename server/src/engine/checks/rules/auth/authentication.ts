import { isMap, isScalar, isSeq } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { itemsAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { atLeast } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { shortText } from '../shortText';
import { cloudProviderOf } from '../cluster/clusterDoc';
import { arnResource } from './awsArn';

/**
 * Authentication: from v1.30 kube-apiserver's authenticationConfigFile excludes the OIDC flags (v1alpha2 keeps them
 * on kubeAPIServer; kops moves them to authentication.oidc), and from v1.23 on AWS the aws-iam-authenticator
 * identity mappings need the CRD backend and role or user ARNs.
 */

const OIDC_KEYS = [
  'oidcUsernameClaim',
  'oidcUsernamePrefix',
  'oidcGroupsClaim',
  'oidcGroupsPrefix',
  'oidcIssuerURL',
  'oidcClientID',
  'oidcRequiredClaim',
];
const API = ['spec', 'kubeAPIServer'];

function authenticationConfigFile(c: ClusterContext): Violation[] {
  if (!atLeast(c.v, '1.30') || (stringPointerAt(c.doc, [...API, 'authenticationConfigFile']) ?? '') === '') return [];
  const oidc = OIDC_KEYS.filter((key) => {
    const node = nodeAt(c.doc, [...API, key]);
    return key === 'oidcRequiredClaim' ? isSeq(node) : stringPointerAt(c.doc, [...API, key]) !== undefined;
  });
  if (!oidc.length) return [];
  return [
    {
      code: 'kops-auth',
      at: [...API, 'authenticationConfigFile'],
      type: 'Forbidden',
      kopsPath: 'spec.kubeAPIServer.authenticationConfigFile',
      detail:
        'authenticationConfigFile is mutually exclusive with OIDC options, remove all existing OIDC options to use authenticationConfigFile',
      message: `kops ${c.v.text} does not combine kubeAPIServer.authenticationConfigFile with the oidc* flags: move ${oidc.length === 1 ? oidc[0] : `the ${oidc.length} oidc* settings`} into that file.`,
    },
  ];
}

function awsIamAuthenticator(c: ClusterContext): Violation[] {
  const aws = ['spec', 'authentication', 'aws'];
  if (!atLeast(c.v, '1.23') || cloudProviderOf(c.doc) !== 'aws' || !isMap(nodeAt(c.doc, aws)) || templatedWithin(c.doc, aws)) return [];
  const mappings = itemsAt(c.doc, [...aws, 'identityMappings']);
  const out: Violation[] = [];
  if (mappings.length && !(stringPointerAt(c.doc, [...aws, 'backendMode']) ?? '').includes('CRD')) {
    out.push({
      code: 'kops-auth',
      at: [...aws, 'backendMode'],
      anchors: [[...aws, 'identityMappings']],
      type: 'Forbidden',
      kopsPath: 'spec.authentication.aws.backendMode',
      detail: 'backendMode must be CRD if identityMappings is set',
      message: `kops ${c.v.text} applies authentication.aws identityMappings only with the CRD backend: set backendMode to CRD (or e.g. CRD,MountedFile).`,
    });
  }
  mappings.forEach((node, i) => {
    if (!isMap(node)) return;
    const at = [...aws, 'identityMappings', i, 'arn'];
    const arnNode = nodeAt(c.doc, at);
    if (arnNode !== undefined && !(isScalar(arnNode) && typeof arnNode.value === 'string')) return;
    const arn = stringPointerAt(c.doc, at) ?? '';
    const resource = arnResource(arn);
    if (resource !== undefined && (resource.startsWith('role/') || resource.startsWith('user/'))) return;
    out.push({
      code: 'kops-auth',
      at,
      anchors: [[...aws, 'identityMappings', i]],
      type: 'Invalid',
      kopsPath: `spec.authentication.aws.identityMappings[${i}].arn`,
      detail: 'arn must be a valid IAM Role or User ARN such as arn:aws:iam::123456789012:role/KopsExampleRole',
      message: `kops ${c.v.text} maps only IAM roles and users: make ${shortText(arn) || 'the arn'} a role or user ARN like arn:aws:iam::123456789012:role/Name.`,
    });
  });
  return out;
}

export const authenticationRules: ClusterRule = (c) => [...authenticationConfigFile(c), ...awsIamAuthenticator(c)];
