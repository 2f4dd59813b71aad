import type { ParsedFile, YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Violation, Warning } from './violation';

/**
 * What a whole-spec rule reads: its kops document, read as kops decodes it (kops/goValues.ts), and the kops
 * release. `file` holds the document alone (line 0 is its first line): fixes a rule offers are built against it.
 */
export interface SpecDocument {
  file: ParsedFile;
  doc: YamlDocument;
  v: KopsVersion;
}

/** A Cluster document; `instanceGroups` are the InstanceGroups known to belong to it (read only). */
export interface ClusterContext extends SpecDocument {
  instanceGroups: readonly YamlDocument[];
}

/** An InstanceGroup document; `cluster` is its Cluster (read only), when it is known for sure. */
export interface InstanceGroupContext extends SpecDocument {
  cluster?: YamlDocument;
}

/** A rule of kops' Cluster validation (`validation.go` and what it calls) on the Cluster alone. */
export type ClusterRule = (c: ClusterContext) => Violation[];
/** A check of the Cluster alone that can only warn: kops refuses the spec, but specs scoped to other rules must stay clean. */
export type ClusterWarningRule = (c: ClusterContext) => Warning[];
/** A rule of kops' InstanceGroup validation (`ValidateInstanceGroup`), or one that needs the IG's Cluster. */
export type InstanceGroupRule = (g: InstanceGroupContext) => Violation[];
