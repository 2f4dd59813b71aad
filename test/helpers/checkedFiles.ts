import * as fs from 'fs';
import { diagnose, effectiveKopsVersion, parseFile, type EffectiveVersion, type Finding, type ParsedFile } from '../../server/src/engine';

/**
 * A repository file parsed and diagnosed at a kops release, shared by the tests that sweep every case and sample:
 * each file is read and parsed once per test run, and diagnosed once per release.
 */
export interface CheckedFile {
  text: string;
  file: ParsedFile;
  eff: EffectiveVersion;
  findings: Finding[];
}

const parsed = new Map<string, ParsedFile>();
const checked = new Map<string, CheckedFile>();

/** The file as the CLI and the editor check it: its `# kops-version:` comment, else `kopsVersion`, else the newest kops. */
export function checkedFile(filePath: string, kopsVersion?: string): CheckedFile {
  let file = parsed.get(filePath);
  if (!file) {
    file = parseFile(fs.readFileSync(filePath, 'utf8'));
    parsed.set(filePath, file);
  }
  const eff = effectiveKopsVersion(file, kopsVersion ? { kopsVersion } : {});
  // Findings depend on the release and on a problem with how it was given, not on where it came from.
  const key = `${filePath}\n${eff.version.text}\n${eff.problem?.message ?? ''}`;
  let found = checked.get(key);
  if (!found) {
    found = { text: file.text, file, eff, findings: diagnose(file, eff) };
    checked.set(key, found);
  }
  return found;
}
