// What node alone costs on this machine, with the options the server starts with and no code of ours: spawn →
// the first line of a script written to stdout, and the process's peak RSS (VmHWM) then. Every server process of
// the bench pays both before reading its first byte, so the report puts them beside the cold-start and RSS targets.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { NODE_ARGS } from '../../server/src/startup/nodeArgs';
import { peakRssMB } from './serverProcess';
import { distribution, reason, type Metric } from './stats';

export interface NodeFloor {
  startMs: Metric;
  peakRssMB: Metric;
}

/** Writes one line, then waits for stdin to close, so its memory can be read while it is alive. */
const SCRIPT = "process.stdout.write('up\\n'); process.stdin.resume(); process.stdin.on('end', () => process.exit(0));";

function startOnce(): Promise<{ ms: number; rssMB: number | undefined }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...NODE_ARGS, '-e', SCRIPT], { stdio: ['pipe', 'pipe', 'ignore'] });
    let measured: { ms: number; rssMB: number | undefined } | undefined;
    child.on('error', reject);
    child.stdout.once('data', () => {
      measured = { ms: performance.now() - t0, rssMB: child.pid === undefined ? undefined : peakRssMB(child.pid) };
      child.stdin.end();
    });
    child.once('close', (code) => (measured ? resolve(measured) : reject(new Error(`node exited (${code}) without writing its line`))));
  });
}

export async function measureNodeFloor(runs: number): Promise<NodeFloor> {
  const times: number[] = [];
  const peaks: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { ms, rssMB } = await startOnce();
      times.push(ms);
      if (rssMB !== undefined) peaks.push(rssMB);
    }
  } catch (e) {
    return { startMs: { na: reason(e) }, peakRssMB: { na: reason(e) } };
  }
  return { startMs: distribution(times), peakRssMB: peaks.length ? distribution(peaks) : { na: 'no /proc status' } };
}
