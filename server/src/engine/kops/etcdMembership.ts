/**
 * kops' error for a control-plane InstanceGroup that is no member of an etcd cluster, written by the rule and
 * read back by the quick fix that adds the member.
 */

export const membershipDetail = (group: string, role: string, etcdCluster: string): string =>
  `InstanceGroup "${group}" with role ${role} must have a member in etcd cluster "${etcdCluster}"`;

const MEMBERSHIP = /^InstanceGroup ".*" with role \w+ must have a member in etcd cluster "(.*)"$/s;

/** The etcd cluster a membership detail names; undefined for any other detail. */
export const etcdClusterOfMembershipDetail = (detail: string | undefined): string | undefined =>
  detail === undefined ? undefined : MEMBERSHIP.exec(detail)?.[1];
