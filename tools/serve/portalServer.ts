/**
 * Serves the built portal (dist/) on loopback, as the deployment's web server would: static files,
 * `index.html` for every page path, the clean-up endpoint with `Clear-Site-Data` (R4), and a
 * Content-Security-Policy that allows no host but this one and the Jitsi origin. For the offline
 * demo it appends one line to the served config.js that points the portal at the stand-in.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

import { listenOnLoopback } from './listen';

const TYPES: Readonly<Record<string, string>> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
};

/** A running portal server. */
export interface PortalServer {
    readonly origin: string;
    close(): Promise<void>;
}

/** The Content-Security-Policy for the portal: itself and the Jitsi origin, nothing else. */
export function contentSecurityPolicy(jitsiOrigin: string): string {
    return [
        "default-src 'self'",
        `script-src 'self' ${jitsiOrigin}`,
        `frame-src ${jitsiOrigin}`,
        "style-src 'self' 'unsafe-inline'",
        // The media centre's logo is served by the Jitsi server (schoolPolicy.logoUrl).
        `img-src 'self' data: ${jitsiOrigin}`,
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].join('; ');
}

/** Starts the server. `jitsiOrigin` overrides config.js's `schoolPolicy.jitsiDomain` when given. */
export async function startPortalServer(options: {
    dist: string;
    port?: number;
    jitsiOrigin?: string;
    cspJitsiOrigin: string;
}): Promise<PortalServer> {
    const { dist } = options;

    if (!existsSync(join(dist, 'index.html'))) {
        throw new Error(`${dist} has no index.html: run \`npm run build\` first`);
    }
    const server = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://portal');
        const headers = {
            'Content-Security-Policy': contentSecurityPolicy(options.cspJitsiOrigin),
            'X-Content-Type-Options': 'nosniff',
            'Referrer-Policy': 'strict-origin',
            // The portal itself needs no camera; the embedded Jitsi meeting does (delegated via `allow`).
            'Permissions-Policy': ['camera', 'microphone', 'display-capture']
                .map(feature => `${feature}=("${options.cspJitsiOrigin}")`)
                .join(', '),
        };

        if (url.pathname === '/clear-site-data') {
            response.writeHead(request.method === 'POST' ? 204 : 405, {
                ...headers,
                'Clear-Site-Data': '"cache", "cookies", "storage"',
                'Cache-Control': 'no-store',
            });
            response.end();

            return;
        }
        if (url.pathname === '/config.js' && options.jitsiOrigin) {
            const source = readFileSync(join(dist, 'config.js'), 'utf8');

            response.writeHead(200, { ...headers, 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
            response.end(
                `${source}\n// Added by tools/serve: no Jitsi domain is configured, so the offline stand-in is used.\n` +
                    `config.schoolPolicy.jitsiDomain = ${JSON.stringify(options.jitsiOrigin)};\n`,
            );

            return;
        }
        const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
        let file = join(dist, path);

        if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) {
            file = join(dist, 'index.html');
        }
        response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(response);
    });

    await listenOnLoopback(server, options.port ?? 0, 'PORT');
    const { port } = server.address() as AddressInfo;

    return {
        origin: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>(resolve => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
