import { readFileSync } from 'node:fs';
import type { Organisation } from './domain/org.js';
import { OrgFileError, parseOrganisation } from './domain/org.parse.js';

/** Reads and validates the organisation file; any failure is an OrgFileError naming the file. */
export function loadOrganisationFile(path: string): Organisation {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason =
      err instanceof Error && 'code' in err && err.code === 'ENOENT'
        ? 'file not found'
        : `cannot read the file (${err instanceof Error ? err.message : String(err)})`;
    throw new OrgFileError(path, [{ path: '', message: reason }]);
  }
  // Editors on Windows may save a byte order mark.
  return parseOrganisation(text.replace(/^\uFEFF/, ''), path);
}
