import type { KopsApiVersion } from '../document/documents';
import { eraOf } from './eras';
import { writtenInstanceGroupRoles } from './instanceGroupRoles';
import { atLeast, before, type KopsVersion } from './releases';

/**
 * The InstanceGroup settings kops validates against a fixed list, with that list per release: the rules report a
 * value outside it, completion offers it. `*` stands for any list index.
 */

export const UPDATE_POLICIES = ['automatic', 'external'];
export const TENANCIES = ['default', 'dedicated', 'host'];
export const VOLUME_FILESYSTEMS = ['btfs', 'ext4', 'xfs'];
export const HTTP_TOKENS = ['optional', 'required'];
export const CPU_CREDITS = ['standard', 'unlimited'];

const SPOT_ALLOCATION_STRATEGIES = [
  { from: '1.18', until: '1.23', values: ['lowest-price', 'diversified', 'capacity-optimized'] },
  { from: '1.23', until: '1.25.3', values: ['lowest-price', 'diversified', 'capacity-optimized', 'capacity-optimized-prioritized'] },
  {
    from: '1.25.3',
    values: ['lowest-price', 'diversified', 'capacity-optimized', 'capacity-optimized-prioritized', 'price-capacity-optimized'],
  },
];

/** The spot allocation strategies kops accepts in a mixed instances policy. */
export const spotAllocationStrategies = (v: KopsVersion): string[] => eraOf(v, SPOT_ALLOCATION_STRATEGIES)?.values ?? [];

/** The spot interruption behaviours kops accepts, in the order its error lists them. */
export const interruptionBehaviors = (v: KopsVersion): string[] =>
  before(v, '1.19') ? ['terminate', 'hibernate', 'stop'] : ['hibernate', 'stop', 'terminate'];

interface InstanceGroupEnum {
  path: readonly string[];
  values: (v: KopsVersion, api: KopsApiVersion) => string[];
}

const ENUMS: readonly InstanceGroupEnum[] = [
  { path: ['spec', 'role'], values: writtenInstanceGroupRoles },
  { path: ['spec', 'updatePolicy'], values: (v) => (atLeast(v, '1.20') ? UPDATE_POLICIES : []) },
  { path: ['spec', 'tenancy'], values: () => TENANCIES },
  { path: ['spec', 'volumes', '*', 'filesystem'], values: () => VOLUME_FILESYSTEMS },
  { path: ['spec', 'mixedInstancesPolicy', 'spotAllocationStrategy'], values: spotAllocationStrategies },
  { path: ['spec', 'instanceInterruptionBehavior'], values: interruptionBehaviors },
  { path: ['spec', 'instanceMetadata', 'httpTokens'], values: (v) => (atLeast(v, '1.19') ? HTTP_TOKENS : []) },
  { path: ['spec', 'cpuCredits'], values: (v) => (atLeast(v, '1.20') ? CPU_CREDITS : []) },
];

/** The values kops accepts at an InstanceGroup path (list indexes as numbers), or undefined where it takes any. */
export function instanceGroupEnumAt(path: readonly (string | number)[], v: KopsVersion, api: KopsApiVersion): string[] | undefined {
  const found = ENUMS.find(
    (e) => e.path.length === path.length && e.path.every((s, i) => (s === '*' ? typeof path[i] === 'number' : s === path[i])),
  );
  const values = found?.values(v, api);
  return values?.length ? values : undefined;
}
