import type { KopsKind } from '../../document/documents';
import { compareKops, type KopsVersion } from '../releases';
import type { PathSegment } from '../../types';
import { loadSchema, loadValidator, type CompiledValidator, type SchemaName } from './generated/index';

/** The kops spec schema as generated from the CRDs (scripts/gen-schemas.mjs), for completion and hover. */
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
  enum?: unknown[];
}

export interface SchemaSource {
  name: SchemaName;
  tag: string;
  minor: number;
}

/** Cluster CRDs we have, oldest first; each serves every kops release from its tag up to the next one. */
const CLUSTER_SOURCES: readonly SchemaSource[] = [
  { name: 'cluster-v1.19', tag: 'v1.19.0', minor: 19 },
  { name: 'cluster-v1.25', tag: 'v1.25.0', minor: 25 },
  { name: 'cluster-v1.36.2', tag: 'v1.36.2', minor: 36 },
];
/** Only the newest InstanceGroup CRD exists; it serves every release. */
const INSTANCE_GROUP_SOURCES: readonly SchemaSource[] = [{ name: 'instancegroup-v1.36.2', tag: 'v1.36.2', minor: 36 }];

const sourcesOf = (kind: KopsKind): readonly SchemaSource[] => (kind === 'Cluster' ? CLUSTER_SOURCES : INSTANCE_GROUP_SOURCES);

/** The newest CRD whose tag's minor release is <= v (the oldest CRD for releases older than all of them). */
export function schemaSource(kind: KopsKind, v: KopsVersion): SchemaSource {
  const sources = sourcesOf(kind);
  let chosen = sources[0];
  for (const s of sources) if (compareKops(v, `1.${s.minor}`) >= 0) chosen = s;
  return chosen;
}

/** CRDs newer than the one serving v, oldest first. */
export function newerSources(kind: KopsKind, v: KopsVersion): readonly SchemaSource[] {
  const sources = sourcesOf(kind);
  return sources.slice(sources.indexOf(schemaSource(kind, v)) + 1);
}

export const schemaByName = (name: SchemaName): SchemaNode => loadSchema(name) as SchemaNode;

export const validatorFor = (kind: KopsKind, v: KopsVersion): CompiledValidator => loadValidator(schemaSource(kind, v).name);

/** Whole-document root schema (apiVersion, kind, metadata, spec). */
export function specSchema(kind: KopsKind, v: KopsVersion): SchemaNode {
  return schemaByName(schemaSource(kind, v).name);
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
