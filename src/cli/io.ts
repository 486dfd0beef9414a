/** Where a CLI command writes: kept apart from process streams so commands are testable in-process. */
export type CliIo = {
  stdout(line: string): void;
  stderr(line: string): void;
};

export const processIo: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/** The value after a flag (`--input FILE`), or undefined. */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}
