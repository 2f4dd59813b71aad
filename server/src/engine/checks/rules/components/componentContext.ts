import type { YamlDocument } from '../../../document/documents';
import { YamlEditor } from '../../../document/yamlEdit';
import { stringAt } from '../../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../../kops/releases';
import { compareSemver, parseKubernetesVersion, type SemVer } from '../../../kops/semver';
import type { Fix, KopsErrorType, PathSegment, TextEdit } from '../../../types';
import type { ClusterContext } from '../ruleContext';
import type { Violation } from '../violation';

/**
 * What every component rule reads besides its own keys. kops stops validating a Cluster whose
 * kubernetesVersion is missing or unparseable, so the rules run only when it parses.
 */
export interface ComponentContext {
  doc: YamlDocument;
  v: KopsVersion;
  /** The Kubernetes version as kops compares it (pre-release and build dropped). */
  k8s: SemVer;
  /** The v1alpha2 cloudProvider, when it is one kops knows. */
  cloud?: string;
  edit: YamlEditor;
  /** An editor whose added keys go beside `near`, the path a fix's finding blames. */
  editNear: (near: readonly PathSegment[]) => YamlEditor;
}

/** Clouds a v1alpha2 `cloudProvider` names (some only in older releases); anything else fails earlier in kops. */
const KNOWN_CLOUDS = new Set([
  'aws',
  'gce',
  'digitalocean',
  'openstack',
  'azure',
  'hetzner',
  'scaleway',
  'linode',
  'alicloud',
  'baremetal',
]);

/** kops' ParseKubernetesVersion: a semantic version, or a release URL naming `/v1.<minor>.`. */
export function kubernetesVersionOf(text: string): SemVer | undefined {
  const parsed = parseKubernetesVersion(text);
  if (parsed) return parsed;
  const minor = /\/v1\.(\d+)\./.exec(text)?.[1];
  return minor === undefined ? undefined : { major: 1, minor: Number(minor), patch: 0 };
}

export function componentContext(c: ClusterContext): ComponentContext | undefined {
  const written = stringAt(c.doc, ['spec', 'kubernetesVersion']);
  const k8s = written === undefined ? undefined : kubernetesVersionOf(written);
  if (!k8s) return undefined;
  // kops v1.31+ treats a cluster labelled alpha.kops.k8s.io/cloud: metal as bare metal, whatever spec.cloudProvider says.
  const metal = atLeast(c.v, '1.31') && stringAt(c.doc, ['metadata', 'labels', 'alpha.kops.k8s.io/cloud']) === 'metal';
  const cloud = metal ? undefined : stringAt(c.doc, ['spec', 'cloudProvider']);
  return {
    doc: c.doc,
    v: c.v,
    k8s,
    cloud: cloud && KNOWN_CLOUDS.has(cloud) ? cloud : undefined,
    edit: new YamlEditor(c.file, c.doc),
    editNear: (near) => new YamlEditor(c.file, c.doc, near),
  };
}

/** kops' IsKubernetesGTE. */
export function k8sAtLeast(cc: ComponentContext, version: string): boolean {
  const other = parseKubernetesVersion(version);
  return other !== undefined && compareSemver(cc.k8s, other) >= 0;
}

/** The v1alpha2 `masterKubelet` as kops names it in the release: MasterKubelet until v1.26, then ControlPlaneKubelet. */
export const controlPlaneKubeletName = (v: KopsVersion): string => (before(v, '1.26') ? 'masterKubelet' : 'controlPlaneKubelet');

/** The two kubelet blocks kops validates: where they are written and the path kops prints. */
export function kubeletBlocks(v: KopsVersion): Array<{ at: PathSegment[]; kopsPath: string }> {
  return [
    { at: ['spec', 'kubelet'], kopsPath: 'spec.kubelet' },
    { at: ['spec', 'masterKubelet'], kopsPath: `spec.${controlPlaneKubeletName(v)}` },
  ];
}

export interface Rejection {
  at: readonly PathSegment[];
  type: KopsErrorType;
  kopsPath: string;
  detail: string;
  message: string;
  fixes?: Fix[];
  anchors?: ReadonlyArray<readonly PathSegment[]>;
}

/** A kops-components violation. */
export const rejection = (r: Rejection): Violation => ({ code: 'kops-components', ...r });

/** A fix list with one fix, or none when the edit could not be built; `touches` names keys it sets beyond the finding's. */
export function oneFix(title: string, edits: TextEdit[], preferred = true, touches?: PathSegment[][]): Fix[] | undefined {
  return edits.length ? [{ title, edits, ...(preferred ? { preferred } : {}), ...(touches ? { touches } : {}) }] : undefined;
}

/** A value the user wrote, shortened for a one-sentence message. */
export const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 37)}…` : value);
