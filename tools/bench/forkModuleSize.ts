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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    /**
     * Added to `app.bundle.min.js` (what jitsi-meet's 3.5 MiB limit and the 40 KB budget are about):
     * the module's bundle less webpack's chunk loader, which jitsi-meet's bundle has already.
     */
    readonly minified: number;
    /** The module's bundle gzipped (webpack's chunk loader included: gzip sizes do not subtract). */
    readonly gzip: number;
    /** webpack's runtime for loading chunks, as any bundle with a lazy import has it. */
    readonly chunkLoader: number;
    /** In chunks jitsi-meet loads when they are needed (the teacher's dialogs), not in the bundle. */
    readonly lazyMinified: number;
    readonly lazyGzip: number;
    /** Packages bundled with the module (not in jitsi-meet). */
    readonly packages: readonly string[];
}

/** What webpack wrote: the entry's bundle and the chunks. */
interface Bundle {
    readonly main: Buffer;
    readonly chunks: readonly Buffer[];
}

type Externals = NonNullable<webpack.Configuration['externals']>;

/** Bundles `entry` into `out` as jitsi-meet's production build would. */
async function bundle(entry: string, out: string, externals: Externals): Promise<Bundle> {
    const stats = await new Promise<webpack.Stats>((done, fail) => {
        webpack(
            {
                mode: 'production',
                entry,
                output: { path: out, filename: 'main.js', chunkFilename: 'chunks/[name].js' },
                resolve: { extensions: ['.tsx', '.ts', '.js'] },
                module: { rules: [{ test: /\.[jt]sx?$/, exclude: /node_modules/, use: JITSI_MEET_BABEL }] },
                devtool: false,
                performance: { hints: false },
                externals,
            },
            (error, result) => (error || !result ? fail(error ?? new Error('no stats')) : done(result)),
        );
    });

    if (stats.hasErrors()) {
        throw new Error(stats.toString({ all: false, errors: true }));
    }
    const chunkDir = join(out, 'chunks');

    return {
        main: readFileSync(join(out, 'main.js')),
        chunks: existsSync(chunkDir) ? readdirSync(chunkDir).map(file => readFileSync(join(chunkDir, file))) : [],
    };
}

/** What a bundle with one lazy import weighs: webpack's chunk loader, which jitsi-meet's bundle has. */
async function chunkLoaderBytes(work: string): Promise<number> {
    const source = join(work, 'baseline');

    mkdirSync(source);
    writeFileSync(join(source, 'entry.js'), "import('./lazy.js').then(lazy => lazy.run());\n");
    writeFileSync(join(source, 'lazy.js'), 'export function run() {}\n');

    return (await bundle(join(source, 'entry.js'), join(work, 'baseline-out'), [])).main.length;
}

/** Bundles the module as jitsi-meet's build would take it in. */
export async function forkModuleSize(): Promise<ForkModuleSize> {
    const work = mkdtempSync(join(tmpdir(), 'fork-module-'));
    const packages = new Set<string>();
    const externals: Externals = [
        ({ context, request }, callback) => {
            if (!request) {
                return callback();
            }
            if (request.startsWith('.')) {
                const target = resolve(context ?? '', request);

                // jitsi-meet's own code: anything outside the module's folder.
                return target.startsWith(MODULE) ? callback() : callback(undefined, `commonjs ${request}`);
            }
            if (JITSI_MEET_HAS.test(request)) {
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
    ];

    try {
        const module = await bundle(ENTRY, join(work, 'module-out'), externals);
        const chunkLoader = await chunkLoaderBytes(work);
        const gzip = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

        return {
            minified: module.main.length - chunkLoader,
            gzip: gzip(module.main),
            chunkLoader,
            lazyMinified: module.chunks.reduce((sum, chunk) => sum + chunk.length, 0),
            lazyGzip: module.chunks.reduce((sum, chunk) => sum + gzip(chunk), 0),
            packages: [...packages].sort(),
        };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}
