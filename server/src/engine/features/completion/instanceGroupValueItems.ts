import type { KopsApiVersion } from '../../document/documents';
import type { CursorContext } from '../../document/cursor/cursorContext';
import { instanceGroupEnumAt } from '../../kops/instanceGroupEnums';
import type { KopsVersion } from '../../kops/releases';
import { schemaAt } from '../../kops/schema/specSchema';
import { orderKey, valueInsert } from './snippets';
import { releaseDocumentation } from './rowText';
import type { CompletionEntry } from './types';

/**
 * Values of an InstanceGroup setting kops checks against a list (role spelled as the file's apiVersion writes it,
 * updatePolicy, tenancy, ...), in kops' order; undefined where the cursor is not at such a value.
 */
export function instanceGroupValueItems(ctx: CursorContext, v: KopsVersion, api: KopsApiVersion): CompletionEntry[] | undefined {
  if (ctx.mode !== 'value' || ctx.key === undefined) return undefined;
  const path = [...ctx.path, ctx.key];
  const values = instanceGroupEnumAt(path, v, api);
  if (!values) return undefined;
  const documentation = releaseDocumentation(v, schemaAt('InstanceGroup', v, path)?.description ?? '');
  return values.map((value, i) => ({
    label: value,
    kind: 'enum',
    detail: ctx.key!,
    documentation,
    insertText: valueInsert(ctx, value),
    isSnippet: false,
    sortText: orderKey(i),
    filterText: ctx.needsSpace ? value : undefined,
    deprecated: false,
    range: ctx.replaceRange,
  }));
}
