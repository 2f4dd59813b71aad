import { join } from 'path';
import { buildSync } from 'esbuild';

const REPO = join(__dirname, '..', '..');

/** dist/cli.js, where npm run build puts it. */
export const CLI = join(REPO, 'dist', 'cli.js');

/** Builds the CLI entry of scripts/build.mjs alone, so a suite tests the current sources; returns its path. */
export function buildCli(): string {
  buildSync({
    entryPoints: [join(REPO, 'server', 'src', 'cli.ts')], outfile: CLI, bundle: true, platform: 'node',
    target: 'node20', format: 'cjs', logLevel: 'error', banner: { js: '#!/usr/bin/env node' },
  });
  return CLI;
}
