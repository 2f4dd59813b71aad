import { boolAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import { parseCidr } from '../network';
import { supportedValuesDetail, type Violation } from '../violation';
import { k8sAtLeast, rejection, type ComponentContext, shown } from './componentContext';

/** Addons whose settings depend on the cloud or the DNS setup: cluster autoscaler, external DNS, node termination handler, AWS cloud controller manager. */

const CA = ['spec', 'clusterAutoscaler'];

function expanderValue(cc: ComponentContext): Violation[] {
  // A pointer until v1.26 (an empty string is checked), a plain string since.
  const expander = before(cc.v, '1.26') ? stringPointerAt(cc.doc, [...CA, 'expander']) : stringAt(cc.doc, [...CA, 'expander']);
  if (expander === undefined) return [];
  const values = ['least-waste', 'random', 'most-pods', ...(atLeast(cc.v, '1.23') ? ['price', 'priority'] : [])];
  const out: Violation[] = [];
  if (!values.includes(expander)) {
    const message = `kops ${cc.v.text} accepts the cluster autoscaler expanders ${values.join(', ')}, not ${expander ? shown(expander) : 'an empty one'}.`;
    out.push(
      rejection({
        at: [...CA, 'expander'],
        type: 'NotSupported',
        kopsPath: 'spec.clusterAutoscaler.expander',
        detail: supportedValuesDetail(values),
        message,
      }),
    );
  }
  if (expander === 'price' && atLeast(cc.v, '1.23') && cc.cloud && cc.cloud !== 'gce') {
    out.push(
      rejection({
        at: [...CA, 'expander'],
        type: 'Forbidden',
        kopsPath: 'spec.clusterAutoscaler.expander',
        detail: 'Cluster autoscaler price expander is only supported on GCE',
        message: `kops ${cc.v.text} supports the price expander on GCE only: pick another expander on ${cc.cloud}.`,
      }),
    );
  }
  return out;
}

function clusterAutoscaler(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.19') || !structAt(cc.doc, CA)) return [];
  const forbidden = (detail: string, message: string): Violation =>
    rejection({ at: CA, type: 'Forbidden', kopsPath: 'spec.clusterAutoscaler', detail, message });
  return [
    ...(before(cc.v, '1.20') && !k8sAtLeast(cc, '1.12')
      ? [
          forbidden(
            'Cluster autoscaler requires kubernetesVersion 1.12 or higher',
            `kops ${cc.v.text} runs the cluster autoscaler on Kubernetes 1.12 or newer only.`,
          ),
        ]
      : []),
    ...expanderValue(cc),
    ...(cc.cloud === 'openstack'
      ? [
          forbidden(
            'Cluster autoscaler is not supported on OpenStack',
            `kops ${cc.v.text} does not support the cluster autoscaler on OpenStack: remove the clusterAutoscaler block.`,
          ),
        ]
      : []),
  ];
}

const gossipName = (name: string | undefined): boolean => name !== undefined && name.replace(/\.$/, '').endsWith('.k8s.local');

function externalDnsTopology(cc: ComponentContext): Violation[] {
  const at = ['spec', 'externalDNS', 'provider'];
  const forbidden = (detail: string, message: string): Violation =>
    rejection({ at, type: 'Forbidden', kopsPath: 'spec.externalDNS.provider', detail, message });
  if (before(cc.v, '1.26')) {
    const internal = stringAt(cc.doc, ['spec', 'masterInternalName']);
    return gossipName(internal && `.${internal}`)
      ? [
          forbidden(
            'external-dns does not support gossip clusters',
            `kops ${cc.v.text} cannot run external-dns on a gossip cluster: use provider dns-controller.`,
          ),
        ]
      : [];
  }
  const noneDns = stringAt(cc.doc, ['spec', 'topology', 'dns', 'type']) === 'None';
  const out: Violation[] = [];
  if (noneDns || gossipName(stringAt(cc.doc, ['metadata', 'name']))) {
    const message = `kops ${cc.v.text} runs external-dns only with public or private DNS, not on a gossip or DNS-less cluster: use provider dns-controller or none.`;
    out.push(forbidden('external-dns requires public or private DNS topology', message));
  }
  const nonMasquerade = stringAt(cc.doc, ['spec', 'nonMasqueradeCIDR']);
  if (before(cc.v, '1.27') && nonMasquerade !== undefined && parseCidr(nonMasquerade)?.v6) {
    out.push(forbidden('external-dns does not support IPv6 clusters', `kops ${cc.v.text} does not run external-dns on IPv6 clusters.`));
  }
  return out;
}

function externalDns(cc: ComponentContext): Violation[] {
  const dns = ['spec', 'externalDNS'];
  if (before(cc.v, '1.22') || !structAt(cc.doc, dns)) return [];
  const out: Violation[] = [];
  const provider = stringAt(cc.doc, [...dns, 'provider']) ?? '';
  const providers = ['', 'dns-controller', 'external-dns', ...(atLeast(cc.v, '1.23') ? ['none'] : [])];
  if (!providers.includes(provider)) {
    const message = `kops ${cc.v.text} accepts externalDNS.provider ${providers.filter((p) => p).join(', ')}, not ${shown(provider)}.`;
    out.push(
      rejection({
        at: [...dns, 'provider'],
        type: 'NotSupported',
        kopsPath: 'spec.externalDNS.provider',
        detail: supportedValuesDetail(providers),
        message,
      }),
    );
  }
  const namespace = stringAt(cc.doc, [...dns, 'watchNamespace']);
  if (namespace !== undefined && namespace !== 'kube-system') {
    out.push(
      rejection({
        at: [...dns, 'watchNamespace'],
        type: 'Forbidden',
        kopsPath: 'spec.externalDNS.watchNamespace',
        detail: 'externalDNS must watch either all namespaces or only kube-system',
        message: `kops ${cc.v.text} lets externalDNS watch all namespaces or only kube-system: remove watchNamespace or set it to kube-system.`,
      }),
    );
  }
  return provider === 'external-dns' ? [...out, ...externalDnsTopology(cc)] : out;
}

const NTH = ['spec', 'nodeTerminationHandler'];

/** Queue-processor mode: enabled, and SQS termination draining not turned off. */
const queueMode = (cc: ComponentContext): boolean =>
  boolAt(cc.doc, [...NTH, 'enabled']) === true && boolAt(cc.doc, [...NTH, 'enableSQSTerminationDraining']) !== false;

function nodeTerminationHandler(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.19') || !structAt(cc.doc, NTH)) return [];
  if (before(cc.v, '1.26')) {
    if (!cc.cloud || cc.cloud === 'aws') return [];
    const message = `kops ${cc.v.text} runs the node termination handler on AWS only: remove the nodeTerminationHandler block.`;
    return [
      rejection({
        at: NTH,
        type: 'Forbidden',
        kopsPath: 'spec.nodeTerminationHandler',
        detail: 'Node Termination Handler supports only AWS',
        message,
      }),
    ];
  }
  // From v1.26 kops keeps it under the AWS cloud provider; elsewhere the spec does not even convert.
  if (cc.cloud !== 'aws') return [];
  const base = 'spec.cloudProvider.aws.nodeTerminationHandler';
  const out: Violation[] = [];
  if (atLeast(cc.v, '1.34') && boolAt(cc.doc, [...NTH, 'enabled']) !== false && boolAt(cc.doc, ['spec', 'karpenter', 'enabled']) === true) {
    const message = `kops ${cc.v.text} does not run the node termination handler alongside Karpenter: disable one of them.`;
    out.push(
      rejection({
        at: NTH,
        type: 'Forbidden',
        kopsPath: base,
        detail: 'nodeTerminationHandler cannot be used in conjunction with Karpenter',
        message,
      }),
    );
  }
  if (!queueMode(cc)) return out;
  const turnedOff = (key: string): boolean => boolAt(cc.doc, [...NTH, key]) === false;
  const forbidden = (key: string, detail: string, message: string): Violation =>
    rejection({ at: [...NTH, key], type: 'Forbidden', kopsPath: `${base}.${key}`, detail, message });
  if (turnedOff('enableSpotInterruptionDraining')) {
    const message = `In queue-processor mode kops ${cc.v.text} always drains on spot interruptions: remove enableSpotInterruptionDraining: false.`;
    out.push(forbidden('enableSpotInterruptionDraining', 'spot interruption draining cannot be disabled in Queue Processor mode', message));
  }
  if (before(cc.v, '1.36') && turnedOff('enableScheduledEventDraining')) {
    const message = `In queue-processor mode kops ${cc.v.text} always drains on scheduled events: remove enableScheduledEventDraining: false.`;
    out.push(forbidden('enableScheduledEventDraining', 'scheduled event draining cannot be disabled in Queue Processor mode', message));
  }
  if (boolAt(cc.doc, [...NTH, 'enableRebalanceDraining']) !== true && boolAt(cc.doc, [...NTH, 'enableRebalanceMonitoring']) === true) {
    const message = `In queue-processor mode kops ${cc.v.text} monitors rebalance events only to drain them: set enableRebalanceDraining: true or drop enableRebalanceMonitoring.`;
    out.push(forbidden('enableRebalanceMonitoring', 'rebalance events can only drain in Queue Processor mode', message));
  }
  return out;
}

/** kops v1.20–v1.28 on AWS: the external cloud controller manager needs the EBS CSI driver (or, until v1.22, the in-tree volume plugin). */
function externalCloudControllerManager(cc: ComponentContext): Violation[] {
  const at = ['spec', 'cloudControllerManager'];
  if (before(cc.v, '1.20') || atLeast(cc.v, '1.29') || cc.cloud !== 'aws' || !structAt(cc.doc, at)) return [];
  const forbidden = (detail: string, message: string): Violation =>
    rejection({ at, type: 'Forbidden', kopsPath: 'spec.externalCloudControllerManager', detail, message });
  const csi = boolAt(cc.doc, ['spec', 'cloudConfig', 'awsEBSCSIDriver', 'enabled']);
  const needsCsi = `kops ${cc.v.text} runs the AWS cloud controller manager only with the EBS CSI driver: enable cloudConfig.awsEBSCSIDriver.`;
  if (before(cc.v, '1.22')) {
    const inTree =
      structAt(cc.doc, ['spec', 'kubeControllerManager']) &&
      stringAt(cc.doc, ['spec', 'kubeControllerManager', 'externalCloudVolumePlugin']) === 'aws';
    if (inTree || csi === true) return [];
    const detail =
      'AWS external CCM cannot be used without enabling spec.cloudConfig.AWSEBSCSIDriver or setting spec.kubeControllerManaager.externalCloudVolumePlugin set to `aws`';
    return [forbidden(detail, `${needsCsi.slice(0, -1)} or set externalCloudVolumePlugin: aws.`)];
  }
  const out: Violation[] = [];
  if (before(cc.v, '1.23') && !k8sAtLeast(cc, '1.18')) {
    out.push(
      forbidden(
        'AWS external CCM requires kubernetes 1.18+',
        `kops ${cc.v.text} runs the AWS cloud controller manager on Kubernetes 1.18 or newer only.`,
      ),
    );
  }
  if (csi === false) {
    const where = before(cc.v, '1.26') ? 'spec.cloudConfig.AWSEBSCSIDriver' : 'spec.cloudProvider.aws.ebsCSIDriverSpec';
    out.push(forbidden(`AWS external CCM cannot be used without enabling ${where}.`, needsCsi));
  }
  return out;
}

export function cloudAddonRules(cc: ComponentContext): Violation[] {
  return [...clusterAutoscaler(cc), ...externalDns(cc), ...nodeTerminationHandler(cc), ...externalCloudControllerManager(cc)];
}
