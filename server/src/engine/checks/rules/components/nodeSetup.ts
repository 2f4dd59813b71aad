import { isMap, isScalar } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { boolAt, itemsAt, listAt, stringAt, structAt } from '../../../kops/goValues';
import { atLeast, type KopsVersion } from '../../../kops/releases';
import type { PathSegment } from '../../../types';
import type { Violation } from '../violation';
import { rejection, type ComponentContext } from './componentContext';

/**
 * What kops checks of hooks, file assets, sysctl parameters and custom addon manifests. Hooks, file assets
 * and sysctls are checked the same way on InstanceGroups, so these take the document and its base path.
 */

/** kops skips a hook switched off with `disabled: true`. */
export function hookRules(doc: YamlDocument, v: KopsVersion, base: PathSegment[]): Violation[] {
  return itemsAt(doc, [...base, 'hooks']).flatMap((item, i) => {
    const at = [...base, 'hooks', i];
    if (!isMap(item) || boolAt(doc, [...at, 'disabled']) === true) return [];
    const kopsPath = `spec.hooks[${i}]`;
    const exec = structAt(doc, [...at, 'execContainer']);
    const manifest = stringAt(doc, [...at, 'manifest']) !== undefined;
    const raw = boolAt(doc, [...at, 'useRawManifest']) === true;
    const hook = (type: 'Required' | 'Forbidden', detail: string, message: string): Violation =>
      rejection({ at, type, kopsPath, detail, message });
    const out: Violation[] = [];
    if (!exec && !manifest)
      out.push(
        hook(
          'Required',
          'you must set either manifest or execContainer for a hook',
          `kops ${v.text} needs a manifest or an execContainer in each hook.`,
        ),
      );
    if (exec && raw) {
      out.push(
        hook(
          'Forbidden',
          'execContainer may not be used with useRawManifest (use manifest instead)',
          `kops ${v.text} does not take execContainer in a raw-manifest hook: use manifest.`,
        ),
      );
    }
    if (!manifest && raw)
      out.push(
        hook(
          'Required',
          'you must set manifest when useRawManifest is true',
          `A hook with useRawManifest needs a manifest in kops ${v.text}.`,
        ),
      );
    for (const key of ['before', 'requires']) {
      if (raw && listAt(doc, [...at, key]) !== undefined) {
        out.push(
          hook(
            'Forbidden',
            `${key} may not be used with useRawManifest`,
            `kops ${v.text} does not take ${key} in a raw-manifest hook: order the units in the manifest itself.`,
          ),
        );
      }
    }
    if (exec && stringAt(doc, [...at, 'execContainer', 'image']) === undefined) {
      out.push(
        rejection({
          at: [...at, 'execContainer', 'image'],
          anchors: [[...at, 'execContainer']],
          type: 'Required',
          kopsPath: `${kopsPath}.execContainer.image`,
          detail: 'image must be specified',
          message: `kops ${v.text} needs an image for the hook's execContainer.`,
        }),
      );
    }
    return out;
  });
}

export function fileAssetRules(doc: YamlDocument, v: KopsVersion, base: PathSegment[]): Violation[] {
  return itemsAt(doc, [...base, 'fileAssets']).flatMap((item, i) => {
    if (!isMap(item)) return [];
    const at = [...base, 'fileAssets', i];
    return ['name', 'content'].flatMap((key) =>
      stringAt(doc, [...at, key]) === undefined
        ? [
            rejection({
              at: [...at, key],
              anchors: [at],
              type: 'Required',
              kopsPath: `spec.fileAssets[${i}].${key}`,
              detail: '',
              message: `kops ${v.text} needs a ${key} for each file asset.`,
            }),
          ]
        : [],
    );
  });
}

/** kops v1.28+: each sysctl is written `name=value`. */
export function sysctlRules(doc: YamlDocument, v: KopsVersion, base: PathSegment[]): Violation[] {
  if (!atLeast(v, '1.28')) return [];
  return itemsAt(doc, [...base, 'sysctlParameters']).flatMap((item, i) =>
    isScalar(item) && typeof item.value === 'string' && !item.value.includes('=')
      ? [
          rejection({
            at: [...base, 'sysctlParameters', i],
            type: 'Invalid',
            kopsPath: `spec.sysctlParameters[${i}]`,
            detail: 'must contain a "=" character',
            message: `kops ${v.text} needs each sysctl parameter written as name=value, e.g. net.ipv4.ip_forward=1.`,
          }),
        ]
      : [],
  );
}

/** kops v1.36+: the channels pod fetches addon manifests through kops' VFS, which has no file:// there. */
function addonManifests(cc: ComponentContext): Violation[] {
  if (!atLeast(cc.v, '1.36')) return [];
  return itemsAt(cc.doc, ['spec', 'addons']).flatMap((_, i) => {
    const manifest = stringAt(cc.doc, ['spec', 'addons', i, 'manifest']);
    if (manifest === undefined || !manifest.startsWith('file://')) return [];
    return [
      rejection({
        at: ['spec', 'addons', i, 'manifest'],
        type: 'Invalid',
        kopsPath: `spec.addons[${i}].manifest`,
        detail: 'file:// addon manifests are not supported',
        message: `kops ${cc.v.text} cannot load addon manifests from file://: upload the manifest to the state store (or another s3://, gs://, https:// location).`,
      }),
    ];
  });
}

export function nodeSetupRules(cc: ComponentContext): Violation[] {
  const spec = ['spec'];
  return [
    ...hookRules(cc.doc, cc.v, spec),
    ...fileAssetRules(cc.doc, cc.v, spec),
    ...sysctlRules(cc.doc, cc.v, spec),
    ...addonManifests(cc),
  ];
}
