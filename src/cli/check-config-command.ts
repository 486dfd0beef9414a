import { DEFAULT_DIRECTORY_FILE, loadDirectory } from '../directory/load-directory.js';
import { isAppError } from '../errors.js';
import type { CliIo } from './io.js';

/** `shaozi check-config [FILE]`: validates a directory file; exit 0 when valid, 1 with every problem otherwise. */
export function runCheckConfig(args: readonly string[], io: CliIo): number {
  const file = args.find((a) => !a.startsWith('-')) ?? DEFAULT_DIRECTORY_FILE;
  try {
    const directory = loadDirectory(file);
    const d = directory.data;
    io.stdout(
      `${file}: ok (${d.community}: ${d.compounds.length} compounds, ${d.grids.length} grids, ${d.bodies.length} bodies, ${d.groups.length} groups)`,
    );
    return 0;
  } catch (error) {
    io.stderr(isAppError(error) ? error.message : String(error));
    return 1;
  }
}
