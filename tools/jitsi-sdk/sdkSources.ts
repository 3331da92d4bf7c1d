/**
 * jitsi-meet's own sources, as the npm package `@jitsi/react-native-sdk` ships them: `react/` (the
 * features, web variants included), `modules/` (the IFrame API client and its transport), `lang/`
 * (its translations) and its `package.json`. Unpacked once into `.cache/jitsi-sdk/package` (ignored by git, never committed) for
 * the upstream tests and for the offline stand-in, which builds the real `external_api.js` from them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The jitsi-meet release everything here is checked against (it carries jitsi-meet's sources). */
export const SDK_PACKAGE = '@jitsi/react-native-sdk';
/** Its version. */
export const SDK_VERSION = '13.2.0';

const CACHE = join(__dirname, '..', '..', '.cache', 'jitsi-sdk');
/** Where the unpacked package lives. */
export const SDK_DIR = join(CACHE, 'package');

/** The files whose presence says the cache is complete (an older cache held `react/` only). */
const MARKERS = [
    'react/features/base/config/functions.any.ts',
    'modules/API/external/index.js',
    'lang/main-de.json',
    'package.json',
];

function complete(dir: string): boolean {
    if (!MARKERS.every(marker => existsSync(join(dir, marker)))) {
        return false;
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown };

    return manifest.version === SDK_VERSION;
}

/**
 * Makes sure the sources are unpacked and returns their directory. Fetches the package from the npm
 * registry the first time (about 10 MB). Safe when several processes ask at once: each unpacks into
 * its own directory and the first to finish puts it in place.
 */
export function ensureSdkSources(): string {
    if (complete(SDK_DIR)) {
        return SDK_DIR;
    }
    mkdirSync(CACHE, { recursive: true });
    const work = mkdtempSync(join(CACHE, 'unpack-'));

    try {
        try {
            execFileSync('npm', ['pack', `${SDK_PACKAGE}@${SDK_VERSION}`, '--pack-destination', work, '--silent'], {
                stdio: 'pipe',
                timeout: 300_000,
            });
        } catch (error) {
            const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);

            throw new Error(
                `could not fetch jitsi-meet's sources (${SDK_PACKAGE}@${SDK_VERSION}) from the npm registry; ` +
                    `they are needed once, then kept in .cache/jitsi-sdk (${detail})`,
                { cause: error },
            );
        }
        const tarball = readdirSync(work).find(file => file.endsWith('.tgz'));

        if (!tarball) {
            throw new Error(`npm pack ${SDK_PACKAGE}@${SDK_VERSION} produced no tarball`);
        }
        execFileSync(
            'tar',
            [
                'xzf',
                join(work, tarball),
                '-C',
                work,
                'package/react',
                'package/modules',
                'package/lang',
                'package/package.json',
            ],
            {
                stdio: 'pipe',
            },
        );
        if (!complete(SDK_DIR)) {
            rmSync(SDK_DIR, { recursive: true, force: true });
            try {
                renameSync(join(work, 'package'), SDK_DIR);
            } catch (error) {
                // Another process was quicker; its copy is as good as ours.
                if (!complete(SDK_DIR)) {
                    throw error;
                }
            }
        }
    } finally {
        rmSync(work, { recursive: true, force: true });
    }

    return SDK_DIR;
}
