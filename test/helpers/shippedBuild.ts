import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const REPO = join(__dirname, '..', '..');

/** The CLI and server bundles as shipped: `scripts/build.mjs --minify`, the build of `npm pack` (prepack) and of the .vsix. */
export interface ShippedBuild {
  cli: string;
  server: string;
}

let built: ShippedBuild | undefined;

/**
 * Builds the shipped bundles once per test process into a temporary folder (removed when the process exits),
 * so the integration suites test the current sources and leave dist/ alone.
 */
export function shippedBuild(): ShippedBuild {
  if (built) return built;
  const outdir = mkdtempSync(join(tmpdir(), 'kops-spec-build-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--minify', '--outdir', outdir], { cwd: REPO, stdio: 'pipe' });
  built = { cli: join(outdir, 'cli.js'), server: join(outdir, 'server.js') };
  return built;
}
