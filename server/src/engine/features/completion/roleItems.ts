import type { KopsApiVersion } from '../../document/documents';
import type { CursorContext } from '../../document/cursor/cursorContext';
import { writtenInstanceGroupRoles } from '../../kops/instanceGroupRoles';
import type { KopsVersion } from '../../kops/releases';
import { schemaAt } from '../../kops/schema/specSchema';
import { orderKey, valueInsert } from './snippets';
import { releaseDocumentation } from './rowText';
import type { CompletionEntry } from './types';

const ROLE_PATH = ['spec', 'role'];

/** The cursor values an InstanceGroup's `spec.role`. */
export const isRoleValue = (ctx: CursorContext): boolean =>
  ctx.mode === 'value' && [...ctx.path, ctx.key].join('.') === ROLE_PATH.join('.');

/** The roles kops accepts for an InstanceGroup at this release, spelled as `api` writes them, in kops' order. */
export function roleValueItems(ctx: CursorContext, v: KopsVersion, api: KopsApiVersion): CompletionEntry[] {
  const documentation = releaseDocumentation(v, schemaAt('InstanceGroup', v, ROLE_PATH)?.description ?? '');
  return writtenInstanceGroupRoles(v, api).map((role, i) => ({
    label: role,
    kind: 'enum',
    detail: 'role',
    documentation,
    insertText: valueInsert(ctx, role),
    isSnippet: false,
    sortText: orderKey(i),
    filterText: ctx.needsSpace ? role : undefined,
    deprecated: false,
    range: ctx.replaceRange,
  }));
}
