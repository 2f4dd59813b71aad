import type { PathSegment } from '../../types';
import type { SchemaNode } from '../../kops/schema/specSchema';

/** What kops' decoder makes of a value against the schema of the file's kops release. */
export type ShapeProblem =
  | { kind: 'unknown-key'; parent: PathSegment[]; key: string }
  | { kind: 'type'; path: PathSegment[]; value: unknown; types: readonly string[] }
  | { kind: 'quantity'; path: PathSegment[]; value: string };

/** Checked elsewhere: the Cilium block by the per-release Cilium catalog; metadata is Kubernetes' (kops reads a few keys). */
const CHECKED_ELSEWHERE: readonly (readonly string[])[] = [['spec', 'networking', 'cilium'], ['metadata']];

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Schema's type test (finite numbers only, as JSON has no others). */
function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

/** A quantity also takes a float (kops parses `0.5`); other int-or-string values a whole number or a string. */
function acceptedTypes(node: SchemaNode): readonly string[] | undefined {
  if (node.intOrString) return node.pattern === undefined ? ['integer', 'string'] : ['number', 'string'];
  return typeof node.type === 'string' ? [node.type] : node.type;
}

const PATTERNS = new Map<string, RegExp>();
function matches(pattern: string, text: string): boolean {
  let re = PATTERNS.get(pattern);
  if (!re) PATTERNS.set(pattern, (re = new RegExp(pattern, 'u')));
  return re.test(text);
}

const checkedElsewhere = (path: readonly PathSegment[]): boolean =>
  CHECKED_ELSEWHERE.some((p) => p.length === path.length && p.every((s, i) => s === path[i]));

function walk(value: unknown, node: SchemaNode, path: PathSegment[], out: ShapeProblem[]): void {
  if (value === null || value === undefined) return; // null decodes as "not set"
  const types = acceptedTypes(node);
  if (types && !types.some((t) => hasType(value, t))) {
    out.push({ kind: 'type', path, value, types });
    return;
  }
  if (checkedElsewhere(path)) return;
  if (node.pattern !== undefined && typeof value === 'string' && !matches(node.pattern, value)) out.push({ kind: 'quantity', path, value });
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const known = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
      const schema = known ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
      if (schema) walk(child, schema, [...path, key], out);
      else if (node.additionalProperties === false) out.push({ kind: 'unknown-key', parent: path, key });
    }
  } else if (Array.isArray(value) && node.items) {
    const items = node.items;
    value.forEach((item, i) => walk(item, items, [...path, i], out));
  }
}

/** Every key the release lacks and every value its decoder rejects, in document order. */
export function shapeProblems(document: Record<string, unknown>, schema: SchemaNode): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  walk(document, schema, [], out);
  return out;
}
