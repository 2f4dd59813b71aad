import { diagnose, effectiveKopsVersion, parseFile } from '../../server/src/engine';
import { ClientText } from '../fuzz/invariants';
import { kopsDocument } from './kopsText';

/** The head of a minimal Cluster, for the fuzz regression cases to append their spec lines to. */
export const CLUSTER_HEAD = kopsDocument('Cluster', 'a.example.com', []);

/** A text as the engine sees it (newest release, no setting), with its findings and the text as an editor holds it. */
export function analyse(text: string) {
  const file = parseFile(text);
  const eff = effectiveKopsVersion(file, {});
  return { file, eff, findings: diagnose(file, eff), client: new ClientText(text) };
}
