import type { StatusParams } from '../../server/src/protocol';

export interface StatusPresentation {
  text: string;
  tooltip: string;
  warning: boolean;
}

const ORIGIN: Record<StatusParams['source'], string> = {
  comment: 'from the `# kops-version:` comment in this file',
  setting: 'from the `kopsSpec.kopsVersion` setting',
  default: 'the newest kops this extension knows; set `kopsSpec.kopsVersion` or add a `# kops-version:` comment',
};

/** What the status-bar item shows for a document; undefined means hide it (not a kops file). */
export function presentStatus(status: StatusParams | undefined): StatusPresentation | undefined {
  if (!status?.isKops) return undefined;
  const origin = ORIGIN[status.source];
  const lines = [`kops ${status.kopsVersion} (${origin})`];
  if (status.ciliumVersion) lines.push(`Cilium ${status.ciliumVersion}`);
  if (status.ciliumAccepted) lines.push(status.ciliumAccepted);
  if (status.problem) lines.push(`$(warning) ${status.problem}`);
  lines.push('Click to change the kops version.');
  return {
    text: `${status.problem ? '$(warning) ' : ''}kops ${status.kopsVersion}${status.ciliumVersion ? ` · Cilium ${status.ciliumVersion}` : ''}`,
    tooltip: lines.join('\n\n'),
    warning: status.problem !== undefined,
  };
}
