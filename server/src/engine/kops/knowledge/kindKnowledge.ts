import type { KopsKind } from '../../document/documents';
import type { KnowledgeNode } from './knowledgeNode';
import cluster from './generated/cluster.json';
import instanceGroup from './generated/instancegroup.json';

const ROOTS: Record<KopsKind, KnowledgeNode> = {
  Cluster: cluster.schema as unknown as KnowledgeNode,
  InstanceGroup: instanceGroup.schema as unknown as KnowledgeNode,
};

/** Every key of a kops kind in every release we know, as read from kops' CRDs. */
export const kindKnowledge = (kind: KopsKind): KnowledgeNode => ROOTS[kind];
