/** Command line of `kops-spec`: parsed into a plain request, or a one-line usage error. */
export type OutputFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckRequest {
  command: 'check';
  kopsVersion?: string;
  format: OutputFormat;
  paths: string[];
}

export type CliRequest = CheckRequest | { command: 'help' } | { command: 'version' } | { command: 'usage-error'; reason: string };

export const USAGE = `Usage: kops-spec check [--kops-version vX.Y.Z] [--format text|json|sarif] PATH...

Checks kops Cluster and InstanceGroup specs (YAML files, or folders searched for *.yaml and *.yml).
A '# kops-version: vX.Y.Z' comment line in a file wins over --kops-version; without either the newest
kops release known to kops-spec is used.

Options:
  --kops-version vX.Y.Z   kops release to check against
  --format FORMAT         text (default), json or sarif
  -h, --help              show this help
  -v, --version           show the kops-spec version

Exit status: 0 no errors, 1 at least one error-severity finding, 2 usage error, unreadable file, unknown kops version or internal error.`;

const usageError = (reason: string): CliRequest => ({ command: 'usage-error', reason });

/** `--name value` or `--name=value`; returns the value and how many argv entries it used. */
function optionValue(argv: readonly string[], i: number, name: string): { value?: string; used: number } | undefined {
  const arg = argv[i];
  if (arg === name) return { value: argv[i + 1], used: 2 };
  if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), used: 1 };
  return undefined;
}

export function parseArgs(argv: readonly string[]): CliRequest {
  if (argv.some((a) => a === '--help' || a === '-h')) return { command: 'help' };
  if (argv.length === 0) return usageError('missing command; try `kops-spec check PATH...`');
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] === 'help') return { command: 'help' };
  if (argv[0] !== 'check') return usageError(`unknown command "${argv[0]}"; the only command is \`check\``);

  const request: CheckRequest = { command: 'check', format: 'text', paths: [] };
  let onlyPaths = false;
  for (let i = 1; i < argv.length;) {
    const arg = argv[i];
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      request.paths.push(arg);
      i++;
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      i++;
      continue;
    }
    const version = optionValue(argv, i, '--kops-version');
    const format = optionValue(argv, i, '--format');
    const option = version ?? format;
    if (!option) return usageError(`unknown option ${arg}`);
    if (option.value === undefined || option.value === '') return usageError(`${arg.split('=')[0]} needs a value`);
    if (version) request.kopsVersion = option.value;
    else if ((FORMATS as readonly string[]).includes(option.value)) request.format = option.value as OutputFormat;
    else return usageError(`unknown format "${option.value}"; use text, json or sarif`);
    i += option.used;
  }
  if (request.paths.length === 0) return usageError('no PATH given; name at least one file or folder');
  return request;
}
