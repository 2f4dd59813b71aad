import { cursorContext } from '../../document/cursor/cursorContext';
import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { migrationGuide } from './guide';
import type { Range } from '../../types';
import { scalarAt } from '../../document/yamlNav';

export interface MigrationAction {
  title: string;
  command: { title: string; name: 'showMigrationGuide'; arguments: [string] };
}

/** On a key whose change is disruptive for a running cluster, an action that opens the safe sequence. */
export function migrationAction(file: ParsedFile, eff: EffectiveVersion, range: Range): MigrationAction | undefined {
  const ctx = cursorContext(file, range.start);
  if (!ctx || ctx.doc.kops?.kind !== 'Cluster' || ctx.mode !== 'key') return undefined;
  const r = ctx.replaceRange;
  const key = file.text.slice(file.lines.offsetAt(r.start), file.lines.offsetAt(r.end));
  const name = scalarAt(ctx.doc, ['metadata', 'name']);
  const guide = migrationGuide([...ctx.path, key], eff.version, typeof name === 'string' && name ? name : undefined);
  if (!guide) return undefined;
  const title = `Show the safe steps to change \`${key}\` on a running cluster`;
  return { title, command: { title, name: 'showMigrationGuide', arguments: [guide] } };
}
