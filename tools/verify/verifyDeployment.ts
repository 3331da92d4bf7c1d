/**
 * `npm run verify -- <web root or URL>`: lets an admin check a deployed drop-in. For a web root
 * (Debian's /usr/share/jitsi-meet, a copy of docker-jitsi-meet's) it serves the folder on loopback as
 * nginx does, with the deployment's config.js and the folder's own plugin.head.html; for an address it
 * opens the live site. Either way it loads a meeting page with a hostile URL hash in Debian's Chromium
 * and checks that the plugin loads, that jitsi-meet took the store hook, that the config ends
 * hardened, and that no other host is contacted (checks.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser } from 'playwright-core';

import type { Lang } from '../../react/features/school-policy';
import { launchChromium } from '../browser/chromium';
import { startWebRootServer } from '../jitsi-web/webRootServer';

import { judge, type CheckResult } from './checks';
import { VERIFY_TEXT, fill } from './messages';
import { STORE_WAIT_MS, observeMeetingPage } from './observe';

/** Exit codes. */
export const VERIFY_EXIT = {
    /** Every check passed. */
    ok: 0,
    /** At least one check failed. */
    failed: 1,
    /** Called wrongly (unknown option, no target, not a folder or address). */
    usage: 2,
    /** The page could not be loaded or no browser is there: no verdict. */
    cannotVerify: 3,
    /** A fault of the verifier itself: no verdict. */
    internal: 4,
} as const;

/** Where the command writes. */
export interface VerifyIo {
    out(text: string): void;
    err(text: string): void;
}

/** Options for tests. */
export interface VerifyOptions {
    /** How long to wait for jitsi-meet's store (default 30 s). */
    readonly waitMs?: number;
}

type ErrorKey = 'usage' | 'notFound' | 'notAWebRoot' | 'badTarget' | 'unreachable' | 'unknownOption' | 'browserMissing';

class VerifyError extends Error {
    constructor(
        readonly key: ErrorKey | 'internal',
        readonly detail: string,
        readonly exit: number,
    ) {
        super(detail);
    }
}

interface Args {
    readonly target: string;
    readonly config?: string;
    readonly interfaceConfig?: string;
    readonly json: boolean;
    readonly lang: Lang;
}

function parseArgs(argv: readonly string[]): Args {
    const rest = [...argv];
    const positional: string[] = [];
    let config: string | undefined;
    let interfaceConfig: string | undefined;
    let json = false;
    let lang: Lang = 'de';

    while (rest.length > 0) {
        const arg = rest.shift() ?? '';
        const value = () => {
            const next = rest.shift();

            if (next === undefined || next.startsWith('--')) {
                throw new VerifyError('usage', arg, VERIFY_EXIT.usage);
            }

            return next;
        };

        if (arg === '--config') {
            config = value();
        } else if (arg === '--interface') {
            interfaceConfig = value();
        } else if (arg === '--json') {
            json = true;
        } else if (arg === '--lang') {
            const chosen = value();

            if (chosen !== 'de' && chosen !== 'en') {
                throw new VerifyError('unknownOption', `--lang ${chosen}`, VERIFY_EXIT.usage);
            }
            lang = chosen;
        } else if (arg.startsWith('--')) {
            throw new VerifyError('unknownOption', arg, VERIFY_EXIT.usage);
        } else {
            positional.push(arg);
        }
    }
    const [target, ...extra] = positional;

    if (target === undefined || extra.length > 0) {
        throw new VerifyError('usage', '', VERIFY_EXIT.usage);
    }

    return { target, json, lang, ...(config ? { config } : {}), ...(interfaceConfig ? { interfaceConfig } : {}) };
}

function readFileArg(path: string): string {
    const file = resolve(path);

    if (!existsSync(file) || !statSync(file).isFile()) {
        throw new VerifyError('notFound', file, VERIFY_EXIT.usage);
    }

    return readFileSync(file, 'utf8');
}

/** The origin to open: the live site's, or a loopback server for the web root (closed afterwards). */
async function originFor(args: Args): Promise<{ origin: string; close: () => Promise<void> }> {
    if (/^https?:\/\//i.test(args.target)) {
        let url: URL;

        try {
            url = new URL(args.target);
        } catch {
            throw new VerifyError('badTarget', args.target, VERIFY_EXIT.usage);
        }

        return { origin: url.origin, close: () => Promise.resolve() };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(args.target) && !existsSync(args.target)) {
        throw new VerifyError('badTarget', args.target, VERIFY_EXIT.usage);
    }
    const root = resolve(args.target);

    if (!existsSync(root)) {
        throw new VerifyError('notFound', root, VERIFY_EXIT.usage);
    }
    if (!statSync(root).isDirectory() || !existsSync(join(root, 'index.html'))) {
        throw new VerifyError('notAWebRoot', root, VERIFY_EXIT.usage);
    }
    const config = readFileArg(args.config ?? join(root, 'config.js'));
    const interfaceConfig = readFileArg(args.interfaceConfig ?? join(root, 'interface_config.js'));
    const headFile = join(root, 'plugin.head.html');
    const server = await startWebRootServer({
        root,
        libs: [join(root, 'libs')],
        config: () => config,
        interfaceConfig,
        pluginHead: existsSync(headFile) ? readFileSync(headFile, 'utf8') : '',
        // No XMPP server is needed to see the store and its config; the page's BOSH requests fail.
        bosh: 'http://127.0.0.1:9/http-bind',
        xmppDomain: 'localhost',
    });

    return { origin: server.origin, close: () => server.close() };
}

async function check(args: Args, options: VerifyOptions): Promise<CheckResult[]> {
    const target = await originFor(args);

    try {
        let browser: Browser;

        try {
            browser = await launchChromium();
        } catch (error) {
            const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);

            throw new VerifyError('browserMissing', detail, VERIFY_EXIT.cannotVerify);
        }
        try {
            const seen = await observeMeetingPage(browser, target.origin, options.waitMs ?? STORE_WAIT_MS).catch(
                (error: unknown) => {
                    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);

                    throw new VerifyError(
                        'unreachable',
                        `${target.origin} (${detail ?? ''})`,
                        VERIFY_EXIT.cannotVerify,
                    );
                },
            );

            return judge(args.lang, seen);
        } finally {
            await browser.close();
        }
    } finally {
        await target.close();
    }
}

function report(io: VerifyIo, args: Args, results: readonly CheckResult[]): void {
    const passed = results.filter(r => r.ok).length;

    if (args.json) {
        io.out(`${JSON.stringify({ target: args.target, checks: results, passed, total: results.length })}\n`);

        return;
    }
    for (const r of results) {
        io.out(`${r.ok ? '✓' : '✗'} ${r.what}${r.detail ? ` — ${r.detail}` : ''}\n`);
    }
    io.out(`${fill(VERIFY_TEXT[args.lang].summary, { passed: String(passed), total: String(results.length) })}\n`);
}

/** Runs the command; resolves to its exit code and never throws. */
export async function runVerify(argv: readonly string[], io: VerifyIo, options: VerifyOptions = {}): Promise<number> {
    const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'de';
    const json = argv.includes('--json');

    try {
        const args = parseArgs(argv);
        const results = await check(args, options);

        report(io, args, results);

        return results.every(r => r.ok) ? VERIFY_EXIT.ok : VERIFY_EXIT.failed;
    } catch (error) {
        const failure =
            error instanceof VerifyError
                ? error
                : new VerifyError(
                      'internal',
                      error instanceof Error ? error.message : String(error),
                      VERIFY_EXIT.internal,
                  );
        const message =
            failure.key === 'usage'
                ? VERIFY_TEXT[lang].usage
                : fill(VERIFY_TEXT[lang][failure.key], { detail: failure.detail });

        if (json) {
            io.out(`${JSON.stringify({ error: failure.key, message })}\n`);
        } else {
            io.err(`${message}\n`);
            if (failure.key !== 'usage' && failure.exit === VERIFY_EXIT.usage) {
                io.err(`${VERIFY_TEXT[lang].usage}\n`);
            }
        }

        return failure.exit;
    }
}
