import { isScalar } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, listAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { portRangeError } from '../../../kops/goPortRange';
import { atLeast, before } from '../../../kops/releases';
import { supportedValuesDetail, type Violation } from '../violation';
import { k8sAtLeast, oneFix, rejection, type ComponentContext, shown } from './componentContext';

/** kops' validateKubeAPIServer, except the authentication and authorization ties (kubeApiServerAuth.ts). */

const API = ['spec', 'kubeAPIServer'];
const at = (...rest: string[]): string[] => [...API, ...rest];
const kopsPath = (...rest: string[]): string => ['spec.kubeAPIServer', ...rest].join('.');

/** Go's filepath.Dir on a slash-separated path. */
function goDir(path: string): string {
  const parts: string[] = [];
  const rooted = path.startsWith('/');
  for (const segment of path.slice(0, path.lastIndexOf('/') + 1).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (segment !== '..' || !rooted) parts.push(segment);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

function proxyClientPair(cc: ComponentContext): Violation[] {
  const cert = stringPointerAt(cc.doc, at('proxyClientCertFile')) !== undefined;
  const key = stringPointerAt(cc.doc, at('proxyClientKeyFile')) !== undefined;
  if (cert === key) return [];
  return [
    rejection({
      at: API,
      anchors: [at(cert ? 'proxyClientCertFile' : 'proxyClientKeyFile')],
      type: 'Forbidden',
      kopsPath: 'spec.kubeAPIServer',
      detail: 'proxyClientCertFile and proxyClientKeyFile must both be specified (or neither)',
      message: `kops ${cc.v.text} needs proxyClientCertFile and proxyClientKeyFile together: add ${cert ? 'proxyClientKeyFile' : 'proxyClientCertFile'} or remove the other.`,
    }),
  ];
}

function nodePortRange(cc: ComponentContext): Violation[] {
  const range = stringAt(cc.doc, at('serviceNodePortRange'));
  const error = range === undefined ? undefined : portRangeError(range);
  if (!error) return [];
  const message = `kops ${cc.v.text} cannot read serviceNodePortRange ${shown(range ?? '')}: write it as low-high (e.g. 30000-32767), low+size or a single port.`;
  return [
    rejection({ at: at('serviceNodePortRange'), type: 'Invalid', kopsPath: kopsPath('serviceNodePortRange'), detail: error, message }),
  ];
}

function logFormat(cc: ComponentContext): Violation[] {
  const format = stringAt(cc.doc, at('logFormat'));
  if (before(cc.v, '1.22') || format === undefined || format === 'text' || format === 'json') return [];
  const detail = supportedValuesDetail(['text', 'json']);
  const message = `kops ${cc.v.text} accepts logFormat text or json for the API server, not ${shown(format)}.`;
  return [rejection({ at: at('logFormat'), type: 'NotSupported', kopsPath: kopsPath('logFormat'), detail, message })];
}

function auditWebhook(cc: ComponentContext): Violation[] {
  const webhook = stringAt(cc.doc, at('auditWebhookConfigFile'));
  if (!atLeast(cc.v, '1.26.6') || webhook === undefined) return [];
  const policy = stringAt(cc.doc, at('auditPolicyFile'));
  const base = { at: at('auditWebhookConfigFile'), type: 'Invalid' as const, kopsPath: kopsPath('auditWebhookConfigFile') };
  if (policy === undefined) {
    const message = `kops ${cc.v.text} needs an auditPolicyFile for the audit webhook: add one in the same directory as auditWebhookConfigFile.`;
    return [rejection({ ...base, detail: 'an audit policy is required for the audit webhook config', message })];
  }
  if (goDir(policy) === goDir(webhook)) return [];
  const detail = 'the audit webhook config must be placed in the same directory as the audit policy';
  const message = `kops ${cc.v.text} needs auditWebhookConfigFile in the same directory as auditPolicyFile (${goDir(policy)}).`;
  return [rejection({ ...base, detail, message })];
}

/** kops v1.27+ compares in validateKubeAPIServer; earlier releases only once the cluster's own range parses. */
function serviceRange(cc: ComponentContext, clusterRangeParses: boolean): Violation[] {
  const own = stringAt(cc.doc, at('serviceClusterIPRange'));
  const cluster = stringAt(cc.doc, ['spec', 'serviceClusterIPRange']);
  if (own === undefined || own === cluster || (before(cc.v, '1.27') && !clusterRangeParses)) return [];
  const fixes =
    cluster === undefined ? undefined : oneFix(`Set it to ${shown(cluster)}`, cc.edit.set(at('serviceClusterIPRange'), cluster));
  return [
    rejection({
      at: at('serviceClusterIPRange'),
      type: 'Forbidden',
      kopsPath: kopsPath('serviceClusterIPRange'),
      detail: 'kubeAPIServer serviceClusterIPRange did not match cluster serviceClusterIPRange',
      message: `kops ${cc.v.text} needs kubeAPIServer.serviceClusterIPRange to equal spec.serviceClusterIPRange (${cluster ? shown(cluster) : 'unset'}): remove it or make them equal.`,
      fixes,
    }),
  ];
}

function bootstrapToken(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.28') || boolAt(cc.doc, at('enableBootstrapTokenAuth')) !== true) return [];
  return [
    rejection({
      at: at('enableBootstrapTokenAuth'),
      type: 'Forbidden',
      kopsPath: kopsPath('enableBootstrapTokenAuth'),
      detail: 'bootstrap tokens are not supported',
      message: `kops ${cc.v.text} does not support bootstrap token authentication: remove enableBootstrapTokenAuth.`,
      fixes: oneFix('Remove enableBootstrapTokenAuth', cc.edit.removeKeyKeepingParent(at('enableBootstrapTokenAuth'))),
    }),
  ];
}

const nonEmpty = (cc: ComponentContext, key: string): boolean => (listAt(cc.doc, at(key))?.length ?? 0) > 0;

function admissionControl(cc: ComponentContext): Violation[] {
  if (!nonEmpty(cc, 'admissionControl')) return [];
  const out: Violation[] = [];
  const both = nonEmpty(cc, 'disableAdmissionPlugins');
  if (before(cc.v, '1.26')) {
    if (both && k8sAtLeast(cc, '1.10')) {
      out.push(
        rejection({
          at: at('disableAdmissionPlugins'),
          type: 'Forbidden',
          kopsPath: kopsPath('disableAdmissionPlugins'),
          detail:
            'disableAdmissionPlugins is mutually exclusive, you cannot use both admissionControl and disableAdmissionPlugins together',
          message: `kops ${cc.v.text} does not take disableAdmissionPlugins together with admissionControl: use enableAdmissionPlugins instead of admissionControl.`,
        }),
      );
    }
    return out;
  }
  const base = { at: at('admissionControl'), type: 'Forbidden' as const, kopsPath: kopsPath('admissionControl') };
  if (both) {
    const message = `kops ${cc.v.text} does not take admissionControl together with disableAdmissionPlugins: move its plugins to enableAdmissionPlugins.`;
    out.push(rejection({ ...base, detail: 'admissionControl is mutually exclusive with disableAdmissionPlugins˚', message }));
  }
  if (atLeast(cc.v, '1.32') || k8sAtLeast(cc, '1.26')) {
    const renamable = nodeAt(cc.doc, at('enableAdmissionPlugins')) === undefined;
    const fixes = renamable
      ? oneFix('Rename admissionControl to enableAdmissionPlugins', cc.edit.renameKey(at('admissionControl'), 'enableAdmissionPlugins'))
      : undefined;
    const message = `kops ${cc.v.text} replaced admissionControl with enableAdmissionPlugins: move the plugins there.`;
    out.push(rejection({ ...base, detail: 'admissionControl has been replaced with enableAdmissionPlugins', message, fixes }));
  }
  return out;
}

function podSecurityPolicy(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.25') || (before(cc.v, '1.32') && !k8sAtLeast(cc, '1.25'))) return [];
  return ['enableAdmissionPlugins', 'admissionControl'].flatMap((key) =>
    (listAt(cc.doc, at(key)) ?? []).flatMap((item, i) =>
      isScalar(item) && item.value === 'PodSecurityPolicy'
        ? [
            rejection({
              at: at(key),
              anchors: [[...at(key), i]],
              type: 'Forbidden',
              kopsPath: kopsPath(key),
              detail: 'PodSecurityPolicy has been removed from Kubernetes 1.25',
              message: `Kubernetes 1.25 removed PodSecurityPolicy and kops ${cc.v.text} rejects it in ${key}: remove it (Pod Security Admission replaces it).`,
            }),
          ]
        : [],
    ),
  );
}

export function kubeApiServerRules(cc: ComponentContext, clusterRangeParses: boolean): Violation[] {
  if (!structAt(cc.doc, API)) return [];
  return [
    ...proxyClientPair(cc),
    ...nodePortRange(cc),
    ...logFormat(cc),
    ...auditWebhook(cc),
    ...serviceRange(cc, clusterRangeParses),
    ...bootstrapToken(cc),
    ...admissionControl(cc),
    ...podSecurityPolicy(cc),
  ];
}
