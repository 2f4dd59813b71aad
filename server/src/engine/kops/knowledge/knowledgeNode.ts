/** Half-open release ranges: `[from]` is from that release on, `[from, until]` stops before `until`. */
export type ReleaseRanges = ([string] | [string, string])[];

/**
 * One key of a kops kind across every release (written by scripts/gen-knowledge.ts): where it exists (`in`,
 * omitted when the same as its parent's) and its shape. A key whose shape changed between releases has one node
 * per shape, with disjoint `in`.
 */
export interface KnowledgeNode {
  in?: ReleaseRanges;
  type?: string;
  /** Kubernetes int-or-string; with a `pattern` it is a resource quantity. */
  intOrString?: true;
  pattern?: string;
  enum?: unknown[];
  /** The first sentence of the newest CRD description. */
  description?: string;
  properties?: Record<string, KnowledgeNode | KnowledgeNode[]>;
  items?: KnowledgeNode;
  /** The schema of a free-form map's values. */
  additionalProperties?: KnowledgeNode;
}
