import type { YamlDocument } from '../../../document/documents';
import { itemsAt, stringPointerAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { cloudProviderOf, cloudViolation, unreadableList } from './cloudFacts';

/**
 * InstanceGroup settings that depend on the Cluster's cloud: the AWS root volume types (CrossValidateInstanceGroup),
 * extra volumes only on AWS (DeepValidate), and GCE's provisioning model and zones (gceValidateInstanceGroup,
 * which kops runs when it has the cloud).
 */

const ROOT_VOLUME_TYPES = ['standard', 'gp3', 'gp2', 'io1', 'io2'];

function rootVolumeTypeProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const type = stringPointerAt(doc, ['spec', 'rootVolumeType']);
  if (before(v, '1.19') || type === undefined || ROOT_VOLUME_TYPES.includes(type)) return [];
  return [
    cloudViolation({
      at: ['spec', 'rootVolumeType'],
      type: 'NotSupported',
      kopsPath: atLeast(v, '1.27') ? 'spec.rootVolume.type' : 'spec.rootVolumeType',
      detail: supportedValuesDetail(ROOT_VOLUME_TYPES),
      message: `kops ${v.text} accepts the AWS root volume types ${ROOT_VOLUME_TYPES.join(', ')}, not ${type === '' ? 'an empty value' : type}.`,
    }),
  ];
}

function volumesProblems(doc: YamlDocument, cloud: string): Violation[] {
  if (itemsAt(doc, ['spec', 'volumes']).length === 0) return [];
  return [
    cloudViolation({
      at: ['spec', 'volumes'],
      type: 'Forbidden',
      kopsPath: 'spec.volumes',
      detail: 'instancegroup volumes are only available with aws at present',
      message: `kops attaches extra InstanceGroup volumes only on AWS, not on ${cloud}: remove spec.volumes.`,
    }),
  ];
}

function gceProblems(doc: YamlDocument, v: KopsVersion): Violation[] {
  const out: Violation[] = [];
  const model = stringPointerAt(doc, ['spec', 'gcpProvisioningModel']);
  if (atLeast(v, '1.25') && model !== undefined && model !== 'STANDARD' && model !== 'SPOT') {
    out.push(
      cloudViolation({
        at: ['spec', 'gcpProvisioningModel'],
        type: 'NotSupported',
        kopsPath: 'spec.gcpProvisioningModel',
        detail: supportedValuesDetail(['STANDARD', 'SPOT']),
        message: `The GCE provisioning model is STANDARD or SPOT (upper case), not ${model === '' ? 'an empty value' : model}.`,
      }),
    );
  }
  if (atLeast(v, '1.35') && itemsAt(doc, ['spec', 'zones']).length === 0 && !unreadableList(doc, ['spec', 'zones'])) {
    out.push(
      cloudViolation({
        at: ['spec', 'zones'],
        type: 'Required',
        kopsPath: 'spec.zones',
        detail: 'zones should be specified',
        message: `On GCE kops ${v.text} needs the zones of each InstanceGroup: add spec.zones, e.g. the zones of its region.`,
      }),
    );
  }
  return out;
}

export function instanceGroupCloudRules(g: InstanceGroupContext): Violation[] {
  const cloud = g.cluster && cloudProviderOf(g.cluster);
  if (cloud === undefined) return [];
  if (cloud === 'aws') return rootVolumeTypeProblems(g.doc, g.v);
  return [...volumesProblems(g.doc, cloud), ...(cloud === 'gce' ? gceProblems(g.doc, g.v) : [])];
}
