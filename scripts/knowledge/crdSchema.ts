import { parse } from 'yaml';
import { firstSentence } from './firstSentence';

/** One kops release's schema of a kind, reduced to what kops-spec uses (the KnowledgeNode shape minus `in`). */
export interface ShapeNode {
  type?: string;
  /** Kubernetes int-or-string; with a `pattern` it is a resource quantity. */
  intOrString?: true;
  pattern?: string;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, ShapeNode>;
  items?: ShapeNode;
  /** The schema of a free-form map's values. */
  additionalProperties?: ShapeNode;
}

interface OpenApiNode {
  type?: string;
  description?: string;
  pattern?: string;
  enum?: unknown[];
  'x-kubernetes-int-or-string'?: boolean;
  properties?: Record<string, OpenApiNode>;
  items?: OpenApiNode;
  additionalProperties?: OpenApiNode | boolean;
}

function shape(node: OpenApiNode): ShapeNode {
  const out: ShapeNode = {};
  if (node['x-kubernetes-int-or-string']) out.intOrString = true;
  else if (node.type) out.type = node.type;
  if (typeof node.pattern === 'string') out.pattern = node.pattern;
  if (Array.isArray(node.enum)) out.enum = node.enum;
  if (typeof node.description === 'string') out.description = firstSentence(node.description);
  if (node.properties) {
    out.properties = {};
    for (const key of Object.keys(node.properties).sort()) out.properties[key] = shape(node.properties[key]);
  }
  if (node.items) out.items = shape(node.items);
  if (typeof node.additionalProperties === 'object') out.additionalProperties = shape(node.additionalProperties);
  return out;
}

/** Object metadata as kops reads it (the CRD leaves it open). */
const METADATA: ShapeNode = {
  type: 'object',
  description: 'Standard Kubernetes object metadata; kops uses the name, labels and annotations.',
  properties: {
    annotations: { type: 'object', description: 'Annotations on the object.', additionalProperties: { type: 'string' } },
    labels: { type: 'object', description: 'Labels on the object.', additionalProperties: { type: 'string' } },
    name: { type: 'string', description: 'Name of the object: the cluster name, or the instance group name.' },
  },
};

interface CrdFile {
  spec?: { group: string; versions?: { name: string; schema: { openAPIV3Schema: OpenApiNode } }[] };
}

/** The v1alpha2 schema of a kops CRD file, with apiVersion and kind pinned and metadata spelled out. */
export function crdShape(crdText: string, kind: string): ShapeNode {
  const spec = (parse(crdText) as CrdFile | null)?.spec;
  const version = spec?.versions?.find((v) => v.name === 'v1alpha2');
  if (!spec || !version) throw new Error(`the ${kind} CRD has no v1alpha2 version`);
  const root = shape(version.schema.openAPIV3Schema);
  const properties = root.properties ?? {};
  properties.apiVersion = { ...properties.apiVersion, enum: [`${spec.group}/v1alpha2`] };
  properties.kind = { ...properties.kind, enum: [kind] };
  properties.metadata = METADATA;
  return { ...root, properties };
}
