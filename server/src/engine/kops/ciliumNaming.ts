import { ciliumField, ciliumFields, NESTED_CILIUM_PARENTS, type CiliumField, type CiliumParent } from './catalog/ciliumFields';
import { CILIUM_PATH, dialectFor } from './dialect';
import type { KopsApiVersion } from '../document/documents';
import { releaseName, type KopsVersion } from './releases';
import type { PathSegment } from '../types';

const V1ALPHA2 = dialectFor('v1alpha2');
/** The dialects know v1alpha3 renamed these two booleans to their negation; the catalog has the names, not the flip. */
const INVERTED_IN_V1ALPHA3: ReadonlySet<string> = new Set([V1ALPHA2.masqueradeKey, V1ALPHA2.iptablesKey]);

export const isNestedCiliumParent = (key: PathSegment): key is Exclude<CiliumParent, ''> =>
  (NESTED_CILIUM_PARENTS as readonly PathSegment[]).includes(key);

/** The catalog parent of a mapping path when it is spec.networking.cilium or one of its nested blocks. */
export function ciliumParentOf(path: readonly PathSegment[]): CiliumParent | undefined {
  if (path.length < 3 || path.length > 4 || !CILIUM_PATH.every((s, i) => path[i] === s)) return undefined;
  if (path.length === 3) return '';
  return isNestedCiliumParent(path[3]) ? path[3] : undefined;
}

/** The key as a document of this API version writes it; undefined when that API version has no such key. */
export function keyAsWritten(field: CiliumField, api: KopsApiVersion): string | undefined {
  const path = api === 'v1alpha3' ? field.v1alpha3Name : field.path;
  return path?.slice(path.lastIndexOf('.') + 1);
}

export const isInverted = (field: CiliumField, api: KopsApiVersion): boolean => api === 'v1alpha3' && INVERTED_IN_V1ALPHA3.has(field.path);

/** The keys a document of this API version may use under `parent`, with their written names. */
export function namedFields(v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): Array<{ name: string; field: CiliumField }> {
  const out: Array<{ name: string; field: CiliumField }> = [];
  for (const field of ciliumFields(v, parent)) {
    const name = keyAsWritten(field, api);
    if (name) out.push({ name, field });
  }
  return out;
}

/** The field a written key stands for, at kops version v. */
export function fieldByName(v: KopsVersion, parent: CiliumParent, name: string, api: KopsApiVersion): CiliumField | undefined {
  if (api === 'v1alpha2') return ciliumField(v, parent ? `${parent}.${name}` : name);
  return namedFields(v, parent, api).find((n) => n.name === name)?.field;
}

const TYPE_LABELS: Record<CiliumField['type'], string> = {
  string: 'string',
  boolean: 'boolean',
  integer: 'integer',
  quantity: 'quantity',
  stringList: 'list of strings',
  stringMap: 'map of strings',
  object: 'object',
};
export const typeLabel = (field: CiliumField): string => TYPE_LABELS[field.type] ?? field.type;

/** kops' default as written in this API version (flipped for the inverted booleans). */
export function defaultText(field: CiliumField, api: KopsApiVersion): string | undefined {
  if (field.default === undefined || !isInverted(field, api)) return field.default;
  return field.default === 'true' ? 'false' : field.default === 'false' ? 'true' : field.default;
}

/** "dead since …" / "no effect since …" / "no effect from … until …" notes, empty for keys kops still uses. */
export function lifecycleNotes(field: CiliumField): string[] {
  const notes: string[] = [];
  if (field.deadSince) notes.push(`dead since ${releaseName(field.deadSince)} (kops drops it)`);
  if (field.noEffectSince) notes.push(`no effect since ${releaseName(field.noEffectSince)}`);
  const comment = field.noEffectComment;
  if (comment) {
    const until = comment.until ? ` until ${releaseName(comment.until)}` : ' on';
    notes.push(`no effect from ${releaseName(comment.from)}${until} (kops' comment: ${comment.says})`);
  }
  return notes;
}

export const isRetired = (field: CiliumField): boolean => !!(field.deadSince || field.noEffectSince || field.noEffectComment);

/** What the key is for; for an inverted boolean, that it means the opposite of its v1alpha2 spelling. */
export function fieldSummary(field: CiliumField, api: KopsApiVersion): string {
  return isInverted(field, api) ? `v1alpha3 spelling of \`${field.path}\`, with the opposite meaning.` : field.summary;
}

/** Short markdown for a completion item: summary, default, notes. */
export function fieldDocumentation(field: CiliumField, api: KopsApiVersion): string {
  const lines: string[] = [];
  const summary = fieldSummary(field, api);
  if (summary) lines.push(summary);
  const def = defaultText(field, api);
  if (def !== undefined) lines.push(`kops default: \`${def}\`${field.defaultNote ? ` (${field.defaultNote})` : ''}`);
  const notes = lifecycleNotes(field);
  if (notes.length) lines.push(`⚠ ${notes.join('; ')}`);
  return lines.join('\n\n');
}
