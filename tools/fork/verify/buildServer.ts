/**
 * Serves a built jitsi-meet checkout (the fork build) the way a deployment's nginx does, for the
 * browser verification (tools/fork/verify/cli.ts):
 *
 * - `/<room>` is index.html with its server-side includes expanded, config.js and
 *   interface_config.js being the ones handed in;
 * - `/libs/…` is the webpack output (`build/`), and `/libs/lib-jitsi-meet…` lib-jitsi-meet's build;
 * - `/http-bind` is passed on to Prosody's BOSH (same origin, as nginx proxies it);
 * - `/conference-request` stands in for Jicofo's HTTP conference request and always answers
 *   "ready": there is no Jicofo here, so rooms are joined directly (no videobridge either: presence
 *   works, media does not).
 *
 * Loopback only; files are served only from inside the given folders.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

import { expandIncludes } from './ssi';

/** What the server serves. */
export interface BuildServerOptions {
    /** The jitsi-meet checkout, built (`build/app.bundle.min.js` present). */
    readonly checkout: string;
    /** The folder with lib-jitsi-meet's browser build (`lib-jitsi-meet.min.js`). */
    readonly libJitsiMeet: string;
    /** The text of config.js and interface_config.js as the page gets them. */
    readonly config: (origin: string) => string;
    readonly interfaceConfig: string;
    /** Prosody's BOSH address and the XMPP domain its HTTP host answers to. */
    readonly bosh: string;
    readonly xmppDomain: string;
    /** The focus address the conference request names (a service account of mod_school_policy). */
    readonly focusJid: string;
}

/** A running build server. */
export interface BuildServer {
    readonly origin: string;
    close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.html': 'text/html; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.wasm': 'application/wasm',
    '.mp3': 'audio/mpeg',
    '.woff2': 'font/woff2',
};

/** A file inside `root`, or undefined when the path leaves it or names no file. */
function fileIn(root: string, path: string): string | undefined {
    const file = normalize(join(root, path));

    if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return undefined;
    }

    return file;
}

function body(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];

        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

/** Starts the server on a free loopback port. */
export async function startBuildServer(options: BuildServerOptions): Promise<BuildServer> {
    let origin = '';
    const send = (res: ServerResponse, status: number, type: string, content: string | Buffer) => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(content);
    };
    const proxyBosh = async (req: IncomingMessage, res: ServerResponse) => {
        const content = await body(req);
        const target = new URL(options.bosh);
        // Prosody's HTTP server wants a length, not a chunked body, and routes by host name.
        const upstream = request(
            {
                host: target.hostname,
                port: target.port,
                path: target.pathname,
                method: req.method,
                headers: {
                    host: options.xmppDomain,
                    'content-type': req.headers['content-type'] ?? 'text/xml; charset=utf-8',
                    'content-length': content.length,
                },
            },
            answer => {
                res.writeHead(answer.statusCode ?? 502, {
                    'content-type': answer.headers['content-type'] ?? 'text/xml; charset=utf-8',
                });
                answer.pipe(res);
            },
        );

        upstream.on('error', () => send(res, 502, 'text/plain', 'Prosody is not reachable'));
        upstream.end(content);
    };
    const page = () =>
        expandIncludes(readFileSync(join(options.checkout, 'index.html'), 'utf8'), path => {
            if (path === 'config.js') {
                return options.config(origin);
            }
            if (path === 'interface_config.js') {
                return options.interfaceConfig;
            }
            const file = fileIn(options.checkout, path);

            return file ? readFileSync(file, 'utf8') : undefined;
        });

    const server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);

        if (path === '/http-bind') {
            void proxyBosh(req, res);

            return;
        }
        if (path === '/conference-request') {
            req.resume();
            send(
                res,
                200,
                'application/json',
                JSON.stringify({ ready: true, focusJid: options.focusJid, properties: {} }),
            );

            return;
        }
        if (path === '/config.js') {
            send(res, 200, TYPES['.js'] as string, options.config(origin));

            return;
        }
        if (path === '/interface_config.js') {
            send(res, 200, TYPES['.js'] as string, options.interfaceConfig);

            return;
        }
        const file = path.startsWith('/libs/lib-jitsi-meet')
            ? fileIn(options.libJitsiMeet, path.slice('/libs/'.length))
            : path.startsWith('/libs/')
              ? fileIn(join(options.checkout, 'build'), path.slice('/libs/'.length))
              : fileIn(options.checkout, path);

        if (file) {
            send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        } else if (/^\/[\w-]+$/.test(path)) {
            // A room name: the meeting page.
            send(res, 200, TYPES['.html'] as string, page());
        } else {
            send(res, 404, 'text/plain', 'not found');
        }
    });

    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    return {
        origin,
        close: () => new Promise(resolve => server.close(() => resolve())),
    };
}
