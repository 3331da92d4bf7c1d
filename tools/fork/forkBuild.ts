/**
 * Where a built jitsi-meet with the school-policy module comes from, and building it: jitsi-meet's
 * own build (webpack, production, type-checked with its own TypeScript; its Makefile's deploy steps)
 * through the jitsi-meet build kit (`../shared/jitsi-meet-build/build.sh`, or `JITSI_MEET_BUILD_KIT`),
 * or a checkout the media centre built itself (`JITSI_MEET_CHECKOUT`, after `npm run fork:apply` and
 * `make`). The kit's output goes to `.cache/` (ignored by git).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { buildKitFolder } from '../jitsi-web/jitsiSiteConfig';

const ROOT = join(__dirname, '..', '..');

/** The environment variable naming a jitsi-meet checkout built with the module. */
export const CHECKOUT_VARIABLE = 'JITSI_MEET_CHECKOUT';

/** `fork:build`'s exit code when there is nothing to build with (no kit, no checkout). */
export const NO_BUILD_SOURCE = 3;

/** A built jitsi-meet, as fork:verify and the bench take it. */
export interface BuiltJitsiMeet {
    /** The built checkout: index.html, build/app.bundle.min.js, libs/ (after its Makefile's deploy). */
    readonly checkout: string;
    /** Folders for `/libs/…`, in order (the checkout's deployed libs/ holds lib-jitsi-meet too). */
    readonly libs: readonly string[];
    /** How it came about, for the report. */
    readonly origin: 'kit' | 'checkout';
}

/** Where a build would come from, or why none can be had here. */
export type BuildSource =
    | { readonly kind: 'checkout'; readonly checkout: string }
    | { readonly kind: 'kit'; readonly kit: string }
    | { readonly kind: 'missing'; readonly reason: string };

/** Decides the source: a given checkout first, then the kit. */
export function buildSource(env: NodeJS.ProcessEnv = process.env): BuildSource {
    const checkout = env[CHECKOUT_VARIABLE];

    if (checkout) {
        return { kind: 'checkout', checkout };
    }
    const kit = env.JITSI_MEET_BUILD_KIT ?? buildKitFolder();

    if (existsSync(join(kit, 'build.sh'))) {
        return { kind: 'kit', kit };
    }

    return {
        kind: 'missing',
        reason:
            `no jitsi-meet build kit at ${kit}: set ${CHECKOUT_VARIABLE} to a jitsi-meet checkout built with ` +
            'the module (npm run fork:apply -- <checkout>, then make in it), or JITSI_MEET_BUILD_KIT to the kit',
    };
}

/** The kit's output folder for a fork build, or for the stock build of the same kit (`stock`). */
export function kitOutput(stock: boolean): string {
    return join(ROOT, '.cache', stock ? 'jitsi-meet-stock' : 'jitsi-meet-fork');
}

/** A kit output folder as a built jitsi-meet. */
export function builtFromKit(out: string): BuiltJitsiMeet {
    const checkout = join(out, 'jitsi-meet');

    return { checkout, libs: [join(checkout, 'libs')], origin: 'kit' };
}

/** Every file under a folder, by relative path, in a stable order. */
function filesUnder(dir: string): string[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter(name => statSync(join(dir, name)).isFile())
        .sort();
}

/**
 * What a kit build depends on: the kit, and everything of ours that `fork:apply` puts into the
 * checkout. Equal fingerprints mean an equal build, so an unchanged module is not built twice.
 */
export function buildFingerprint(kit: string, stock: boolean): string {
    const hash = createHash('sha256').update(stock ? 'stock' : 'fork');
    const inputs = [
        ...filesUnder(kit)
            .filter(name => !name.startsWith('prosody-plugins'))
            .map(name => join(kit, name)),
        ...(stock
            ? []
            : [
                  join(ROOT, 'tools', 'fork', 'apply-to-jitsi-meet.ts'),
                  ...filesUnder(join(ROOT, 'react', 'features', 'school-policy')).map(name =>
                      join(ROOT, 'react', 'features', 'school-policy', name),
                  ),
              ]),
    ];

    for (const file of inputs) {
        hash.update(relative(ROOT, file)).update(readFileSync(file));
    }

    return hash.digest('hex');
}

const FINGERPRINT_FILE = '.school-policy-build';

/**
 * Runs the kit's build.sh into `.cache/` (STOCK=1 for `stock`) unless the same inputs were built
 * there already; its output streams to this process's. Throws when the build fails.
 */
export function buildWithKit(kit: string, stock: boolean, log: (line: string) => void): BuiltJitsiMeet {
    const out = kitOutput(stock);
    const fingerprint = buildFingerprint(kit, stock);
    const stamp = join(out, FINGERPRINT_FILE);

    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) {
        log(`${stock ? 'stock' : 'fork'} build: unchanged since the last build in ${relative(ROOT, out)}`);

        return builtFromKit(out);
    }
    const result = spawnSync('bash', [join(kit, 'build.sh'), ROOT, out], {
        stdio: 'inherit',
        env: { ...process.env, STOCK: stock ? '1' : '0' },
    });

    if (result.status !== 0) {
        throw new Error(`jitsi-meet's build failed (build.sh exited with ${String(result.status ?? result.signal)})`);
    }
    writeFileSync(stamp, fingerprint);

    return builtFromKit(out);
}

/** A checkout the admin built: it must have its bundle and deployed libs. */
export function builtCheckout(checkout: string): BuiltJitsiMeet {
    if (!existsSync(join(checkout, 'build', 'app.bundle.min.js'))) {
        throw new Error(`${checkout}/build/app.bundle.min.js is missing: run make in the checkout first`);
    }
    const lib = join(checkout, 'node_modules', 'lib-jitsi-meet', 'dist', 'umd');

    return { checkout, libs: [join(checkout, 'libs'), join(checkout, 'build'), lib], origin: 'checkout' };
}

/**
 * The fork build this machine has: the checkout JITSI_MEET_CHECKOUT names, or what `npm run
 * fork:build` made with the kit; the reason when there is none to be had, or it was not built yet.
 */
export function currentForkBuild(): BuiltJitsiMeet | string {
    const source = buildSource();

    if (source.kind === 'missing') {
        return source.reason;
    }
    const built = source.kind === 'checkout' ? builtCheckout(source.checkout) : builtFromKit(kitOutput(false));

    return existsSync(join(built.checkout, 'build', 'app.bundle.min.js'))
        ? built
        : `no fork build in ${built.checkout}: run npm run fork:build first`;
}
