/**
 * What the school-policy module adds to jitsi-meet's `app.bundle.min.js` (issue budget: under 40 KB
 * minified; jitsi-meet's production build fails above 3.5 MiB). Measured without jitsi-meet's build,
 * which CI cannot run: webpack bundles the module from its registration file the way jitsi-meet's
 * build would take it in, with everything jitsi-meet itself already ships left out (its own code —
 * every import that leaves the module's folder —, React, Redux 4, react-redux, @jitsi/js-utils).
 * What remains is the module's code and any library only it would bring (none since it stopped
 * using Redux Toolkit). The dialogs come out as a chunk of their own, as jitsi-meet's build makes
 * them (SchoolPolicyDialog.tsx); they are counted apart.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import webpack from 'webpack';

const ROOT = join(__dirname, '..', '..');
const MODULE = join(ROOT, 'react', 'features', 'school-policy');
const ENTRY = join(MODULE, 'jitsi-meet', 'registration', 'index.ts');
/**
 * The jitsi-meet commit the budget was set against (issue #14: its app.bundle.min.js was 3,544,845
 * bytes of at most 3.5 MiB) and the README's fork build is verified on.
 */
export const JITSI_MEET_COMMIT = 'abf901a4';

/**
 * How jitsi-meet's webpack.config.js compiles its own sources (babel-loader, no babel.config.js, its
 * browser targets, which lower `?.` and `??` for Firefox 68). TypeScript is stripped here by Babel,
 * where jitsi-meet uses ts-loader first; both leave plain modern JavaScript for this step.
 */
const JITSI_MEET_BABEL = {
    loader: 'babel-loader',
    options: {
        configFile: false,
        babelrc: false,
        presets: [
            [
                '@babel/preset-env',
                {
                    modules: false,
                    targets: { chrome: 80, electron: 10, firefox: 68, safari: 14 },
                    shippedProposals: true,
                },
            ],
            ['@babel/preset-react', { runtime: 'classic' }],
            '@babel/preset-typescript',
        ],
    },
};
/** Packages jitsi-meet's web build has already (its package.json). */
const JITSI_MEET_HAS = /^(react|react-dom|react-redux|redux|@jitsi\/js-utils|i18next)(\/|$)/;

/** Bytes the module adds, minified and gzipped, and the libraries in it. */
export interface ForkModuleSize {
    /** Added to `app.bundle.min.js` (what jitsi-meet's 3.5 MiB limit and the 40 KB budget are about). */
    readonly minified: number;
    readonly gzip: number;
    /** In chunks jitsi-meet loads when they are needed (the teacher's dialogs), not in the bundle. */
    readonly lazyMinified: number;
    readonly lazyGzip: number;
    /** Packages bundled with the module (not in jitsi-meet). */
    readonly packages: readonly string[];
}

/**
 * Bundles the module as jitsi-meet's build would take it in.
 *
 * @param alsoShared - more packages to leave out (to see what the module's own code weighs).
 */
export async function forkModuleSize(alsoShared?: RegExp): Promise<ForkModuleSize> {
    const out = mkdtempSync(join(tmpdir(), 'fork-module-'));
    const packages = new Set<string>();

    try {
        const stats = await new Promise<webpack.Stats>((done, fail) => {
            webpack(
                {
                    mode: 'production',
                    entry: ENTRY,
                    output: { path: out, filename: 'module.js', chunkFilename: 'chunks/[name].js' },
                    resolve: { extensions: ['.tsx', '.ts', '.js'] },
                    module: { rules: [{ test: /\.[jt]sx?$/, exclude: /node_modules/, use: JITSI_MEET_BABEL }] },
                    devtool: false,
                    performance: { hints: false },
                    externals: [
                        ({ context, request }, callback) => {
                            if (!request) {
                                return callback();
                            }
                            if (request.startsWith('.')) {
                                const target = resolve(context ?? '', request);

                                // jitsi-meet's own code: anything outside the module's folder.
                                return target.startsWith(MODULE)
                                    ? callback()
                                    : callback(undefined, `commonjs ${request}`);
                            }
                            if (JITSI_MEET_HAS.test(request) || alsoShared?.test(request)) {
                                return callback(undefined, `commonjs ${request}`);
                            }
                            const name = request.startsWith('@')
                                ? request.split('/').slice(0, 2).join('/')
                                : (request.split('/')[0] ?? '');

                            if (name !== '') {
                                packages.add(name);
                            }

                            return callback();
                        },
                    ],
                },
                (error, result) => (error || !result ? fail(error ?? new Error('no stats')) : done(result)),
            );
        });

        if (stats.hasErrors()) {
            throw new Error(stats.toString({ all: false, errors: true }));
        }
        const code = readFileSync(join(out, 'module.js'));
        const chunks = existsSync(join(out, 'chunks'))
            ? readdirSync(join(out, 'chunks')).map(file => readFileSync(join(out, 'chunks', file)))
            : [];
        const gzip = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

        return {
            minified: code.length,
            gzip: gzip(code),
            lazyMinified: chunks.reduce((sum, chunk) => sum + chunk.length, 0),
            lazyGzip: chunks.reduce((sum, chunk) => sum + gzip(chunk), 0),
            packages: [...packages].sort(),
        };
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}
