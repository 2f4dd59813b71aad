import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { intAt, stringPointerAt } from '../../../kops/goValues';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shown } from './igFacts';
import { cloudProvider, clusterOf } from './clusterView';

/**
 * Root volume settings. IOPS and throughput may not be negative (ValidateInstanceGroup); on AWS the volume type
 * must be an EBS type kops knows (CrossValidateInstanceGroup, from v1.19). kops names the fields after its
 * internal API: rootVolumeIops until v1.25, rootVolumeIOPS in v1.26, rootVolume.iops from v1.27.
 */

const AWS_VOLUME_TYPES = ['standard', 'gp3', 'gp2', 'io1', 'io2'];

function iopsNames(v: KopsVersion): { kopsPath: string; detail: string } {
  if (atLeast(v, '1.27')) return { kopsPath: 'spec.rootVolume.iops', detail: 'IOPS must be greater than 0' };
  const kopsPath = atLeast(v, '1.26') ? 'spec.rootVolumeIOPS' : 'spec.rootVolumeIops';
  return { kopsPath, detail: `${before(v, '1.23') ? 'RootVolumeIops' : 'RootVolumeIOPS'} must be greater than 0` };
}

function throughputNames(v: KopsVersion): { kopsPath: string; detail: string } {
  return atLeast(v, '1.27')
    ? { kopsPath: 'spec.rootVolume.throughput', detail: 'Throughput must be greater than 0' }
    : { kopsPath: 'spec.rootVolumeThroughput', detail: 'RootVolumeThroughput must be greater than 0' };
}

export function rootVolumeViolations(g: InstanceGroupContext): Violation[] {
  const out: Violation[] = [];
  const iops = intAt(g.doc, ['spec', 'rootVolumeIops']);
  if (iops !== undefined && iops < 0) {
    out.push({
      code: 'kops-instancegroup',
      at: ['spec', 'rootVolumeIops'],
      type: 'Invalid',
      ...iopsNames(g.v),
      message: `kops ${g.v.text} rejects a negative rootVolumeIops (${iops}): set a positive value or remove it.`,
    });
  }
  const throughput = intAt(g.doc, ['spec', 'rootVolumeThroughput']);
  if (atLeast(g.v, '1.19') && throughput !== undefined && throughput < 0) {
    out.push({
      code: 'kops-instancegroup',
      at: ['spec', 'rootVolumeThroughput'],
      type: 'Invalid',
      ...throughputNames(g.v),
      message: `kops ${g.v.text} rejects a negative rootVolumeThroughput (${throughput}): set a positive value or remove it.`,
    });
  }
  return out;
}

export function rootVolumeTypeViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  if (!cluster || before(g.v, '1.19') || cloudProvider(cluster) !== 'aws') return [];
  const type = stringPointerAt(g.doc, ['spec', 'rootVolumeType']);
  if (type === undefined || AWS_VOLUME_TYPES.includes(type)) return [];
  return [
    {
      code: 'kops-instancegroup-cluster',
      at: ['spec', 'rootVolumeType'],
      type: 'NotSupported',
      kopsPath: atLeast(g.v, '1.27') ? 'spec.rootVolume.type' : 'spec.rootVolumeType',
      detail: supportedValuesDetail(AWS_VOLUME_TYPES),
      message: `On AWS kops ${g.v.text} accepts the root volume types ${AWS_VOLUME_TYPES.join(', ')}: change rootVolumeType ${shown(type) || '(empty)'}.`,
    },
  ];
}
