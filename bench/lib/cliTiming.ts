// Wall time of `node <NODE_ARGS> dist/cli.js check --format json <files>` (node's options of
// server/src/startup/nodeArgs.ts, as the bin's `#!` line gives them) over the kops specs and validation cases of
// test/fixtures/kops, node start-up included.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';
import { ROOT } from './servers';
import { distribution, reason, type Metric } from './stats';

export interface CliRun {
  wallMs: Metric;
  cpuMs?: Metric;
  files: number;
  exitCode?: number | null;
  outputBytes?: number;
}

export function cliInputs(kopsFixtures: string): string[] {
  return ['specs', 'validation-cases'].flatMap((sub) => {
    const dir = path.join(kopsFixtures, sub);
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  });
}

function runOnce(args: string[]): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - t0, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

export async function timeCli(kopsFixtures: string, repeats: number): Promise<CliRun> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const files = cliInputs(kopsFixtures);
  if (!fs.existsSync(cli)) return { wallMs: { na: 'no dist/cli.js' }, files: files.length };
  const args = ['-r', path.join(__dirname, 'reportCpu.cjs'), cli, 'check', '--format', 'json', ...files];
  const samples: number[] = [];
  const cpu: number[] = [];
  let last: Awaited<ReturnType<typeof runOnce>> | undefined;
  try {
    for (let i = 0; i < repeats; i++) {
      last = await runOnce(args);
      try {
        JSON.parse(last.stdout);
      } catch {
        return {
          wallMs: { na: `no JSON on stdout (exit ${last.code}): ${last.stderr.trim().split('\n')[0] ?? ''}`.slice(0, 120) },
          files: files.length,
          exitCode: last.code,
        };
      }
      samples.push(last.ms);
      const cpuUs = /BENCH_CPU_US (\d+)/.exec(last.stderr)?.[1];
      if (cpuUs) cpu.push(Number(cpuUs) / 1000);
    }
  } catch (e) {
    return { wallMs: { na: reason(e) }, files: files.length };
  }
  return {
    wallMs: distribution(samples),
    cpuMs: cpu.length ? distribution(cpu) : undefined,
    files: files.length,
    exitCode: last?.code,
    outputBytes: last?.stdout.length,
  };
}
