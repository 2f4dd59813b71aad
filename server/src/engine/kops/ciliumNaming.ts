import { ciliumField, ciliumFields, type CiliumField, type CiliumParent } from './catalog/ciliumFields';
import type { KopsApiVersion } from '../document/documents';
import type { KopsVersion } from './releases';
import type { PathSegment } from '../types';

export const CILIUM_PATH: readonly string[] = ['spec', 'networking', 'cilium'];
const NESTED: readonly CiliumParent[] = ['hubble', 'ingress', 'gatewayAPI'];

/**
 * v1alpha3 renamed these two booleans to their negation (`disableMasquerade: true` = `masquerade: false`).
 * The catalog records the new names but not the flip.
 */
const INVERTED_IN_V1ALPHA3: ReadonlySet<string> = new Set(['disableMasquerade', 'IPTablesRulesNoinstall']);

/** The catalog parent of a mapping path when it is spec.networking.cilium or one of its nested blocks. */
export function ciliumParentOf(path: readonly PathSegment[]): CiliumParent | undefined {
  if (path.length < 3 || path.length > 4 || !CILIUM_PATH.every((s, i) => path[i] === s)) return undefined;
  if (path.length === 3) return '';
  return NESTED.find((p) => p === path[3]);
}

/** The key as written in a document of this API version; undefined when that API version has no such key. */
export function keyName(field: CiliumField, api: KopsApiVersion): string | undefined {
  const path = api === 'v1alpha3' ? field.v1alpha3Name : field.path;
  return path?.slice(path.lastIndexOf('.') + 1);
}

export const isInverted = (field: CiliumField, api: KopsApiVersion): boolean =>
  api === 'v1alpha3' && INVERTED_IN_V1ALPHA3.has(field.path);

/** The keys a document of this API version may use under `parent`, with their written names. */
export function namedFields(v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): Array<{ name: string; field: CiliumField }> {
  const out: Array<{ name: string; field: CiliumField }> = [];
  for (const field of ciliumFields(v, parent)) {
    const name = keyName(field, api);
    if (name) out.push({ name, field });
  }
  return out;
}

/** The field a written key stands for, at kops version v. */
export function fieldByName(v: KopsVersion, parent: CiliumParent, name: string, api: KopsApiVersion): CiliumField | undefined {
  if (api === 'v1alpha2') return ciliumField(v, parent ? `${parent}.${name}` : name);
  return namedFields(v, parent, api).find((n) => n.name === name)?.field;
}

/** `v1.23.0` → `v1.23`. */
export const minorOf = (release: string): string => release.replace(/^(v?\d+\.\d+)\.\d+$/, '$1');

const TYPE_LABELS: Record<CiliumField['type'], string> = {
  string: 'string', boolean: 'boolean', integer: 'integer', quantity: 'quantity',
  stringList: 'list of strings', stringMap: 'map of strings', object: 'object',
};
export const typeLabel = (field: CiliumField): string => TYPE_LABELS[field.type] ?? field.type;

/** kops' default as written in this API version (flipped for the inverted booleans). */
export function defaultText(field: CiliumField, api: KopsApiVersion): string | undefined {
  if (field.default === undefined || !isInverted(field, api)) return field.default;
  return field.default === 'true' ? 'false' : field.default === 'false' ? 'true' : field.default;
}

/** "dead since …" / "no effect since …" notes, empty for keys kops still uses. */
export function lifecycleNotes(field: CiliumField): string[] {
  const notes: string[] = [];
  if (field.deadSince) notes.push(`dead since ${minorOf(field.deadSince)} (kops drops it)`);
  if (field.noEffectSince) notes.push(`no effect since ${minorOf(field.noEffectSince)}`);
  return notes;
}

export const isRetired = (field: CiliumField): boolean => !!(field.deadSince || field.noEffectSince);

/** Short markdown for a completion item: summary, default, notes. */
export function fieldDocumentation(field: CiliumField, api: KopsApiVersion): string {
  const lines: string[] = [];
  if (isInverted(field, api)) lines.push(`v1alpha3 spelling of \`${field.path}\`, with the opposite meaning.`);
  else if (field.summary) lines.push(field.summary);
  const def = defaultText(field, api);
  if (def !== undefined) lines.push(`kops default: \`${def}\`${field.defaultNote ? ` (${field.defaultNote})` : ''}`);
  const notes = lifecycleNotes(field);
  if (notes.length) lines.push(`⚠ ${notes.join('; ')}`);
  return lines.join('\n\n');
}
