import { runCli } from './cli/main';

// Entry point of the `kops-spec` command; the work is in cli/main.ts so tests can run it in-process.
process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
