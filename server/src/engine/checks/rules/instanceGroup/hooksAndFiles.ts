import { isMap, isSeq } from 'yaml';
import type { YamlDocument } from '../../../document/documents';
import { nodeAt } from '../../../document/yamlNav';
import { boolAt, goStringAt, itemsAt, structAt } from '../../../kops/goValues';
import { before, type KopsVersion } from '../../../kops/releases';
import { formatPath, type PathSegment } from '../../../types';
import type { InstanceGroupContext } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';

/**
 * Hooks, file assets and additional user data of an InstanceGroup (kops' validateHookSpec, validateFileAssetSpec
 * and validateExtraUserData). kops reports additional user data at `additionalUserData.<field>`, with neither
 * `spec` nor the item's index.
 */

const CODE = 'kops-instancegroup';
const USER_DATA_TYPES = [
  'text/x-include-once-url',
  'text/x-include-url',
  'text/cloud-config-archive',
  'text/upstart-job',
  'text/cloud-config',
  'text/part-handler',
  'text/x-shellscript',
  'text/cloud-boothook',
];

const text = goStringAt;

/**
 * Whether kops skips the hook. Until v1.22 `disabled: true` does; from v1.23 the v1alpha2 `disabled` key fills
 * the internal `enabled` field as is, so kops skips a hook written `disabled: false`.
 */
const skipped = (doc: YamlDocument, hook: readonly PathSegment[], v: KopsVersion): boolean =>
  boolAt(doc, [...hook, 'disabled']) === (before(v, '1.23') ? true : false);

function hookViolations(g: InstanceGroupContext, i: number): Violation[] {
  const hook: PathSegment[] = ['spec', 'hooks', i];
  if (skipped(g.doc, hook, g.v)) return [];
  const exec = structAt(g.doc, [...hook, 'execContainer']);
  const manifest = text(g.doc, [...hook, 'manifest']);
  const raw = boolAt(g.doc, [...hook, 'useRawManifest']) === true;
  const where = formatPath(hook);
  const problem = (type: 'Required' | 'Forbidden', detail: string, message: string): Violation => ({
    code: CODE,
    at: hook,
    type,
    kopsPath: where,
    detail,
    message: `kops ${g.v.text} ${message}`,
  });
  const out: Violation[] = [];
  if (!exec && manifest === '') {
    out.push(
      problem(
        'Required',
        'you must set either manifest or execContainer for a hook',
        'needs a manifest or an execContainer in every hook.',
      ),
    );
  }
  if (exec && raw) {
    out.push(
      problem(
        'Forbidden',
        'execContainer may not be used with useRawManifest (use manifest instead)',
        'rejects execContainer with useRawManifest: use manifest.',
      ),
    );
  }
  if (manifest === '' && raw) {
    out.push(problem('Required', 'you must set manifest when useRawManifest is true', 'needs a manifest when useRawManifest is true.'));
  }
  for (const key of ['before', 'requires'] as const) {
    if (raw && isSeq(nodeAt(g.doc, [...hook, key]))) {
      out.push(
        problem(
          'Forbidden',
          `${key} may not be used with useRawManifest`,
          `rejects ${key} in a hook with useRawManifest: remove one of them.`,
        ),
      );
    }
  }
  if (exec && text(g.doc, [...hook, 'execContainer', 'image']) === '') {
    out.push({
      code: CODE,
      at: [...hook, 'execContainer', 'image'],
      anchors: [[...hook, 'execContainer']],
      type: 'Required',
      kopsPath: `${where}.execContainer.image`,
      detail: 'image must be specified',
      message: `kops ${g.v.text} needs the image of a hook's execContainer: set execContainer.image.`,
    });
  }
  return out;
}

function fileAssetViolations(g: InstanceGroupContext, i: number): Violation[] {
  return (['name', 'content'] as const).flatMap((key): Violation[] =>
    text(g.doc, ['spec', 'fileAssets', i, key]) === ''
      ? [
          {
            code: CODE,
            at: ['spec', 'fileAssets', i, key],
            anchors: [['spec', 'fileAssets', i]],
            type: 'Required',
            kopsPath: `spec.fileAssets[${i}].${key}`,
            detail: '',
            message: `kops ${g.v.text} needs the ${key} of every file asset: set fileAssets[${i}].${key}.`,
          },
        ]
      : [],
  );
}

function userDataViolations(g: InstanceGroupContext, i: number): Violation[] {
  const item: PathSegment[] = ['spec', 'additionalUserData', i];
  const out: Violation[] = (['name', 'content'] as const).flatMap((key): Violation[] =>
    text(g.doc, [...item, key]) === ''
      ? [
          {
            code: CODE,
            at: [...item, key],
            anchors: [item],
            type: 'Required',
            kopsPath: `additionalUserData.${key}`,
            detail: 'field must be set',
            message: `kops ${g.v.text} needs the ${key} of every additionalUserData entry: set additionalUserData[${i}].${key}.`,
          },
        ]
      : [],
  );
  const type = text(g.doc, [...item, 'type']);
  if (type !== undefined && !USER_DATA_TYPES.includes(type)) {
    out.push({
      code: CODE,
      at: [...item, 'type'],
      anchors: [item],
      type: 'NotSupported',
      kopsPath: 'additionalUserData.type',
      detail: supportedValuesDetail(USER_DATA_TYPES),
      message: `kops ${g.v.text} needs a cloud-init MIME type for additionalUserData[${i}], such as text/x-shellscript or text/cloud-config.`,
    });
  }
  return out;
}

/** Indexes of the mapping items of a list: anything else does not decode, which the schema checks report. */
const mapIndexes = (doc: YamlDocument, path: readonly PathSegment[]): number[] =>
  itemsAt(doc, path).flatMap((item, i) => (isMap(item) ? [i] : []));

export function hooksAndFilesViolations(g: InstanceGroupContext): Violation[] {
  return [
    ...mapIndexes(g.doc, ['spec', 'hooks']).flatMap((i) => hookViolations(g, i)),
    ...mapIndexes(g.doc, ['spec', 'fileAssets']).flatMap((i) => fileAssetViolations(g, i)),
    ...mapIndexes(g.doc, ['spec', 'additionalUserData']).flatMap((i) => userDataViolations(g, i)),
  ];
}
