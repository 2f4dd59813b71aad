import type { ParsedFile } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, Fix } from '../../types';
import { CHOICE_FIXERS, enumFixer, isEnumRule } from './choiceFixes';
import { fixContext, type Fixer } from './context';
import { independent } from '../../document/textEdits';
import { ETCD_FIXERS } from './etcdFixes';
import { KEY_FIXERS } from './keyFixes';
import { RULE_FIXERS } from './ruleFixes';
import { versionCommentFixes } from './versionComment';
import { VERSION_FIXERS } from './versionFixes';

const FIXERS: Record<string, Fixer> = { ...RULE_FIXERS, ...ETCD_FIXERS, ...VERSION_FIXERS, ...CHOICE_FIXERS, ...KEY_FIXERS };

const fixerFor = (code: string): Fixer | undefined => FIXERS[code] ?? (isEnumRule(code) ? enumFixer : undefined);

/** At most one preferred fix, and none whose own edits clash. */
function tidy(fixes: Fix[]): Fix[] {
  let preferredSeen = false;
  return fixes.filter((f) => f.edits.length > 0 && independent(f.edits)).map((f) => {
    if (!f.preferred) return f;
    if (preferredSeen) return { ...f, preferred: false };
    preferredSeen = true;
    return f;
  });
}

/**
 * Quick fixes for one finding, computed against the file as it is now: ours for the codes we know, else the
 * fixes the finding brought along.
 */
export function fixesFor(file: ParsedFile, v: KopsVersion, finding: Finding): Fix[] {
  if (finding.code === 'kops-version-unknown') return tidy(versionCommentFixes(file, finding));
  const fixer = fixerFor(finding.code);
  if (!fixer) return tidy(finding.fixes ?? []);
  const ctx = fixContext(file, v, finding);
  return ctx ? tidy(fixer(ctx)) : [];
}
