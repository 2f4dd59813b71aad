import { isMap, isSeq } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, itemsAt, stringPointerAt, structAt, templatedWithin } from '../../../kops/goValues';
import type { ClusterContext, ClusterRule } from '../ruleContext';
import type { Violation } from '../violation';

/** validateHookSpec and validateFileAssetSpec, the same in every release; a disabled or templated item is not checked. */

type Problem = { at: Violation['at']; type: Violation['type']; kopsPath: string; detail: string; message: string };

function hookProblems(c: ClusterContext, i: number): Problem[] {
  const path = ['spec', 'hooks', i];
  const kopsPath = `spec.hooks[${i}]`;
  if (boolAt(c.doc, [...path, 'disabled']) === true) return [];
  const manifest = stringPointerAt(c.doc, [...path, 'manifest']) ?? '';
  const exec = structAt(c.doc, [...path, 'execContainer']);
  const raw = boolAt(c.doc, [...path, 'useRawManifest']) === true;
  const list = (key: string): boolean => isSeq(nodeAt(c.doc, [...path, key]));
  const hook = (type: Violation['type'], detail: string, message: string): Problem => ({ at: path, type, kopsPath, detail, message });
  const out: Problem[] = [];
  if (!exec && manifest === '') {
    out.push(
      hook(
        'Required',
        'you must set either manifest or execContainer for a hook',
        'A kops hook needs a manifest or an execContainer: add one, or set disabled: true.',
      ),
    );
  }
  if (exec && raw) {
    out.push(
      hook(
        'Forbidden',
        'execContainer may not be used with useRawManifest (use manifest instead)',
        'A kops hook with useRawManifest cannot use execContainer: write the unit as manifest instead.',
      ),
    );
  }
  if (manifest === '' && raw) {
    out.push(
      hook(
        'Required',
        'you must set manifest when useRawManifest is true',
        'A kops hook with useRawManifest needs a manifest: add it or drop useRawManifest.',
      ),
    );
  }
  if (list('before') && raw)
    out.push(
      hook('Forbidden', 'before may not be used with useRawManifest', 'A kops hook with useRawManifest cannot use before: remove before.'),
    );
  if (list('requires') && raw) {
    out.push(
      hook(
        'Forbidden',
        'requires may not be used with useRawManifest',
        'A kops hook with useRawManifest cannot use requires: remove requires.',
      ),
    );
  }
  if (exec && (stringPointerAt(c.doc, [...path, 'execContainer', 'image']) ?? '') === '') {
    out.push({
      at: [...path, 'execContainer', 'image'],
      type: 'Required',
      kopsPath: `${kopsPath}.execContainer.image`,
      detail: 'image must be specified',
      message: 'A kops hook execContainer needs an image: set execContainer.image.',
    });
  }
  return out;
}

function fileAssetProblems(c: ClusterContext, i: number): Problem[] {
  return (['name', 'content'] as const).flatMap((key) =>
    (stringPointerAt(c.doc, ['spec', 'fileAssets', i, key]) ?? '') === ''
      ? [
          {
            at: ['spec', 'fileAssets', i, key],
            type: 'Required' as const,
            kopsPath: `spec.fileAssets[${i}].${key}`,
            detail: '',
            message: `A kops file asset needs a ${key}: set fileAssets[${i}].${key}.`,
          },
        ]
      : [],
  );
}

const each = (c: ClusterContext, key: string, problems: (c: ClusterContext, i: number) => Problem[]): Violation[] =>
  itemsAt(c.doc, ['spec', key]).flatMap((node, i) =>
    isMap(node) && !templatedWithin(c.doc, ['spec', key, i])
      ? problems(c, i).map((p) => ({ code: 'kops-cluster' as const, anchors: [['spec', key, i]], ...p }))
      : [],
  );

export const hookAndFileAssetRules: ClusterRule = (c) => [...each(c, 'hooks', hookProblems), ...each(c, 'fileAssets', fileAssetProblems)];
