import { ciliumFields, type CiliumField, type CiliumParent } from '../../kops/catalog/ciliumFields';
import { ciliumVersionChoices } from '../../kops/catalog/ciliumVersions';
import type { KopsApiVersion } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { CursorContext } from '../../document/cursor/cursorContext';
import { defaultText, fieldByName, fieldDocumentation, isRetired, keyAsWritten, namedFields, typeLabel } from '../../kops/ciliumNaming';
import { keyInsert, orderKey, valueInsert, type ValueShape } from './snippets';
import { KOPS_DEFAULT_MARK, releaseDocumentation } from './rowText';
import type { CompletionEntry } from './types';

const BOOLEANS = ['true', 'false'];

function shapeOf(field: CiliumField, v: KopsVersion, api: KopsApiVersion): ValueShape {
  if (field.type === 'boolean') return { kind: 'choice', values: BOOLEANS };
  if (field.enumValues?.length) return { kind: 'choice', values: field.enumValues };
  if (field.type === 'stringList') return { kind: 'list' };
  if (field.type === 'stringMap') return { kind: 'block' };
  if (field.type === 'object') {
    const enabled = ciliumFields(v, field.path as CiliumParent).find((f) => f.path.endsWith('.enabled'));
    const name = enabled && keyAsWritten(enabled, api);
    return { kind: 'block', firstChild: name ? { name, values: BOOLEANS } : undefined };
  }
  return { kind: 'scalar' };
}

/** Keys of spec.networking.cilium (or hubble/ingress/gatewayAPI) valid at this kops version, minus those present. */
export function ciliumKeyItems(ctx: CursorContext, v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): CompletionEntry[] {
  const present = new Set(ctx.existingKeys);
  return namedFields(v, parent, api)
    .filter(({ name }) => !present.has(name))
    .map(({ name, field }) => {
      const insert = keyInsert(ctx, name, shapeOf(field, v, api));
      const retired = isRetired(field);
      return {
        label: name,
        kind: 'property',
        detail: `${typeLabel(field)}${retired ? ' · deprecated' : ''}`,
        documentation: releaseDocumentation(v, fieldDocumentation(field, api)),
        insertText: insert.text,
        isSnippet: insert.isSnippet,
        sortText: `${retired ? 1 : 0}_${name}`,
        deprecated: retired,
        range: ctx.replaceRange,
      };
    });
}

interface ValueChoice {
  value: string;
  isDefault: boolean;
  note?: string;
  kind: CompletionEntry['kind'];
}

function valueChoices(field: CiliumField, v: KopsVersion, api: KopsApiVersion): ValueChoice[] {
  const def = defaultText(field, api);
  if (field.path === 'version') {
    return ciliumVersionChoices(v).map((value, i) => ({
      value,
      kind: 'value',
      isDefault: i === 0,
      note: i === 0 ? undefined : 'accepted by kops',
    }));
  }
  if (field.type === 'boolean') return BOOLEANS.map((value) => ({ value, kind: 'value', isDefault: value === def }));
  const enforced = field.enumEnforced ? undefined : 'documented, not checked by kops';
  return (field.enumValues ?? []).map((value) => ({
    value,
    kind: 'enum',
    isDefault: value === def,
    note: value === def ? undefined : enforced,
  }));
}

/**
 * Values for a Cilium key: its kops enum, booleans, or the Cilium versions kops accepts. The kops default of the
 * file's release sorts first, preselected and marked beside its label; the others follow in kops' order.
 */
export function ciliumValueItems(ctx: CursorContext, v: KopsVersion, parent: CiliumParent, api: KopsApiVersion): CompletionEntry[] {
  const field = ctx.key === undefined ? undefined : fieldByName(v, parent, ctx.key, api);
  if (!field) return [];
  return valueChoices(field, v, api).map(({ value, isDefault, note, kind }, i) => ({
    label: value,
    kind,
    detail: ctx.key ?? '',
    labelDescription: isDefault ? KOPS_DEFAULT_MARK : undefined,
    documentation: releaseDocumentation(v, fieldDocumentation(field, api), note),
    insertText: valueInsert(ctx, value),
    isSnippet: false,
    sortText: isDefault ? orderKey(0) : orderKey(i + 1),
    preselect: isDefault || undefined,
    filterText: ctx.needsSpace ? value : undefined,
    deprecated: false,
    range: ctx.replaceRange,
  }));
}
