import type { ParsedFile } from '../../document/documents';
import type { EffectiveVersion } from '../../kops/effectiveVersion';
import { keyOnLine } from '../../document/lineKey';
import { migrationGuide } from './guide';
import { CILIUM_PATH } from '../../kops/dialect';
import type { PathSegment, Range } from '../../types';
import { scalarAt } from '../../document/yamlNav';

export interface MigrationAction {
  title: string;
  command: { title: string; name: 'showMigrationGuide'; arguments: [string] };
}

/** The key as a user names it: inside the Cilium block from there (ipam), elsewhere from spec (kubeProxy.enabled). */
function keyName(path: readonly PathSegment[]): string {
  const inCilium = CILIUM_PATH.every((segment, i) => path[i] === segment);
  return path.slice(inCilium ? CILIUM_PATH.length : 1).join('.');
}

/** On the line of a key whose change is disruptive for a running cluster, an action that opens the safe sequence. */
export function migrationAction(file: ParsedFile, eff: EffectiveVersion, range: Range): MigrationAction | undefined {
  const key = keyOnLine(file, range.start.line);
  if (!key || key.doc.kops?.kind !== 'Cluster') return undefined;
  const name = scalarAt(key.doc, ['metadata', 'name']);
  const guide = migrationGuide(key.path, eff.version, typeof name === 'string' && name ? name : undefined);
  if (!guide) return undefined;
  const title = `Show the safe steps to change ${keyName(key.path)} on a running cluster`;
  return { title, command: { title, name: 'showMigrationGuide', arguments: [guide] } };
}
