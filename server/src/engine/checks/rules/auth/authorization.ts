import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { stringPointerAt, structAt, templatedWithin } from '../../../kops/goValues';
import { kopsKubernetesVersion } from '../../../kops/kubernetesVersion';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { YamlDocument } from '../../../document/documents';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';
import { ruleFix } from '../ruleFix';
import { cloudProviderOf, kubernetesVersionOf } from '../cluster/clusterDoc';

/**
 * Authorization: kube-apiserver's authorizationMode (a Webhook needs its config file; with RBAC authorization,
 * from v1.19.2, every mode must be known and on AWS RBAC and Node are required) and the retired nodeAuthorization.
 * v1alpha2 decoding turns an omitted or empty `authorization` into alwaysAllow, and from v1.36 into rbac.
 */

const MODES = ['ABAC', 'Webhook', 'Node', 'RBAC', 'AlwaysAllow', 'AlwaysDeny'];
const API = ['spec', 'kubeAPIServer'];

export function usesRbac(doc: YamlDocument, v: KopsVersion): boolean {
  if (structAt(doc, ['spec', 'authorization', 'rbac'])) return true;
  const written = structAt(doc, ['spec', 'authorization', 'alwaysAllow']);
  return !written && atLeast(v, '1.36');
}

/** v1.19.2–v1.23 required RBAC and Node on AWS only for Kubernetes 1.19 and newer. */
function awsNeedsRbacAndNode(c: ClusterContext): boolean {
  if (cloudProviderOf(c.doc) !== 'aws') return false;
  if (atLeast(c.v, '1.24')) return true;
  const written = kubernetesVersionOf(c.doc);
  const k8s = written === undefined ? undefined : kopsKubernetesVersion(written);
  return !!k8s && (k8s.major > 1 || k8s.minor >= 19);
}

/** The modes with Node and RBAC first (the authorizers kops needs), the others kept in order. */
const withNodeAndRbac = (modes: readonly string[]): string =>
  ['Node', 'RBAC', ...modes.filter((m) => m !== 'Node' && m !== 'RBAC' && m !== '')].join(',');

function authorizationMode(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const mode = stringPointerAt(doc, [...API, 'authorizationMode']);
  if (mode === undefined) return [];
  const out: Violation[] = [];
  const webhookConfig = [...API, 'authorizationWebhookConfigFile'];
  if (mode.includes('Webhook') && stringPointerAt(doc, webhookConfig) === undefined && !templatedWithin(doc, webhookConfig)) {
    out.push({
      code: 'kops-auth',
      at: [...API, 'authorizationWebhookConfigFile'],
      anchors: [[...API, 'authorizationMode']],
      type: 'Required',
      kopsPath: 'spec.kubeAPIServer.authorizationWebhookConfigFile',
      detail: 'Authorization mode Webhook requires authorizationWebhookConfigFile to be specified',
      message:
        'kube-apiserver authorization mode Webhook needs kubeAPIServer.authorizationWebhookConfigFile: set it, or drop Webhook from authorizationMode.',
    });
  }
  if (before(v, '1.19.2') || !usesRbac(doc, v)) return out;
  const modes = mode.split(',');
  for (const m of modes) {
    if (MODES.includes(m)) continue;
    out.push({
      code: 'kops-auth',
      at: [...API, 'authorizationMode'],
      type: 'NotSupported',
      kopsPath: 'spec.kubeAPIServer.authorizationMode',
      detail: supportedValuesDetail(MODES),
      message: `kops ${v.text} does not know the authorization mode ${shortText(m) || '(empty)'}: list modes from ${MODES.join(', ')}, comma-separated without spaces.`,
    });
  }
  if (awsNeedsRbacAndNode(c) && !(modes.includes('Node') && modes.includes('RBAC'))) {
    out.push({
      code: 'kops-auth',
      at: [...API, 'authorizationMode'],
      type: 'Required',
      kopsPath: 'spec.kubeAPIServer.authorizationMode',
      detail: 'As of kubernetes 1.19 on AWS, authorizationMode must include RBAC and Node',
      message: `With RBAC authorization on AWS, kops ${v.text} needs kubeAPIServer.authorizationMode to include Node and RBAC, e.g. Node,RBAC.`,
      fixes: ruleFix(
        c,
        'Add Node and RBAC to authorizationMode',
        (e) => e.set([...API, 'authorizationMode'], withNodeAndRbac(modes)),
        true,
        [...API, 'authorizationMode'],
      ),
    });
  }
  return out;
}

function nodeAuthorization(c: ClusterContext): Violation[] {
  if (!isMap(nodeAt(c.doc, ['spec', 'nodeAuthorization']))) return [];
  const retired = atLeast(c.v, '1.20');
  return [
    {
      code: 'kops-auth',
      at: ['spec', 'nodeAuthorization'],
      type: 'Forbidden',
      kopsPath: 'spec.nodeAuthorization',
      detail: retired
        ? 'NodeAuthorization must be empty. The functionality has been reimplemented and is enabled on kubernetes >= 1.19.0.'
        : 'node authorization is experimental feature; set `export KOPS_FEATURE_FLAGS=EnableNodeAuthorization`',
      message: retired
        ? `kops ${c.v.text} no longer accepts nodeAuthorization (Kubernetes' Node authorizer replaces it): remove the block.`
        : `kops ${c.v.text} accepts nodeAuthorization only with KOPS_FEATURE_FLAGS=EnableNodeAuthorization: set it or remove the block.`,
      fixes: ruleFix(c, 'Remove nodeAuthorization', (e) => e.removeKey(['spec', 'nodeAuthorization']), retired),
    },
  ];
}

export const authorizationRules: ClusterRule = (c) => [...authorizationMode(c), ...nodeAuthorization(c)];
