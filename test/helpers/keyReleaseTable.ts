import { join } from 'path';

/** test/fixtures/key-releases: a Cluster and an InstanceGroup holding keys whose releases changed in patch releases. */
export const KEY_RELEASE_FIXTURES = join(__dirname, '..', 'fixtures', 'key-releases');

type Flag = 'newer' | 'removed';
const CODE: Record<Flag, string> = { newer: 'schema-key-newer-kops', removed: 'schema-key-removed' };

/** Per kops release, the keys of each fixture that release lacks (as kops' CRD of that tag has them) and why. */
const TABLE: Record<string, { cluster: Record<string, Flag>; instancegroup: Record<string, Flag> }> = {
  'v1.19.3': {
    cluster: {
      'spec.certManager': 'newer',
      'spec.cloudControllerManager.concurrentNodeSyncs': 'newer',
      'spec.kubeAPIServer.watchCache': 'newer',
      'spec.kubelet.seccompDefault': 'newer',
    },
    instancegroup: { 'spec.gcpProvisioningModel': 'newer', 'spec.warmPool': 'newer' },
  },
  'v1.24.5': {
    cluster: {
      'spec.cloudControllerManager.concurrentNodeSyncs': 'newer',
      'spec.kubeAPIServer.watchCache': 'newer',
      'spec.kubelet.seccompDefault': 'newer',
    },
    instancegroup: { 'spec.gcpProvisioningModel': 'newer', 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.25.0': {
    cluster: {
      'spec.cloudControllerManager.concurrentNodeSyncs': 'newer',
      'spec.kubeAPIServer.watchCache': 'newer',
      'spec.kubelet.seccompDefault': 'newer',
    },
    instancegroup: { 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.26.6': {
    cluster: { 'spec.cloudControllerManager.concurrentNodeSyncs': 'newer', 'spec.kubeAPIServer.watchCache': 'newer' },
    instancegroup: { 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.27.0': {
    cluster: {
      'spec.cloudControllerManager.concurrentNodeSyncs': 'newer',
      'spec.kubeAPIServer.watchCache': 'newer',
      'spec.kubelet.seccompDefault': 'newer',
    },
    instancegroup: { 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.27.1': {
    cluster: {
      'spec.cloudControllerManager.concurrentNodeSyncs': 'newer',
      'spec.kubeAPIServer.watchCache': 'newer',
      'spec.kubelet.seccompDefault': 'newer',
    },
    instancegroup: { 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.27.2': {
    cluster: { 'spec.cloudControllerManager.concurrentNodeSyncs': 'newer', 'spec.kubeAPIServer.watchCache': 'newer' },
    instancegroup: { 'spec.warmPool.additionalImages': 'newer' },
  },
  'v1.30.1': { cluster: { 'spec.kubeAPIServer.watchCache': 'newer' }, instancegroup: { 'spec.warmPool.additionalImages': 'newer' } },
  'v1.30.2': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: { 'spec.warmPool.additionalImages': 'newer' } },
  'v1.33.2': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: {} },
  'v1.34.0': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: { 'spec.warmPool.additionalImages': 'newer' } },
  'v1.34.1': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: { 'spec.warmPool.additionalImages': 'newer' } },
  'v1.34.2': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: {} },
  'v1.36.2': { cluster: { 'spec.kubeAPIServer.targetRamMb': 'removed' }, instancegroup: {} },
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
