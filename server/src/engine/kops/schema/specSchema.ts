import type { KopsKind } from '../../document/documents';
import { knownReleaseOf, namedRelease, type KopsVersion } from '../releases';
import type { PathSegment } from '../../types';
import { kindKnowledge } from '../knowledge/kindKnowledge';
import type { KnowledgeNode } from '../knowledge/knowledgeNode';
import { nodeAtRelease } from '../knowledge/keyReleases';

/** The kops spec schema of one release, for completion, hover and the shape checks. */
export interface SchemaNode {
  type?: string | string[];
  /** First sentence of the CRD description. */
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  /** A schema for the values of a free-form map, or `false` when only `properties` are known keys. */
  additionalProperties?: SchemaNode | boolean;
  /** Kubernetes int-or-string (quantities, surge counts): accepts an integer or a string. */
  intOrString?: boolean;
  /** A string value must match it (Kubernetes quantities). */
  pattern?: string;
  enum?: unknown[];
}

function project(node: KnowledgeNode, v: KopsVersion): SchemaNode {
  const out: SchemaNode = {};
  if (node.intOrString) {
    out.type = ['integer', 'string'];
    out.intOrString = true;
  } else if (node.type) out.type = node.type;
  if (node.pattern !== undefined) out.pattern = node.pattern;
  if (node.description !== undefined) out.description = node.description;
  if (node.enum) out.enum = node.enum;
  if (node.properties) {
    const properties: Record<string, SchemaNode> = {};
    for (const [key, entry] of Object.entries(node.properties)) {
      const child = nodeAtRelease(entry, v);
      if (child) properties[key] = project(child, v);
    }
    out.properties = properties;
    out.additionalProperties = false;
  }
  if (node.items) out.items = project(node.items, v);
  if (node.additionalProperties) out.additionalProperties = project(node.additionalProperties, v);
  return out;
}

/** Projections are built once per kind and known release (at most two kinds times the releases we know). */
const PROJECTIONS = new Map<string, SchemaNode>();

/** Whole-document root schema (apiVersion, kind, metadata, spec) of kops `v`: only the keys that release has. */
export function specSchema(kind: KopsKind, v: KopsVersion): SchemaNode {
  const release = knownReleaseOf(v);
  const key = `${kind}@${release}`;
  let schema = PROJECTIONS.get(key);
  if (!schema) {
    schema = project(kindKnowledge(kind), namedRelease(release));
    PROJECTIONS.set(key, schema);
  }
  return schema;
}

/** One step down: a property (or a free-form map's value schema), or a list's items for a number. */
export function childSchema(node: SchemaNode, segment: PathSegment): SchemaNode | undefined {
  if (typeof segment === 'number') return node.items;
  const own = node.properties && Object.prototype.hasOwnProperty.call(node.properties, segment) ? node.properties[segment] : undefined;
  if (own) return own;
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

export function schemaIn(root: SchemaNode, path: readonly PathSegment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    node = node && childSchema(node, segment);
    if (!node) return undefined;
  }
  return node;
}

/** Schema of the node at a document path; numbers step into list items. */
export function schemaAt(kind: KopsKind, v: KopsVersion, path: readonly PathSegment[]): SchemaNode | undefined {
  return schemaIn(specSchema(kind, v), path);
}

export const typeOf = (node: SchemaNode): string | undefined => (Array.isArray(node.type) ? node.type[0] : node.type);

/** Words for a schema type: `string`, `list of object`, `map`, `int or string`. */
export function schemaTypeLabel(node: SchemaNode): string {
  if (node.intOrString) return 'int or string';
  const type = typeOf(node);
  if (type === 'array') return `list of ${node.items ? schemaTypeLabel(node.items) : 'items'}`;
  if (type === 'object' && !node.properties && node.additionalProperties) return 'map';
  return type ?? 'any';
}
