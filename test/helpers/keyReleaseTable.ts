import { join } from 'path';

/** test/fixtures/key-releases: a Cluster and an InstanceGroup holding keys whose releases changed in patch releases. */
export const KEY_RELEASE_FIXTURES = join(__dirname, '..', 'fixtures', 'key-releases');

type Flag = 'newer' | 'removed';
const CODE: Record<Flag, string> = { newer: 'schema-key-newer-kops', removed: 'schema-key-removed' };

type Flags = Record<string, Flag>;
/** Cluster keys every release before v1.29 lacks (watchCache: before v1.30.2). */
const BEFORE_V1_29: Flags = { 'spec.cloudControllerManager.concurrentNodeSyncs': 'newer', 'spec.kubeAPIServer.watchCache': 'newer' };
const NO_SECCOMP_DEFAULT: Flags = { ...BEFORE_V1_29, 'spec.kubelet.seccompDefault': 'newer' };
const TARGET_RAM_REMOVED: Flags = { 'spec.kubeAPIServer.targetRamMb': 'removed' };
const NO_ADDITIONAL_IMAGES: Flags = { 'spec.warmPool.additionalImages': 'newer' };

/** Per kops release, the keys of each fixture that release lacks (as kops' CRD of that tag has them) and why. */
const TABLE: Record<string, { cluster: Flags; instancegroup: Flags }> = {
  'v1.19.3': {
    cluster: { ...NO_SECCOMP_DEFAULT, 'spec.certManager': 'newer' },
    instancegroup: { 'spec.gcpProvisioningModel': 'newer', 'spec.warmPool': 'newer' },
  },
  'v1.24.5': { cluster: NO_SECCOMP_DEFAULT, instancegroup: { ...NO_ADDITIONAL_IMAGES, 'spec.gcpProvisioningModel': 'newer' } },
  'v1.25.0': { cluster: NO_SECCOMP_DEFAULT, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.26.6': { cluster: BEFORE_V1_29, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.27.0': { cluster: NO_SECCOMP_DEFAULT, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.27.1': { cluster: NO_SECCOMP_DEFAULT, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.27.2': { cluster: BEFORE_V1_29, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.30.1': { cluster: { 'spec.kubeAPIServer.watchCache': 'newer' }, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.30.2': { cluster: TARGET_RAM_REMOVED, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.33.2': { cluster: TARGET_RAM_REMOVED, instancegroup: {} },
  'v1.34.0': { cluster: TARGET_RAM_REMOVED, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.34.1': { cluster: TARGET_RAM_REMOVED, instancegroup: NO_ADDITIONAL_IMAGES },
  'v1.34.2': { cluster: TARGET_RAM_REMOVED, instancegroup: {} },
  'v1.36.2': { cluster: TARGET_RAM_REMOVED, instancegroup: {} },
};

export interface KeyReleaseCase {
  release: string;
  fixture: 'cluster' | 'instancegroup';
  /** "path code", sorted. */
  expected: string[];
}

export const KEY_RELEASE_CASES: KeyReleaseCase[] = Object.entries(TABLE).flatMap(([release, byFixture]) =>
  (['cluster', 'instancegroup'] as const).map((fixture) => ({
    release,
    fixture,
    expected: Object.entries(byFixture[fixture])
      .map(([path, flag]) => `${path} ${CODE[flag]}`)
      .sort(),
  })),
);
