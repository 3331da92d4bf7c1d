/**
 * Where the browser tests and the fork-build verification put their pictures of the real pages: the
 * README and the deployment guide show them, so they stay as current as the last test run.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The folder (docs/screenshots/). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

/** The file for a picture named e.g. `fork-student-prejoin` (PNG: meeting pages are mostly dark and compress well). */
export function screenshotPath(name: string): string {
    mkdirSync(SCREENSHOTS, { recursive: true });

    return join(SCREENSHOTS, `${name}.png`);
}
