/**
 * Serves a jitsi-meet web root the way a deployment's nginx does (jitsi-meet's
 * `doc/debian/jitsi-meet/jitsi-meet.example`), for browser tests and verifications: the stock web root
 * in ../shared/jitsi-meet-web, or a built fork checkout (tools/fork/verify/cli.ts).
 *
 * - `/<room>` is index.html with its server-side includes expanded, config.js, interface_config.js
 *   and plugin.head.html being the ones handed in (the deployment's own files);
 * - `/libs/…` is looked up in the given folders, in order;
 * - `/http-bind` is passed on to Prosody's BOSH (same origin, as nginx proxies it). Conference
 *   requests go over XMPP to Jicofo (or its model), as in a default install; there is no videobridge,
 *   so presence works and media does not.
 *
 * Loopback only; files are served only from inside the given folders.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

import type { Certificate } from './selfSignedCertificate';
import { expandIncludes } from './ssi';
import type { WebRootFiles } from './webRootFiles';

/** What the server serves: the deployment's files, and where BOSH goes. */
export interface WebRootServerOptions extends WebRootFiles {
    /** Prosody's BOSH address and the XMPP domain its HTTP host answers to. */
    readonly bosh: string;
    readonly xmppDomain: string;
    /** Serve HTTPS with this certificate (as a deployment does; the IFrame API embeds https only). */
    readonly tls?: Certificate;
}

/** A running web root server. */
export interface WebRootServer {
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
    '.woff': 'font/woff',
    '.ttf': 'font/ttf',
    '.ico': 'image/x-icon',
    '.wav': 'audio/wav',
    '.opus': 'audio/ogg',
    '.txt': 'text/plain; charset=utf-8',
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
export async function startWebRootServer(options: WebRootServerOptions): Promise<WebRootServer> {
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
    const deploymentFile = (path: string) =>
        path === 'config.js'
            ? options.config(origin)
            : path === 'interface_config.js'
              ? options.interfaceConfig
              : path === 'plugin.head.html'
                ? (options.pluginHead ?? '')
                : undefined;
    const page = () =>
        expandIncludes(readFileSync(join(options.root, 'index.html'), 'utf8'), path => {
            const own = deploymentFile(path);
            const file = own === undefined ? fileIn(options.root, path) : undefined;

            return own ?? (file ? readFileSync(file, 'utf8') : undefined);
        });

    const handler: RequestListener = (req, res) => {
        let path: string;

        try {
            path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        } catch {
            send(res, 400, 'text/plain', 'bad request');

            return;
        }

        if (path === '/http-bind') {
            void proxyBosh(req, res);

            return;
        }
        const own = deploymentFile(path.slice(1));

        if (own !== undefined) {
            send(res, 200, TYPES[extname(path)] ?? 'text/plain; charset=utf-8', own);

            return;
        }
        // As Jitsi's nginx configuration aliases it: the IFrame API client for embedding pages.
        if (path === '/external_api.js') {
            path = '/libs/external_api.min.js';
        }
        const file = path.startsWith('/libs/')
            ? options.libs.map(folder => fileIn(folder, path.slice('/libs/'.length))).find(Boolean)
            : fileIn(options.root, path);

        if (file) {
            send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        } else if (/^\/[\w-]+$/.test(path)) {
            // A room name: the meeting page.
            send(res, 200, TYPES['.html'] as string, page());
        } else {
            send(res, 404, 'text/plain', 'not found');
        }
    };
    const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);

    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;

    return {
        origin,
        close: () => new Promise(resolve => server.close(() => resolve())),
    };
}
