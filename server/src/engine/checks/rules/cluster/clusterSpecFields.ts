import { isMap, isScalar } from 'yaml';
import { itemsAt, stringPointerAt, stringAt, templatedWithin } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';

/** Top-level fields validateClusterSpec checks directly: updatePolicy, assets, sysctlParameters, addons. */

const UPDATE_POLICIES = (c: ClusterContext): string[] => (before(c.v, '1.20') ? ['external'] : ['automatic', 'external']);

function updatePolicy(c: ClusterContext): Violation[] {
  const policy = stringPointerAt(c.doc, ['spec', 'updatePolicy']);
  const allowed = UPDATE_POLICIES(c);
  if (policy === undefined || allowed.includes(policy)) return [];
  return [
    {
      code: 'kops-cluster',
      at: ['spec', 'updatePolicy'],
      type: 'NotSupported',
      kopsPath: 'spec.updatePolicy',
      detail: supportedValuesDetail(allowed),
      message: `kops ${c.v.text} accepts updatePolicy ${allowed.join(' or ')}: change ${shortText(policy) || 'the empty value'} or remove the key.`,
    },
  ];
}

function assets(c: ClusterContext): Violation[] {
  const { doc, v } = c;
  const out: Violation[] = [];
  if (stringPointerAt(doc, ['spec', 'assets', 'containerProxy']) !== undefined) {
    if (stringPointerAt(doc, ['spec', 'assets', 'containerRegistry']) !== undefined) {
      const old = before(v, '1.19');
      out.push({
        code: 'kops-cluster',
        at: ['spec', 'assets', 'containerProxy'],
        type: 'Forbidden',
        kopsPath: old ? 'spec.Assets.ContainerProxy' : 'spec.assets.containerProxy',
        detail: old
          ? 'ContainerProxy cannot be used in conjunction with ContainerRegistry as represent mutually exclusive concepts. Please consult the documentation for details.'
          : 'containerProxy cannot be used in conjunction with containerRegistry',
        message: 'kops accepts either assets.containerProxy or assets.containerRegistry, not both: remove one of them.',
      });
    }
  }
  const repository = stringPointerAt(doc, ['spec', 'assets', 'fileRepository']);
  if (atLeast(v, '1.36') && repository !== undefined) out.push(...fileRepository(c, repository));
  return out;
}

/** Go's url.Parse is lenient; only what it certainly yields is judged: a scheme and a host. */
function fileRepository(c: ClusterContext, repository: string): Violation[] {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(repository);
  if ([...repository].some((ch) => ch <= ' ' || ch === '\u007f' || ch === '%')) return [];
  if (!match && repository.split('/')[0].includes(':')) {
    return [fileRepositoryViolation(c, repository, 'cannot parse fileRepository URL')];
  }
  const scheme = match?.[1].toLowerCase() ?? '';
  const rest = match?.[2] ?? repository;
  const host = rest.startsWith('//')
    ? rest
        .slice(2)
        .split(/[/?#]/)[0]
        .replace(/^[^@]*@/, '')
    : '';
  const problems = [
    ...(scheme === 'http' || scheme === 'https' ? [] : ['fileRepository must be an http:// or https:// URL']),
    ...(host === '' ? ['fileRepository must include a host'] : []),
  ];
  return problems.map((detail) => fileRepositoryViolation(c, repository, detail));
}

const fileRepositoryViolation = (c: ClusterContext, repository: string, detail: string): Violation => ({
  code: 'kops-cluster',
  at: ['spec', 'assets', 'fileRepository'],
  type: 'Invalid',
  kopsPath: 'spec.assets.fileRepository',
  detail,
  message: `kops ${c.v.text} needs assets.fileRepository to be an http(s) URL with a host, e.g. https://files.example.com/kops: fix ${shortText(repository)}.`,
});

function sysctlParameters(c: ClusterContext): Violation[] {
  if (before(c.v, '1.28') || templatedWithin(c.doc, ['spec', 'sysctlParameters'])) return [];
  return itemsAt(c.doc, ['spec', 'sysctlParameters']).flatMap((node, i) => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.includes('=')) return [];
    return [
      {
        code: 'kops-cluster' as const,
        at: ['spec', 'sysctlParameters', i],
        type: 'Invalid' as const,
        kopsPath: `spec.sysctlParameters[${i}]`,
        detail: 'must contain a "=" character',
        message: `kops ${c.v.text} needs each sysctl parameter as name=value: fix ${shortText(node.value)}.`,
      },
    ];
  });
}

function addons(c: ClusterContext): Violation[] {
  if (before(c.v, '1.36')) return [];
  return itemsAt(c.doc, ['spec', 'addons']).flatMap((node, i) => {
    const manifest = isMap(node) ? stringAt(c.doc, ['spec', 'addons', i, 'manifest']) : undefined;
    if (!manifest?.startsWith('file://')) return [];
    return [
      {
        code: 'kops-cluster' as const,
        at: ['spec', 'addons', i, 'manifest'],
        type: 'Invalid' as const,
        kopsPath: `spec.addons[${i}].manifest`,
        detail: 'file:// addon manifests are not supported',
        message: `kops ${c.v.text} cannot load addon manifests from file://: upload the manifest to the state store (or another s3://, gs://, https:// location).`,
      },
    ];
  });
}

export const clusterSpecFieldRules: ClusterRule = (c) => [...updatePolicy(c), ...assets(c), ...sysctlParameters(c), ...addons(c)];
