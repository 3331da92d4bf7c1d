/**
 * The stand-in's two scripts, built with esbuild when the stand-in starts:
 *
 * - `/external_api.js`: jitsi-meet's **real** IFrame API client, bundled from the SDK package's
 *   `modules/API/external/index.js` as jitsi-meet's webpack config does (one global,
 *   `JitsiMeetExternalAPI`). One change only: the real client always embeds `https://<domain>/`
 *   (`modules/API/external/external_api.js`, constructor); the stand-in runs on loopback without a
 *   certificate, so the build makes that `http://`. The build fails when the upstream line changed.
 * - `/meeting.js`: the stand-in's meeting page (`browser/meeting.ts`), which talks to that client with
 *   jitsi-meet's real transport (`modules/transport`) and reads its URL with jitsi-meet's
 *   `parseURLParams`, both bundled from the same package.
 */
import { build, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ensureSdkSources } from '../jitsi-sdk/sdkSources';

const ROOT = join(__dirname, '..', '..');
/** The template in jitsi-meet's client that fixes the scheme. */
const HTTPS_URL = 'url: `https://${domain}/#jitsi_meet_external_api_id=${id}`';
const HTTP_URL = 'url: `http://${domain}/#jitsi_meet_external_api_id=${id}`';

/** Rewrites the scheme in the real client, and insists on finding exactly the line it expects. */
const loopbackScheme: Plugin = {
    name: 'standin-loopback-scheme',
    setup(pluginBuild) {
        pluginBuild.onLoad({ filter: /modules[\\/]API[\\/]external[\\/]external_api\.js$/ }, async args => {
            const source = await readFile(args.path, 'utf8');
            const found = source.split(HTTPS_URL).length - 1;

            if (found !== 1) {
                throw new Error(
                    `${args.path}: expected the line ${HTTPS_URL} once, found it ${found} times; ` +
                        'the stand-in must be checked against this jitsi-meet version',
                );
            }

            return { contents: source.replace(HTTPS_URL, HTTP_URL), loader: 'js' };
        });
    },
};

async function bundle(
    entry: string,
    sdk: string,
    options: { globalName?: string; plugins?: Plugin[] },
): Promise<string> {
    const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: ['chrome100', 'safari15'],
        // jitsi-meet resolves web variants first.
        resolveExtensions: ['.web.ts', '.web.js', '.ts', '.js'],
        nodePaths: [join(ROOT, 'node_modules')],
        alias: { 'jitsi-sdk': sdk },
        legalComments: 'inline',
        logLevel: 'silent',
        ...options,
    });
    const [output] = result.outputFiles;

    if (!output) {
        throw new Error(`esbuild produced nothing for ${entry}`);
    }

    return output.text;
}

/** The stand-in's scripts, by path. */
export interface StandinScripts {
    readonly '/external_api.js': string;
    readonly '/meeting.js': string;
}

/** Builds both scripts (the SDK sources are fetched from npm the first time). */
export async function buildStandinScripts(): Promise<StandinScripts> {
    const sdk = ensureSdkSources();
    const [externalApi, meeting] = await Promise.all([
        bundle(join(sdk, 'modules', 'API', 'external', 'index.js'), sdk, {
            globalName: 'JitsiMeetExternalAPI',
            plugins: [loopbackScheme],
        }),
        bundle(join(__dirname, 'browser', 'meeting.ts'), sdk, {}),
    ]);

    return { '/external_api.js': externalApi, '/meeting.js': meeting };
}
