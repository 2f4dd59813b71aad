import type { ParsedFile } from '../document/documents';
import { findVersionComment, newestKops, parseKopsVersion, NEWEST_KOPS, type KopsVersion } from './releases';
import type { Finding } from '../types';
import { FINDING_CODES } from '../findingCodes';

export interface EngineSettings {
  /** The `kopsSpec.kopsVersion` setting (or the CLI's --kops-version); the file's comment wins over it. */
  kopsVersion?: string;
}

export interface EffectiveVersion {
  version: KopsVersion;
  source: 'comment' | 'setting' | 'default';
  /** Set when the requested version is malformed or unknown; `version` is then the newest kops, said out loud. */
  problem?: Finding;
}

/** The kops version a file is checked against: `# kops-version:` comment, else the setting, else the newest. */
export function effectiveKopsVersion(file: ParsedFile, settings: EngineSettings): EffectiveVersion {
  const comment = findVersionComment(file.text);
  if (comment) {
    const parsed = parseKopsVersion(comment.value);
    if ('version' in parsed) return { version: parsed.version, source: 'comment' };
    const range = file.lines.range(comment.start, comment.end);
    return { version: newestKops(), source: 'comment', problem: versionProblem(parsed.error, range, 'the `# kops-version:` comment') };
  }
  if (settings.kopsVersion) {
    const parsed = parseKopsVersion(settings.kopsVersion);
    if ('version' in parsed) return { version: parsed.version, source: 'setting' };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { version: newestKops(), source: 'setting', problem: versionProblem(parsed.error, range, 'the kopsSpec.kopsVersion setting') };
  }
  return { version: newestKops(), source: 'default' };
}

function versionProblem(reason: string, range: Finding['range'], where: string): Finding {
  return {
    code: 'kops-version-unknown',
    path: '',
    range,
    severity: 'error',
    message: `${reason}. Fix ${where}; until then this file is checked against kops ${NEWEST_KOPS}.`,
    docs: FINDING_CODES['kops-version-unknown'].docs,
  };
}
