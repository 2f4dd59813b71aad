import { parseGoDuration } from '../../../kops/goDuration';
import { stringAt, structAt } from '../../../kops/goValues';
import { atLeast, before } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import { supportedValuesDetail, type Violation } from '../violation';
import { k8sAtLeast, kubeletBlocks, rejection, type ComponentContext, shown } from './componentContext';

/** Kubelet values kops checks in validateKubelet: enums, and the shutdown and crash-loop durations. */

interface Enum {
  key: string;
  values: string[];
  from: string;
}

const ENUMS: readonly Enum[] = [
  { key: 'topologyManagerPolicy', values: ['none', 'best-effort', 'restricted', 'single-numa-node'], from: '1.18' },
  { key: 'logFormat', values: ['text', 'json'], from: '1.22' },
  { key: 'memorySwapBehavior', values: ['LimitedSwap', 'UnlimitedSwap'], from: '1.27' },
];

function enums(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  return ENUMS.flatMap(({ key, values, from }) => {
    const value = stringAt(cc.doc, [...block, key]);
    if (value === undefined || values.includes(value) || !atLeast(cc.v, from)) return [];
    return [
      rejection({
        at: [...block, key],
        type: 'NotSupported',
        kopsPath: `${blockPath}.${key}`,
        detail: supportedValuesDetail(values),
        message: `kops ${cc.v.text} accepts ${key} ${values.join(', ')}, not ${shown(value)}.`,
      }),
    ];
  });
}

/** kops before v1.23 refused a topology manager policy below Kubernetes 1.18. */
function topologyManagerK8s(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  const at = [...block, 'topologyManagerPolicy'];
  if (!before(cc.v, '1.23') || stringAt(cc.doc, at) === undefined || k8sAtLeast(cc, '1.18')) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: `${blockPath}.topologyManagerPolicy`,
      detail: 'topologyManagerPolicy requires at least Kubernetes 1.18',
      message: `kops ${cc.v.text} needs Kubernetes 1.18 or newer for topologyManagerPolicy: remove it or raise kubernetesVersion.`,
    }),
  ];
}

const duration = (cc: ComponentContext, path: PathSegment[]): number | undefined => {
  const text = stringAt(cc.doc, path);
  return text === undefined ? undefined : parseGoDuration(text);
};

function shutdownGracePeriods(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  const at = [...block, 'shutdownGracePeriodCriticalPods'];
  const critical = duration(cc, at);
  if (before(cc.v, '1.23') || critical === undefined) return [];
  const total = duration(cc, [...block, 'shutdownGracePeriod']);
  const kopsPath = `${blockPath}.shutdownGracePeriodCriticalPods`;
  if (total === undefined) {
    const message = `kops ${cc.v.text} needs shutdownGracePeriod with shutdownGracePeriodCriticalPods: add shutdownGracePeriod (at least as long).`;
    return [rejection({ at, type: 'Forbidden', kopsPath, detail: 'shutdownGracePeriodCriticalPods require shutdownGracePeriod', message })];
  }
  if (total >= critical) return [];
  const detail = 'shutdownGracePeriodCriticalPods cannot be greater than shutdownGracePeriod';
  const message = `kops ${cc.v.text} needs shutdownGracePeriodCriticalPods no longer than shutdownGracePeriod: shorten it or lengthen shutdownGracePeriod.`;
  return [rejection({ at, type: 'Invalid', kopsPath, detail, message })];
}

const SECOND = 1e9;

function crashLoopBackOff(cc: ComponentContext, block: PathSegment[], blockPath: string): Violation[] {
  const at = [...block, 'crashLoopBackOffMaxContainerRestartPeriod'];
  const period = duration(cc, at);
  if (before(cc.v, '1.35') || period === undefined || (period >= SECOND && period <= 300 * SECOND)) return [];
  return [
    rejection({
      at,
      type: 'Invalid',
      kopsPath: `${blockPath}.crashLoopBackOffMaxContainerRestartPeriod`,
      detail: 'crashLoopBackOffMaxContainerRestartPeriod must be a value between 1s and 300s',
      message: `kops ${cc.v.text} accepts crashLoopBackOffMaxContainerRestartPeriod between 1s and 300s.`,
    }),
  ];
}

export function kubeletValueRules(cc: ComponentContext): Violation[] {
  return kubeletBlocks(cc.v).flatMap(({ at, kopsPath }) =>
    structAt(cc.doc, at)
      ? [
          ...enums(cc, at, kopsPath),
          ...topologyManagerK8s(cc, at, kopsPath),
          ...shutdownGracePeriods(cc, at, kopsPath),
          ...crashLoopBackOff(cc, at, kopsPath),
        ]
      : [],
  );
}
