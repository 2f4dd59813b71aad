import { isMap } from 'yaml';
import { VOLUME_FILESYSTEMS } from '../../../kops/instanceGroupEnums';
import { goStringAt, intAt, isSetAt, itemsAt } from '../../../kops/goValues';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shown } from './igFacts';
import { cloudProvider, clusterOf } from './clusterView';

/**
 * Additional volumes and their mounts (ValidateInstanceGroup), and volumes outside AWS (DeepValidate). kops'
 * duplicate-device checks never fire (their set is rebuilt for every item), so none is reported here. `btfs` is
 * kops' own spelling in its list of file systems.
 */

const CODE = 'kops-instancegroup';

const mapIndexes = (g: InstanceGroupContext, key: string): number[] =>
  itemsAt(g.doc, ['spec', key]).flatMap((item, i) => (isMap(item) ? [i] : []));

function required(g: InstanceGroupContext, item: PathSegment[], key: string, detail: string, what: string): Violation[] {
  if (goStringAt(g.doc, [...item, key]) !== '') return [];
  const [, list, i] = item;
  return [
    {
      code: CODE,
      at: [...item, key],
      anchors: [item],
      type: 'Required',
      kopsPath: `spec.${String(list)}[${String(i)}].${key}`,
      detail,
      message: `kops ${g.v.text} needs ${what} for every entry of ${String(list)}: set ${String(list)}[${String(i)}].${key}.`,
    },
  ];
}

function volumeViolations(g: InstanceGroupContext, i: number): Violation[] {
  const item: PathSegment[] = ['spec', 'volumes', i];
  const out = required(g, item, 'device', 'device name required', 'the device name');
  const size = isSetAt(g.doc, [...item, 'size']) ? intAt(g.doc, [...item, 'size'], 64) : 0;
  if (size !== undefined && size <= 0) {
    out.push({
      code: CODE,
      at: [...item, 'size'],
      anchors: [item],
      type: 'Invalid',
      kopsPath: `spec.volumes[${i}].size`,
      detail: 'must be greater than zero',
      message: `kops ${g.v.text} needs a volume size above zero (in GB): set volumes[${i}].size.`,
    });
  }
  return out;
}

function mountViolations(g: InstanceGroupContext, i: number): Violation[] {
  const item: PathSegment[] = ['spec', 'volumeMounts', i];
  const out = [
    ...required(g, item, 'device', 'device name required', 'the device name'),
    ...required(g, item, 'filesystem', 'filesystem type required', 'the file system'),
    ...required(g, item, 'path', 'mount path required', 'the mount path'),
  ];
  const filesystem = goStringAt(g.doc, [...item, 'filesystem']);
  if (filesystem !== undefined && !VOLUME_FILESYSTEMS.includes(filesystem)) {
    out.push({
      code: CODE,
      at: [...item, 'filesystem'],
      anchors: [item],
      type: 'NotSupported',
      kopsPath: `spec.volumeMounts[${i}].filesystem`,
      detail: supportedValuesDetail(VOLUME_FILESYSTEMS),
      message: `kops ${g.v.text} formats volumes as ext4 or xfs (or btfs, its spelling of btrfs): set volumeMounts[${i}].filesystem to one of them.`,
    });
  }
  return out;
}

export function volumeAndMountViolations(g: InstanceGroupContext): Violation[] {
  return [
    ...mapIndexes(g, 'volumes').flatMap((i) => volumeViolations(g, i)),
    ...mapIndexes(g, 'volumeMounts').flatMap((i) => mountViolations(g, i)),
  ];
}

export function volumesOutsideAwsViolations(g: InstanceGroupContext): Violation[] {
  const cluster = clusterOf(g);
  const cloud = cluster && cloudProvider(cluster);
  if (!cloud || cloud === 'aws' || itemsAt(g.doc, ['spec', 'volumes']).length === 0) return [];
  return [
    {
      code: 'kops-instancegroup-cluster',
      at: ['spec', 'volumes'],
      type: 'Forbidden',
      kopsPath: 'spec.volumes',
      detail: 'instancegroup volumes are only available with aws at present',
      message: `kops ${g.v.text} creates additional InstanceGroup volumes on AWS only, and this cluster runs on ${shown(cloud)}: remove spec.volumes.`,
    },
  ];
}
