import type { KopsKind } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { CursorContext } from '../../document/cursor/cursorContext';
import { schemaAt, schemaTypeLabel, typeOf, type SchemaNode } from '../../kops/schema/specSchema';
import { keyInsert, orderKey, valueInsert, type ValueShape } from './snippets';
import { releaseDocumentation } from './rowText';
import type { CompletionEntry } from './types';

const BOOLEANS = ['true', 'false'];
const NETWORKING_PATH = ['spec', 'networking'];

const enumOf = (node: SchemaNode): string[] => (node.enum ?? []).filter((e): e is string => typeof e === 'string');

function shapeOf(node: SchemaNode): ValueShape {
  const type = typeOf(node);
  if (type === 'boolean') return { kind: 'choice', values: BOOLEANS };
  if (enumOf(node).length) return { kind: 'choice', values: enumOf(node) };
  if (type === 'array') return { kind: 'list' };
  if (type === 'object') return { kind: 'block' };
  return { kind: 'scalar' };
}

const isNetworking = (ctx: CursorContext): boolean => ctx.path.length === 2 && NETWORKING_PATH.every((s, i) => ctx.path[i] === s);

function keyEntry(ctx: CursorContext, v: KopsVersion, name: string, node: SchemaNode): CompletionEntry {
  const insert = keyInsert(ctx, name, shapeOf(node));
  return {
    label: name,
    kind: 'property',
    detail: schemaTypeLabel(node),
    documentation: releaseDocumentation(v, node.description ?? ''),
    insertText: insert.text,
    isSnippet: insert.isSnippet,
    sortText: `0_${name}`,
    deprecated: false,
    range: ctx.replaceRange,
  };
}

/** A networking provider block, written as kops writes it: `cilium: {}`. */
function providerEntry(ctx: CursorContext, v: KopsVersion, name: string, node: SchemaNode): CompletionEntry {
  const [text, isSnippet] = ctx.keyOnly ? [name, false] : [`${name}: {$0}`, true];
  return {
    label: ctx.keyOnly ? name : `${name}: {}`,
    kind: 'module',
    detail: 'networking provider',
    documentation: releaseDocumentation(v, node.description ?? ''),
    insertText: text,
    isSnippet,
    sortText: `${name === 'cilium' ? 0 : 1}_${name}`,
    filterText: name,
    deprecated: false,
    range: ctx.replaceRange,
  };
}

/** Keys of a Cluster or InstanceGroup mapping from the CRD schema of that kops version, minus those present. */
export function schemaKeyItems(ctx: CursorContext, kind: KopsKind, v: KopsVersion): CompletionEntry[] {
  const node = schemaAt(kind, v, ctx.path);
  if (!node?.properties) return [];
  const present = new Set(ctx.existingKeys);
  const networking = kind === 'Cluster' && isNetworking(ctx);
  return Object.entries(node.properties)
    .filter(([name]) => !present.has(name))
    .map(([name, child]) => (networking && typeOf(child) === 'object' ? providerEntry : keyEntry)(ctx, v, name, child));
}

/** Booleans and enums the CRD schema allows for the key being valued. */
export function schemaValueItems(ctx: CursorContext, kind: KopsKind, v: KopsVersion): CompletionEntry[] {
  if (ctx.key === undefined) return [];
  const node = schemaAt(kind, v, [...ctx.path, ctx.key]);
  if (!node) return [];
  const values = typeOf(node) === 'boolean' ? BOOLEANS : enumOf(node);
  return values.map((value, i) => ({
    label: value,
    kind: typeOf(node) === 'boolean' ? 'value' : 'enum',
    detail: ctx.key ?? '',
    documentation: releaseDocumentation(v, node.description ?? ''),
    insertText: valueInsert(ctx, value),
    isSnippet: false,
    sortText: orderKey(i),
    deprecated: false,
    range: ctx.replaceRange,
  }));
}
