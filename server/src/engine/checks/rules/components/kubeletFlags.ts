import { nodeAt } from '../../../document/yamlNav';
import { parseGoDuration } from '../../../kops/goDuration';
import { boolAt, listAt, numberAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { k8sAtLeast, kubeletBlocks, oneFix, rejection, type ComponentContext } from './componentContext';

/** Kubelet settings kops rejects because Kubernetes dropped them (validateKubelet, both kubelet blocks). */

type Reader = 'string' | 'stringPtr' | 'bool' | 'number' | 'list' | 'duration';

interface RemovedSetting {
  key: string;
  /** The name kops prints, when it differs from the v1alpha2 key. */
  kopsKey?: string;
  read: Reader;
  /** Whether the release (and the cluster's Kubernetes version) rejects it. */
  rejects: (cc: ComponentContext) => boolean;
  detail: string;
  /** What to write instead, in the message. */
  instead: string;
  renameTo?: string;
}

const isSet = (cc: ComponentContext, path: PathSegment[], read: Reader): boolean => {
  switch (read) {
    case 'string':
      return stringAt(cc.doc, path) !== undefined;
    case 'stringPtr':
      return stringPointerAt(cc.doc, path) !== undefined;
    case 'bool':
      return boolAt(cc.doc, path) !== undefined;
    case 'number':
      return numberAt(cc.doc, path) !== undefined;
    case 'list':
      return listAt(cc.doc, path) !== undefined;
    case 'duration': {
      const text = stringAt(cc.doc, path);
      return text !== undefined && parseGoDuration(text) !== undefined;
    }
  }
};

/** From `release`, and below `until` only on Kubernetes `k8s` or newer. */
const removedOn =
  (release: string, k8s?: { version: string; until: string }) =>
  (cc: ComponentContext): boolean =>
    atLeast(cc.v, release) && (!k8s || !before(cc.v, k8s.until) || k8sAtLeast(cc, k8s.version));

const REMOVED: readonly RemovedSetting[] = [
  { key: 'apiServers', read: 'string', rejects: removedOn('1.18'), detail: 'api-servers flag was removed in 1.6', instead: 'remove it' },
  {
    key: 'configureCbr0',
    kopsKey: 'ConfigureCBR0',
    read: 'bool',
    rejects: removedOn('1.24'),
    detail: 'configure-cbr0 flag was removed in 1.5',
    instead: 'remove it',
  },
  {
    key: 'podInfraContainerImage',
    read: 'string',
    rejects: removedOn('1.35'),
    detail: 'pod-infra-container-image flag was deprecated in 1.24 and removed in 1.35, use containerd.sandboxImage instead',
    instead: 'set containerd.sandboxImage instead',
  },
  {
    key: 'requireKubeconfig',
    read: 'bool',
    rejects: removedOn('1.18', { version: '1.10', until: '1.19' }),
    detail:
      'require-kubeconfig flag was removed in 1.10.  (Please be sure you are not using a cluster config from `kops get cluster --full`)',
    instead: 'remove it (and make sure the spec is not the output of kops get cluster --full)',
  },
  {
    key: 'experimentalAllowedUnsafeSysctls',
    read: 'list',
    rejects: removedOn('1.23'),
    detail: 'experimentalAllowedUnsafeSysctls was renamed in k8s 1.11; please use allowedUnsafeSysctls instead',
    instead: 'rename it to allowedUnsafeSysctls',
    renameTo: 'allowedUnsafeSysctls',
  },
  {
    key: 'enableCadvisorJsonEndpoints',
    read: 'bool',
    rejects: (cc) => atLeast(cc.v, '1.26') || (atLeast(cc.v, '1.23') && k8sAtLeast(cc, '1.21')),
    detail: 'enableCadvisorJsonEndpoints requires Kubernetes 1.18-1.20',
    instead: 'remove it',
  },
  {
    key: 'cpuCFSQuotaPeriod',
    read: 'duration',
    rejects: removedOn('1.23', { version: '1.20', until: '1.25' }),
    detail: 'cpuCFSQuotaPeriod has been removed on Kubernetes >=1.20',
    instead: 'remove it',
  },
  ...['networkPluginName', 'networkPluginMTU', 'nonMasqueradeCIDR'].map((key): RemovedSetting => ({
    key,
    read: key === 'networkPluginMTU' ? 'number' : 'stringPtr',
    rejects: removedOn('1.24', { version: '1.24', until: '1.29' }),
    detail: `${key} has been removed on Kubernetes >=1.24`,
    instead: 'remove it',
  })),
];

function removedSettings(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  return REMOVED.filter((s) => isSet(cc, [...block, s.key], s.read) && s.rejects(cc)).map((s) => {
    const at = [...block, s.key];
    const renamable = s.renameTo !== undefined && nodeAt(cc.doc, [...block, s.renameTo]) === undefined;
    const fixes = renamable
      ? oneFix(`Rename to ${s.renameTo}`, cc.edit.renameKey(at, s.renameTo!))
      : s.instead === 'remove it'
        ? oneFix(`Remove ${s.key}`, cc.edit.removeKeyKeepingParent(at))
        : undefined;
    return rejection({
      at,
      type: 'Forbidden',
      kopsPath: `${blockPath}.${s.kopsKey ?? s.key}`,
      detail: s.detail,
      message: `kops ${cc.v.text} rejects ${String(block[block.length - 1])}.${s.key}: ${s.instead}.`,
      fixes,
    });
  });
}

/** A bootstrap kubeconfig: until v1.28 it needed the API server block, since then kops refuses it. */
function bootstrapKubeconfig(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  const at = [...block, 'bootstrapKubeconfig'];
  if (stringAt(cc.doc, at) === undefined) return [];
  if (atLeast(cc.v, '1.28')) {
    return [
      rejection({
        at,
        type: 'Forbidden',
        kopsPath: `${blockPath}.bootstrapKubeconfig`,
        detail: 'bootstrap tokens are not supported',
        message: `kops ${cc.v.text} does not support bootstrap tokens: remove bootstrapKubeconfig.`,
        fixes: oneFix('Remove bootstrapKubeconfig', cc.edit.removeKeyKeepingParent(at)),
      }),
    ];
  }
  if (structAt(cc.doc, ['spec', 'kubeAPIServer'])) return [];
  return [
    rejection({
      at: ['spec', 'kubeAPIServer'],
      anchors: [at],
      type: 'Required',
      kopsPath: 'spec.spec.kubeAPIServer',
      detail: 'bootstrap token require the NodeRestriction admissions controller',
      message: `A kubelet bootstrapKubeconfig needs the NodeRestriction admission controller, so kops ${cc.v.text} needs a kubeAPIServer block.`,
    }),
  ];
}

export function kubeletFlagRules(cc: ComponentContext): Violation[] {
  return kubeletBlocks(cc.v).flatMap(({ at, kopsPath }) =>
    structAt(cc.doc, at) ? [...removedSettings(cc, at, kopsPath), ...bootstrapKubeconfig(cc, at, kopsPath)] : [],
  );
}
