import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A program's command line: `--help` prints the usage and exits 0; an unknown or malformed option
 * says what was wrong, then the usage, and exits 2 — a stack trace tells the person at the console
 * nothing about which option to type.
 */
export function commandLine<T extends ParseArgsConfig>(
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
