import { stringPointerAt, structAt } from '../../../kops/goValues';
import { semverTolerantParseError } from '../../../kops/semverErrors';
import { atLeast, before } from '../../../kops/releases';
import { supportedValuesDetail, type Violation } from '../violation';
import { rejection, type ComponentContext, shown } from './componentContext';
import { below, packageRules, tolerantVersion } from './packages';

/** kops' `docker` checks: the block is refused from v1.29; before, its version, packages and storage drivers. */

const DOCKER = ['spec', 'docker'];
const V118_VERSIONS = [
  '17.03.2',
  '17.09.0',
  '18.03.1',
  '18.06.1',
  '18.06.2',
  '18.06.3',
  '18.09.3',
  '18.09.9',
  '19.03.4',
  '19.03.8',
  '19.03.11',
];
const STORAGE_DRIVERS = ['aufs', 'btrfs', 'devicemapper', 'overlay', 'overlay2', 'zfs'];
const GONE = 'version is no longer available: https://www.docker.com/blog/changes-dockerproject-org-apt-yum-repositories';

function version(cc: ComponentContext): Violation[] {
  const at = [...DOCKER, 'version'];
  const text = stringPointerAt(cc.doc, at);
  if (text === undefined) return [];
  const invalid = (detail: string, message: string): Violation =>
    rejection({ at, type: 'Invalid', kopsPath: 'spec.docker.version', detail, message });
  const gone = `kops ${cc.v.text} cannot install Docker ${shown(text)}: its packages are no longer published.`;
  if (before(cc.v, '1.19')) {
    if (text.startsWith('1.1')) return [invalid(`${GONE}/`, gone)];
    if (V118_VERSIONS.includes(text)) return [];
    const message = `kops ${cc.v.text} installs Docker ${V118_VERSIONS.join(', ')} only.`;
    return [
      rejection({ at, type: 'NotSupported', kopsPath: 'spec.docker.version', detail: supportedValuesDetail(V118_VERSIONS), message }),
    ];
  }
  const error = semverTolerantParseError(text);
  const parsed = tolerantVersion(text);
  const out = error
    ? [
        invalid(
          `unable to parse version string: ${error}`,
          `kops ${cc.v.text} cannot read Docker version ${shown(text)}: write it as MAJOR.MINOR.PATCH.`,
        ),
      ]
    : [];
  if (below(parsed, '1.14.0')) out.push(invalid(GONE, gone));
  else if (below(parsed, '17.3.0'))
    out.push(invalid('unsupported legacy version', `kops ${cc.v.text} does not install Docker older than 17.03: raise docker.version.`));
  return out;
}

function storage(cc: ComponentContext): Violation[] {
  const drivers = stringPointerAt(cc.doc, [...DOCKER, 'storage']);
  if (drivers === undefined) return [];
  return drivers
    .split(',')
    .filter((d) => !STORAGE_DRIVERS.includes(d))
    .map((d) =>
      rejection({
        at: [...DOCKER, 'storage'],
        type: 'NotSupported',
        kopsPath: 'spec.docker.storage',
        detail: supportedValuesDetail(STORAGE_DRIVERS),
        message: `kops ${cc.v.text} does not know the Docker storage driver "${shown(d)}": use ${STORAGE_DRIVERS.join(', ')}.`,
      }),
    );
}

export function dockerRules(cc: ComponentContext): Violation[] {
  if (!structAt(cc.doc, DOCKER)) return [];
  if (atLeast(cc.v, '1.29')) {
    return [
      rejection({
        at: DOCKER,
        type: 'Forbidden',
        kopsPath: 'spec.docker',
        detail: 'Docker CRI support was removed in Kubernetes 1.24: https://kubernetes.io/blog/2020/12/02/dockershim-faq',
        message: `kops ${cc.v.text} no longer supports Docker (removed in Kubernetes 1.24): remove the docker block and use containerd.`,
      }),
    ];
  }
  const packages = before(cc.v, '1.19') ? [] : packageRules(cc, 'docker', 'unable parse package URL string');
  return [...version(cc), ...packages, ...storage(cc)];
}
