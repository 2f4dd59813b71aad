import { YamlEditor } from '../../../document/yamlEdit';
import { itemsAt, stringPointerAt } from '../../../kops/goValues';
import type { Fix, PathSegment } from '../../../types';
import { inEra, type Era } from '../../../kops/eras';
import type { InstanceGroupContext } from '../ruleContext';
import type { Violation } from '../violation';
import { shown } from './igFacts';

/**
 * Taints must read `key[=value][:effect]`. v1.22.4 to v1.23.0 also refused two taints with the same key; from
 * v1.23.1 only the very same taint twice is refused (the same key with another effect is fine).
 */

const CODE = 'kops-instancegroup';
const SAME_KEY: Era = { from: '1.22.4', until: '1.23.1' };
const SAME_TAINT: Era = { from: '1.23.1' };

/** kops' ParseTaint: the taint's key, or undefined when it does not parse. */
function taintKey(taint: string): string | undefined {
  const parts = taint.split(':');
  if (parts.length > 2) return undefined;
  const keyValue = parts[0].split('=');
  return parts.length === 2 && keyValue.length > 2 ? undefined : parts.length === 1 ? parts[0] : keyValue[0];
}

function removal(g: InstanceGroupContext, at: readonly PathSegment[]): Fix[] {
  const edits = new YamlEditor(g.file, g.doc).removeSeqItem(at);
  return edits.length ? [{ title: 'Remove the repeated taint', edits, preferred: true, fixAllSafe: true }] : [];
}

export function taintViolations(g: InstanceGroupContext): Violation[] {
  const byKey = inEra(g.v, SAME_KEY);
  if (!byKey && !inEra(g.v, SAME_TAINT)) return [];
  const seen = new Set<string>();
  const out: Violation[] = [];
  itemsAt(g.doc, ['spec', 'taints']).forEach((_, i) => {
    const at: PathSegment[] = ['spec', 'taints', i];
    const taint = stringPointerAt(g.doc, at);
    if (taint === undefined) return;
    const key = taintKey(taint);
    if (key === undefined) {
      out.push({
        code: CODE,
        at,
        type: 'Invalid',
        kopsPath: `spec.taints[${i}]`,
        detail: 'invalid taint value',
        message: `kops ${g.v.text} cannot read the taint ${shown(taint)}: write it as key=value:Effect, key:Effect or key.`,
      });
    }
    const identity = byKey ? (key ?? '') : taint;
    if (!seen.has(identity)) {
      seen.add(identity);
    } else if (byKey) {
      out.push({
        code: CODE,
        at,
        type: 'Forbidden',
        kopsPath: `spec.taints[${i}]`,
        detail: `cannot add multiple taints with key "${identity}"`,
        message: `kops ${g.v.text} allows one taint per key and ${shown(identity)} has several: keep one (kops v1.23.1 and newer allow the same key with other effects).`,
      });
    } else {
      out.push({
        code: CODE,
        at,
        type: 'Duplicate',
        kopsPath: `spec.taints[${i}]`,
        detail: '',
        message: `kops ${g.v.text} rejects the taint ${shown(taint)} listed twice: remove this copy.`,
        fixes: removal(g, at),
      });
    }
  });
  return out;
}
