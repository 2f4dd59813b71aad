import { fork, type ChildProcess } from 'child_process';
import { cpus } from 'os';
import { Corpus, runRange } from './campaign';
import { shrink } from './shrink';
import { Tally, type TallyData } from './tally';

/**
 * `npm run fuzz [-- --mutants N --seed S --workers W]`: runs N mutants (default 100,000) over W worker
 * processes and prints the counts (also when stopped with SIGTERM). Exit 1 when any exception, invariant
 * violation, incremental mismatch or call over the bound was found. `--seed S --mutants 1 --shrink` prints
 * the smallest mutant that fails like that of S.
 */

interface Batch {
  first: number;
  count: number;
}
type ToWorker = { seed: number; batch: Batch } | { done: true };
type FromWorker = { ready: true } | { tally: TallyData };

const BATCH = 250;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got ${raw}`);
  return n;
}

function worker(): void {
  const corpus = new Corpus();
  process.on('message', (msg: ToWorker) => {
    if ('done' in msg) return process.disconnect();
    const tally = new Tally();
    runRange(corpus, msg.seed, msg.batch.first, msg.batch.count, tally);
    process.send!({ tally: tally.data() } satisfies FromWorker);
  });
  process.send!({ ready: true } satisfies FromWorker);
}

async function coordinator(): Promise<void> {
  const mutants = option('mutants', 100_000);
  const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
  const workers = Math.max(1, Math.min(option('workers', cpus().length), Math.ceil(mutants / BATCH)));
  console.log(`kops-spec fuzz: ${mutants} mutants, seed ${seed}, ${workers} worker(s)`);
  const total = new Tally();
  const started = Date.now();
  const finish = (): void => {
    console.log(total.report());
    console.log(`seed ${seed}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exitCode = total.failures() ? 1 : 0;
  };
  process.once('SIGTERM', () => {
    console.log(`interrupted after ${total.mutants} of ${mutants} mutants`);
    finish();
    process.exit();
  });
  let next = 0;
  const give = (child: ChildProcess): void => {
    if (next >= mutants) return void child.send({ done: true } satisfies ToWorker);
    const batch = { first: next, count: Math.min(BATCH, mutants - next) };
    next += batch.count;
    child.send({ seed, batch } satisfies ToWorker);
  };
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(__filename, ['--worker'], { stdio: 'inherit' });
          child.on('message', (msg: FromWorker) => {
            if ('tally' in msg) {
              total.merge(msg.tally);
              if (total.mutants % 5_000 < BATCH)
                console.log(
                  `  ${total.mutants} mutants, ${total.failures()} failures, ${total.calls} calls, ${((Date.now() - started) / 1000).toFixed(0)} s`,
                );
            }
            give(child);
          });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fuzz worker exited with ${code}`))));
        }),
    ),
  );
  finish();
}

if (process.argv.includes('--worker')) worker();
else if (process.argv.includes('--shrink')) shrink(new Corpus(), option('seed', 0));
else
  coordinator().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
