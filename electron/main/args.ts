import path from 'node:path';

export const dataOptionUsage = 'Give the folder after --data, as in: --data /path/to/folder';

/**
 * The data folder given on the command line as `--data <folder>` or `--data=<folder>`, resolved
 * against cwd; undefined when absent. Throws when --data has no folder, rather than quietly using
 * the default one.
 */
export function dataDirFromArgs(argv: readonly string[], cwd: string): string | undefined {
  let value: string | undefined;
  let found = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') {
      found = true;
      value = argv[i + 1];
      i++;
    } else if (arg?.startsWith('--data=')) {
      found = true;
      value = arg.slice('--data='.length);
    }
  }
  if (!found) return undefined;
  if (!value || value.startsWith('--')) throw new Error(`The --data option needs a folder. ${dataOptionUsage}`);
  return path.resolve(cwd, value);
}
