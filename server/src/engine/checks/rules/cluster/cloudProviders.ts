import { atLeast, type KopsVersion } from '../../../kops/releases';
import { eraOf, type Era } from '../../../kops/eras';

/**
 * The v1alpha2 `cloudProvider` values kops accepts, in the order kops lists them. Until v1.23 validation listed
 * them (and went on); from v1.24 the v1alpha2 conversion refuses any other value before validation runs.
 */
const ACCEPTED: ReadonlyArray<Era & { values: string[] }> = [
  { from: '1.18', until: '1.19', values: ['baremetal', 'gce', 'digitalocean', 'alicloud', 'aws', 'openstack'] },
  { from: '1.19', until: '1.20', values: ['gce', 'digitalocean', 'alicloud', 'aws', 'openstack'] },
  { from: '1.20', until: '1.24', values: ['gce', 'digitalocean', 'alicloud', 'azure', 'aws', 'openstack'] },
  { from: '1.24', until: '1.26', values: ['gce', 'digitalocean', 'azure', 'aws', 'hetzner', 'openstack'] },
  { from: '1.26', until: '1.36', values: ['gce', 'digitalocean', 'azure', 'aws', 'hetzner', 'openstack', 'scaleway'] },
  { from: '1.36', values: ['gce', 'digitalocean', 'azure', 'aws', 'hetzner', 'linode', 'openstack', 'scaleway'] },
];

export const acceptedCloudProviders = (v: KopsVersion): readonly string[] => eraOf(v, ACCEPTED)?.values ?? [];

/** From v1.24 an unknown value is a decoding error: kops reports it alone. */
export const refusedAtDecode = (v: KopsVersion): boolean => atLeast(v, '1.24');
