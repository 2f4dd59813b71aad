import { isScalar } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { mapEntriesAt, stringPointerAt, templatedWithin } from '../../../kops/goValues';
import { isDns1123Subdomain, isQualifiedName, isValidLabelValue } from '../../../kops/k8sNames';
import { atLeast } from '../../../kops/releases';
import type { ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';
import { shortText } from '../shortText';
import { usesNoneDNS } from './clusterDoc';

/**
 * The cluster's metadata: Kubernetes' ValidateObjectMeta (name, labels, annotation keys; one error per message)
 * and kops' own name rules, reported on `objectMeta.name`: a DNS name, fully qualified unless the cluster is an
 * imported one or (from v1.34) uses no DNS. As for cloudProvider, a missing name is reported only when the key is
 * written empty.
 */

const IMPORTED = 'kops.kubernetes.io/management';

const violation = (at: Violation['at'], type: Violation['type'], kopsPath: string, detail: string, message: string): Violation => ({
  code: 'kops-cluster',
  at,
  type,
  kopsPath,
  detail,
  message,
});

function nameViolations(c: Parameters<ClusterRule>[0]): Violation[] {
  const { doc, v } = c;
  if (stringPointerAt(doc, ['metadata', 'generateName']) !== undefined) return [];
  const written = nodeAt(doc, ['metadata', 'name']);
  const name = stringPointerAt(doc, ['metadata', 'name']);
  if (written === undefined || (!(isScalar(written) && written.value === null) && name === undefined)) return [];
  const at = ['metadata', 'name'];
  if (name === undefined || name === '') {
    return [
      violation(at, 'Required', 'metadata.name', 'name or generateName is required', 'kops needs a cluster name: set metadata.name.'),
      violation(
        at,
        'Required',
        'objectMeta.name',
        'Cluster Name is required (e.g. --name=mycluster.myzone.com)',
        'kops needs a cluster name: set metadata.name.',
      ),
    ];
  }
  const problems = isDns1123Subdomain(name);
  if (problems.length) {
    const message = `kops ${v.text} needs the cluster name ${shortText(name)} to be a lowercase DNS name (letters, digits, '-' and '.'): rename it, e.g. mycluster.example.com.`;
    return [
      ...problems.map((p) => violation(at, 'Invalid', 'metadata.name', p, message)),
      violation(
        at,
        'Invalid',
        'objectMeta.name',
        `Cluster Name must be a valid DNS name (e.g. --name=mycluster.myzone.com) errors: ${problems.join(', ')}`,
        message,
      ),
    ];
  }
  const imported = stringPointerAt(doc, ['metadata', 'annotations', IMPORTED]) === 'imported';
  const noneDnsExempt = atLeast(v, '1.34') && usesNoneDNS(doc);
  if (name.includes('.') || imported || noneDnsExempt) return [];
  const hint = atLeast(v, '1.34') ? ', or set topology.dns.type None' : '';
  return [
    violation(
      at,
      'Invalid',
      'objectMeta.name',
      'Cluster Name must be a fully-qualified DNS name (e.g. --name=mycluster.myzone.com)',
      `kops ${v.text} needs a fully-qualified cluster name: rename ${shortText(name, 30)} to e.g. ${shortText(name, 30)}.example.com${hint}.`,
    ),
  ];
}

function labelViolations(c: Parameters<ClusterRule>[0]): Violation[] {
  const labels = mapEntriesAt(c.doc, ['metadata', 'labels']).flatMap(({ key, value }) => {
    const keyProblems = isQualifiedName(key);
    const text = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
    const valueProblems = text === undefined ? [] : isValidLabelValue(text);
    const message = `Kubernetes refuses the cluster label ${shortText(key)}: use a qualified key and a value of at most 63 letters, digits, '-', '_' or '.'.`;
    return [...keyProblems, ...valueProblems].map((p) => ({
      ...violation(['metadata', 'labels'], 'Invalid', 'metadata.labels', p, message),
      underline: ['metadata', 'labels', key],
    }));
  });
  const annotations = mapEntriesAt(c.doc, ['metadata', 'annotations']).flatMap(({ key }) =>
    isQualifiedName(key.toLowerCase()).map((p) => ({
      ...violation(
        ['metadata', 'annotations'],
        'Invalid',
        'metadata.annotations',
        p,
        `Kubernetes refuses the cluster annotation key ${shortText(key)}: use a qualified name such as example.com/my-key.`,
      ),
      underline: ['metadata', 'annotations', key],
    })),
  );
  return [...labels, ...annotations];
}

export const clusterNameRules: ClusterRule = (c) => [
  ...nameViolations(c),
  ...(templatedWithin(c.doc, ['metadata', 'labels']) || templatedWithin(c.doc, ['metadata', 'annotations']) ? [] : labelViolations(c)),
];
