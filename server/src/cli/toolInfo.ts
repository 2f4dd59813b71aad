import { readFileSync } from 'fs';
import { dirname, join } from 'path';

export const TOOL_NAME = 'kops-spec';

/** The version in our package.json, found by walking up from the running script (dist/ or server/src/). */
export function toolVersion(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // no readable package.json here; keep walking up
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}
