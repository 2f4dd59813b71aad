import { before } from '../../../kops/releases';
import type { Violation } from '../violation';
import { parsedCidr } from './cidrFindings';
import { violation, type NetContext } from './context';
import type { ListItem } from './layout';

/**
 * sshAccess, kubernetesApiAccess and nodePortAccess: each entry a CIDR, or (v1.23+) an AWS prefix list `pl-...`
 * on AWS. kops prints the API list under its Go name, kubernetesAPIAccess.
 */

const LISTS = [
  { key: 'sshAccess', kopsName: 'sshAccess' },
  { key: 'kubernetesApiAccess', kopsName: 'kubernetesAPIAccess' },
  { key: 'nodePortAccess', kopsName: 'nodePortAccess' },
] as const;

function entryRules(ctx: NetContext, key: string, kopsName: string, item: ListItem): Violation[] {
  const at = ['spec', key, item.index];
  const kopsPath = `spec.${kopsName}[${item.index}]`;
  if (item.text.startsWith('pl-') && !before(ctx.v, '1.23')) {
    if (ctx.layout.cloud === 'aws') return [];
    const message = `kops ${ctx.v.text} takes prefix lists (pl-...) in ${key} on AWS only: list CIDRs instead.`;
    return [violation(at, 'Invalid', kopsPath, 'Prefix List ID only supported for AWS', message)];
  }
  return parsedCidr(ctx, at, kopsPath, item.text, `${key} entry`).found;
}

export const accessRules = (ctx: NetContext): Violation[] =>
  LISTS.flatMap(({ key, kopsName }) => ctx.layout[key].flatMap((item) => entryRules(ctx, key, kopsName, item)));
