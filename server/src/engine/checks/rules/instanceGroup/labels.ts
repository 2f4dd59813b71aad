import { isMap } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { isTemplated } from '../../../document/templates';
import { nodeAt, plain } from '../../../document/yamlNav';
import { atLeast, before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { groupName, shown } from './igFacts';

/**
 * Node labels (at most one slash, from v1.19) and cloud labels (from v1.19 `kops.k8s.io/instancegroup` must name
 * the group; from v1.20 the reserved tag names and prefixes kops sets itself are forbidden).
 */

const CODE = 'kops-instancegroup';
const INSTANCE_GROUP_TAG = 'kops.k8s.io/instancegroup';
const RESERVED_KEYS = ['Name', 'KubernetesCluster'];
const RESERVED_PREFIXES = ['kubernetes.io/cluster/', 'k8s.io/role/', 'kops.k8s.io/'];

/**
 * A string map as kops reads it (merge keys applied); empty when it is no mapping, or when it holds a template
 * expression (known only once expanded).
 */
function stringMap(doc: YamlDocument, path: readonly PathSegment[]): Record<string, unknown> {
  const node = nodeAt(doc, path);
  if (!isMap(node) || !node.range || isTemplated(doc.text.slice(node.range[0], node.range[1]))) return {};
  const value = plain(node, doc);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function nodeLabelViolations(g: InstanceGroupContext): Violation[] {
  if (before(g.v, '1.19')) return [];
  return Object.keys(stringMap(g.doc, ['spec', 'nodeLabels']))
    .filter((key) => key.split('/').length > 2)
    .map((key) => ({
      code: CODE,
      at: ['spec', 'nodeLabels'],
      underline: ['spec', 'nodeLabels', key],
      type: 'Invalid' as const,
      kopsPath: 'spec.nodeLabels',
      detail: 'Node label may only contain a single slash',
      message: `kops ${g.v.text} rejects the node label ${shown(key)}: a label key has at most one slash (prefix/name).`,
    }));
}

function instanceGroupTagViolations(g: InstanceGroupContext, labels: Record<string, unknown>): Violation[] {
  if (!Object.prototype.hasOwnProperty.call(labels, INSTANCE_GROUP_TAG)) return [];
  const value = labels[INSTANCE_GROUP_TAG] ?? '';
  const name = groupName(g.doc);
  if (typeof value !== 'string' || value === name) return [];
  return [
    {
      code: CODE,
      at: ['spec', 'cloudLabels', INSTANCE_GROUP_TAG],
      type: 'Invalid',
      kopsPath: `spec.cloudLabels.${INSTANCE_GROUP_TAG}`,
      detail: atLeast(g.v, '1.22') ? 'value must match instance group name' : 'Node label may only contain a single slash',
      message: `kops ${g.v.text} sets the cloud label ${INSTANCE_GROUP_TAG} to the group's name: set it to ${shown(name) || 'metadata.name'} or remove it.`,
    },
  ];
}

function reservedViolations(g: InstanceGroupContext, keys: readonly string[]): Violation[] {
  const generic = keys.filter((key) => key !== INSTANCE_GROUP_TAG);
  const reserved = (key: string, detail: string, message: string): Violation => ({
    code: CODE,
    at: ['spec', 'cloudLabels', key],
    type: 'Forbidden',
    kopsPath: `spec.cloudLabels.${key}`,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  return [
    ...RESERVED_KEYS.filter((key) => generic.includes(key)).map((key) =>
      reserved(
        key,
        `"${key}" is a reserved label and cannot be used as a custom label`,
        `sets the cloud tag ${key} itself: remove it from cloudLabels.`,
      ),
    ),
    ...RESERVED_PREFIXES.flatMap((prefix) =>
      generic
        .filter((key) => key.startsWith(prefix))
        .map((key) =>
          reserved(
            key,
            `"${prefix}" is a reserved label prefix and cannot be used as a custom label`,
            `keeps cloud tags starting with ${prefix} for itself: rename or remove ${shown(key)}.`,
          ),
        ),
    ),
  ];
}

export function labelViolations(g: InstanceGroupContext): Violation[] {
  if (before(g.v, '1.19')) return [];
  const labels = stringMap(g.doc, ['spec', 'cloudLabels']);
  return [
    ...nodeLabelViolations(g),
    ...instanceGroupTagViolations(g, labels),
    ...(atLeast(g.v, '1.20') ? reservedViolations(g, Object.keys(labels)) : []),
  ];
}
