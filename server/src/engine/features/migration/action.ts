import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { keyOnLine } from '../../document/lineKey';
import { migrationGuide } from './guide';
import type { Range } from '../../types';
import { scalarAt } from '../../document/yamlNav';

export interface MigrationAction {
  title: string;
  command: { title: string; name: 'showMigrationGuide'; arguments: [string] };
}

/** On the line of a key whose change is disruptive for a running cluster, an action that opens the safe sequence. */
export function migrationAction(file: ParsedFile, eff: EffectiveVersion, range: Range): MigrationAction | undefined {
  const key = keyOnLine(file, range.start.line);
  if (!key || key.doc.kops?.kind !== 'Cluster') return undefined;
  const name = scalarAt(key.doc, ['metadata', 'name']);
  const guide = migrationGuide(key.path, eff.version, typeof name === 'string' && name ? name : undefined);
  if (!guide) return undefined;
  const keyName = key.path
    .slice(-2)
    .filter((s) => typeof s === 'string' && s !== 'cilium' && s !== 'spec')
    .join('.');
  const title = `Show the safe steps to change ${keyName} on a running cluster`;
  return { title, command: { title, name: 'showMigrationGuide', arguments: [guide] } };
}
