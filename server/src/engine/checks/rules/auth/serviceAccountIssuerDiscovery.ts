import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { kopsKubernetesVersion } from '../../../kops/kubernetesVersion';
import { atLeast, before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { shortText } from '../shortText';
import { kubernetesVersionOf } from '../cluster/clusterDoc';

/**
 * serviceAccountIssuerDiscovery (from v1.22.4): the discovery store must be S3 (GCS too from v1.29; no dots in the
 * bucket from v1.25; memfs:// is left alone, kops' tests use it), the AWS OIDC provider needs a store (or, from v1.35, a discovery service with a URL, not
 * both). kops names most of these fields twice (serviceAccountIssuerDiscovery.serviceAccountIssuerDiscovery…).
 */

const SAID = ['spec', 'serviceAccountIssuerDiscovery'];
const TWICE = 'spec.serviceAccountIssuerDiscovery.serviceAccountIssuerDiscovery';

/** Why kops refuses a discovery store, or undefined. A URL it cannot build at all fails the same way. */
function storeProblem(c: ClusterContext, store: string): string | undefined {
  const s3 = /^s3:\/\/([^/?#]*)/.exec(store);
  if (s3) {
    if (s3[1] === '') return 'not a valid VFS path';
    return atLeast(c.v, '1.25') && s3[1].includes('.') ? 'Bucket name cannot contain dots' : undefined;
  }
  if (store.startsWith('gs://') && atLeast(c.v, '1.29')) return undefined;
  // kops' own tests mark in-memory stores readable; whether a memfs store passes is theirs to say.
  if (store.startsWith('memfs://')) return undefined;
  return 'S3 is the only supported VFS for discoveryStore';
}

export const serviceAccountIssuerDiscoveryRules: ClusterRule = (c) => {
  const { doc, v } = c;
  if (before(v, '1.22.4') || !isMap(nodeAt(doc, SAID)) || templatedWithin(doc, SAID)) return [];
  const out: Violation[] = [];
  const add = (at: Violation['at'], type: Violation['type'], kopsPath: string, detail: string, message: string) =>
    out.push({ code: 'kops-auth', at, type, kopsPath, detail, message });
  const store = stringPointerAt(doc, [...SAID, 'discoveryStore']) ?? '';
  const service = atLeast(v, '1.35') && isMap(nodeAt(doc, [...SAID, 'discoveryService']));
  if (store !== '' && service) {
    add(
      [...SAID, 'discoveryStore'],
      'Forbidden',
      'spec.serviceAccountIssuerDiscovery.discoveryStore',
      'Only one of discoveryStore or discoveryService may be specified',
      `kops ${v.text} takes either discoveryStore or discoveryService: remove one.`,
    );
  }
  const problem = store === '' ? undefined : storeProblem(c, store);
  if (problem) {
    const hint = problem.startsWith('Bucket')
      ? 'use a bucket name without dots'
      : `use an s3://${atLeast(v, '1.29') ? ' or gs://' : ''} bucket`;
    add(
      [...SAID, 'discoveryStore'],
      'Invalid',
      `${TWICE}.discoveryStore`,
      problem,
      `kops ${v.text} cannot publish service account discovery documents to ${shortText(store)}: ${hint}.`,
    );
  }
  if (service && (stringPointerAt(doc, [...SAID, 'discoveryService', 'url']) ?? '') === '') {
    add(
      [...SAID, 'discoveryService', 'url'],
      'Required',
      `${TWICE}.discoveryService.url`,
      'discoveryService URL must be specified',
      'serviceAccountIssuerDiscovery.discoveryService needs a url: set it.',
    );
  }
  if (boolAt(doc, [...SAID, 'enableAWSOIDCProvider']) === true) {
    const at = [...SAID, 'enableAWSOIDCProvider'];
    const written = kubernetesVersionOf(doc);
    const k8s = written === undefined ? undefined : kopsKubernetesVersion(written);
    if (before(v, '1.26') && k8s && k8s.major === 1 && k8s.minor < 18) {
      add(
        at,
        'Forbidden',
        `${TWICE}.enableAWSOIDCProvider`,
        'AWS OIDC Provider requires kubernetes 1.18 or greates',
        `kops ${v.text} creates the AWS OIDC provider only for Kubernetes 1.18 and newer: upgrade Kubernetes.`,
      );
    }
    if (store === '' && !service) {
      const detail = atLeast(v, '1.35')
        ? 'AWS OIDC Provider requires a discoveryStore or discoveryService to be set'
        : 'AWS OIDC Provider requires a discovery store';
      add(
        at,
        'Forbidden',
        `${TWICE}.enableAWSOIDCProvider`,
        detail,
        `kops ${v.text} needs serviceAccountIssuerDiscovery.discoveryStore (an S3 bucket) for the AWS OIDC provider: set it.`,
      );
    }
  }
  return out;
};
