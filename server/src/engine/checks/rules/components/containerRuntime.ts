import { boolAt, stringAt, stringPointerAt, structAt } from '../../../kops/goValues';
import { semverParseError, semverTolerantParseError } from '../../../kops/semverErrors';
import { atLeast, before } from '../../../kops/releases';
import { supportedValuesDetail, type Violation } from '../violation';
import { k8sAtLeast, oneFix, rejection, type ComponentContext, shown } from './componentContext';
import { below, packageRules, strictVersion, tolerantVersion } from './packages';

/** kops' container runtime checks: the runtime name, Docker's removal, and the containerd settings. */

const DOCKERSHIM = 'Docker CRI support was removed in Kubernetes 1.24: https://kubernetes.io/blog/2020/12/02/dockershim-faq';
const CONTAINERD = ['spec', 'containerd'];

function runtimeName(cc: ComponentContext): Violation[] {
  const at = ['spec', 'containerRuntime'];
  const runtime = stringAt(cc.doc, at);
  if (runtime === undefined) return [];
  const out: Violation[] = [];
  if (runtime !== 'containerd' && runtime !== 'docker') {
    const detail = supportedValuesDetail(['containerd', 'docker']);
    out.push(
      rejection({
        at,
        type: 'NotSupported',
        kopsPath: 'spec.containerRuntime',
        detail,
        message: `kops ${cc.v.text} runs containerd, not ${shown(runtime)}.`,
      }),
    );
  }
  if (runtime === 'docker' && atLeast(cc.v, '1.24') && (atLeast(cc.v, '1.29') || k8sAtLeast(cc, '1.24'))) {
    out.push(
      rejection({
        at,
        type: 'Forbidden',
        kopsPath: 'spec.containerRuntime',
        detail: DOCKERSHIM,
        message: `Kubernetes 1.24 removed Docker support (dockershim), so kops ${cc.v.text} needs containerRuntime containerd.`,
        fixes: oneFix('Switch to containerd', cc.edit.set(at, 'containerd')),
      }),
    );
  }
  return out;
}

function containerdVersion(cc: ComponentContext): Violation[] {
  const at = [...CONTAINERD, 'version'];
  const text = stringPointerAt(cc.doc, at);
  if (text === undefined) return [];
  const base = { at, type: 'Invalid' as const, kopsPath: 'spec.containerd.version' };
  const error = semverTolerantParseError(text);
  return [
    ...(error
      ? [
          rejection({
            ...base,
            detail: `unable to parse version string: ${error}`,
            message: `kops ${cc.v.text} cannot read containerd version ${shown(text)}: write it as MAJOR.MINOR.PATCH.`,
          }),
        ]
      : []),
    ...(below(tolerantVersion(text), '1.3.4')
      ? [
          rejection({
            ...base,
            detail: 'unsupported legacy version',
            message: `kops ${cc.v.text} does not install containerd older than 1.3.4: raise containerd.version.`,
          }),
        ]
      : []),
  ];
}

/** NRI needs containerd 1.7 (kops v1.29+); kops crashes when NRI is on without a containerd version. */
function nri(cc: ComponentContext): Violation[] {
  const text = stringPointerAt(cc.doc, [...CONTAINERD, 'version']);
  if (before(cc.v, '1.29') || boolAt(cc.doc, [...CONTAINERD, 'nri', 'enabled']) !== true || text === undefined) return [];
  const error = semverParseError(text);
  return [
    ...(error
      ? [
          rejection({
            at: [...CONTAINERD, 'version'],
            type: 'Invalid',
            kopsPath: 'spec.containerd.nri.version',
            detail: `unable to parse version string: ${error}`,
            message: `NRI needs an exact containerd version and kops ${cc.v.text} cannot read ${shown(text)}: write it as MAJOR.MINOR.PATCH.`,
          }),
        ]
      : []),
    ...(below(strictVersion(text), '1.7.0')
      ? [
          rejection({
            at: [...CONTAINERD, 'nri'],
            type: 'Forbidden',
            kopsPath: 'spec.containerd.nri',
            detail: 'NRI is available starting from version 1.7.0 and above',
            message: `NRI needs containerd 1.7.0 or newer: raise containerd.version or turn NRI off (kops ${cc.v.text}).`,
          }),
        ]
      : []),
  ];
}

function nvidia(cc: ComponentContext): Violation[] {
  const at = [...CONTAINERD, 'nvidiaGPU'];
  if (before(cc.v, '1.22') || boolAt(cc.doc, [...at, 'enabled']) !== true) return [];
  const forbidden = (detail: string, message: string): Violation =>
    rejection({ at, anchors: [[...at, 'enabled']], type: 'Forbidden', kopsPath: 'spec.containerd.nvidia', detail, message });
  const out: Violation[] = [];
  const openstackToo = atLeast(cc.v, '1.24');
  if (cc.cloud && cc.cloud !== 'aws' && (!openstackToo || cc.cloud !== 'openstack')) {
    out.push(
      openstackToo
        ? forbidden(
            'Nvidia is only supported on AWS and OpenStack',
            `kops ${cc.v.text} supports Nvidia GPUs on AWS and OpenStack only, not on ${cc.cloud}.`,
          )
        : forbidden('Nvidia is only supported on AWS', `kops ${cc.v.text} supports Nvidia GPUs on AWS only, not on ${cc.cloud}.`),
    );
  }
  if (openstackToo && cc.cloud === 'openstack') {
    const message = `On OpenStack, kops ${cc.v.text} takes the Nvidia settings per InstanceGroup: move containerd.nvidiaGPU to the GPU instance groups.`;
    out.push(forbidden('OpenStack supports nvidia configuration only in instance group', message));
  }
  const runtime = stringAt(cc.doc, ['spec', 'containerRuntime']) ?? '';
  const emptyAllowed = !before(cc.v, '1.22.2');
  if (before(cc.v, '1.29') && runtime !== 'containerd' && (runtime !== '' || !emptyAllowed)) {
    out.push(
      forbidden(
        'Nvidia is only supported using containerd',
        `kops ${cc.v.text} supports Nvidia GPUs with containerd only: set containerRuntime to containerd.`,
      ),
    );
  }
  return out;
}

function gvisor(cc: ComponentContext): Violation[] {
  const at = [...CONTAINERD, 'gvisor'];
  if (before(cc.v, '1.36') || !structAt(cc.doc, at)) return [];
  return [
    rejection({
      at,
      type: 'Forbidden',
      kopsPath: 'spec.containerd.gvisor',
      detail: 'gVisor can only be configured on instance groups',
      message: `kops ${cc.v.text} takes gVisor settings per InstanceGroup only: move containerd.gvisor to the instance groups that should run it.`,
    }),
  ];
}

function containerd(cc: ComponentContext): Violation[] {
  if (before(cc.v, '1.19') || !structAt(cc.doc, CONTAINERD)) return [];
  return [
    ...containerdVersion(cc),
    ...nri(cc),
    ...packageRules(cc, 'containerd', 'cannot parse package URL'),
    ...nvidia(cc),
    ...gvisor(cc),
  ];
}

export function containerRuntimeRules(cc: ComponentContext): Violation[] {
  return [...runtimeName(cc), ...containerd(cc)];
}
