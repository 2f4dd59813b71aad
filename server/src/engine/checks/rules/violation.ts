import { KOPS_CILIUM_DOCS } from '../../kops/catalog/docsLinks';
import type { KopsErrorType, PathSegment } from '../../types';

/** One rejection as a rule family reports it, before it is placed in the text. */
export interface Violation {
  /** Rule id from cilium-rules.md. */
  code: string;
  /** Where the problem is in the document (its own apiVersion's keys). */
  at: readonly PathSegment[];
  /** A more precise place to underline than `at` (e.g. the offending list item), used when written. */
  underline?: readonly PathSegment[];
  /** Places to underline when `at` is not written, tried in order before the nearest written parent. */
  anchors?: ReadonlyArray<readonly PathSegment[]>;
  type: KopsErrorType;
  /** Path exactly as kops prints it. */
  kopsPath: string;
  /** kops' literal detail string. */
  detail: string;
  /** What to do, naming the kops versions where it matters. */
  message: string;
  /** Said only when the finding appears on the defaulted spec: which default triggers it. */
  whenDefaulted?: string;
  docs: string;
}

export interface Warning {
  code: string;
  at: readonly PathSegment[];
  anchors?: ReadonlyArray<readonly PathSegment[]>;
  message: string;
  docs: string;
}

const KOPS_DOCS = 'https://kops.sigs.k8s.io';

/** Sections of the kops guides (anchors as the kops docs site generates them from the headings). */
export const DOCS = {
  cilium: KOPS_CILIUM_DOCS,
  nodePort: `${KOPS_CILIUM_DOCS}#enabling-bpf-nodeport`,
  eni: `${KOPS_CILIUM_DOCS}#enabling-cilium-eni-ipam-ipv4-only`,
  encryption: `${KOPS_CILIUM_DOCS}#enabling-encryption-in-cilium-ipv4-only`,
  etcd: `${KOPS_CILIUM_DOCS}#using-etcd-for-agent-state-sync`,
  hubble: `${KOPS_CILIUM_DOCS}#hubble`,
  networking: `${KOPS_DOCS}/networking/`,
  etcdClusters: `${KOPS_DOCS}/cluster_spec/#etcdclusters`,
  nodeLocalDns: `${KOPS_DOCS}/addons/#node-local-dns-cache`,
} as const;

/** `"a", "b"` as kops prints a list of supported values. */
export const quoteList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

export const supportedValuesDetail = (values: readonly string[]): string => `supported values: ${quoteList(values)}`;

