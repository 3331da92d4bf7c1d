/**
 * Jitsi's own nginx site for a Debian install (`doc/debian/jitsi-meet/jitsi-meet.example` in
 * jitsi-meet's sources, which the `jitsi-meet-web-config` package installs as
 * `/etc/nginx/sites-available/<domain>.conf`), made to run on loopback for tests and verifications:
 * only the values an installer fills in are replaced (ports, names, paths, certificate), and this
 * repository's additions (`deploy/nginx/jitsi-additions.conf`) go inside its `server` block, as
 * the deployment guide tells an admin. Everything else — SSI, the BOSH and WebSocket proxies, the
 * `/libs/` aliases and caching rules, the room-name rewrite — is Jitsi's text as it ships.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Where the jitsi-meet build kit lies: `JITSI_MEET_BUILD_KIT`, or `../shared/jitsi-meet-build`. */
export function buildKitFolder(): string {
    return process.env.JITSI_MEET_BUILD_KIT ?? join(ROOT, '..', 'shared', 'jitsi-meet-build');
}

/** jitsi-meet's site example, read from the kit's source tarball (never copied into this repository). */
export function jitsiSiteExample(kit = buildKitFolder()): string {
    const tarball = join(kit, 'jitsi-meet-abf901a4.tar.xz');

    if (!existsSync(tarball)) {
        throw new Error(
            `jitsi-meet's nginx site example is read from ${tarball}, which is missing: ` +
                'set JITSI_MEET_BUILD_KIT to the folder of the jitsi-meet build kit',
        );
    }

    return execFileSync('tar', ['-xJOf', tarball, 'jitsi-meet/doc/debian/jitsi-meet/jitsi-meet.example'], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
    });
}

/** What an installer fills in. */
export interface SiteValues {
    /** The loopback port to serve HTTPS on. */
    readonly port: number;
    /** The web root, as `/usr/share/jitsi-meet`. */
    readonly webRoot: string;
    /** The deployment's config.js, as `/etc/jitsi/meet/<domain>-config.js`. */
    readonly configFile: string;
    readonly certificate: string;
    readonly key: string;
    /** Prosody's HTTP service, `127.0.0.1:<port>` (BOSH, WebSocket, /school-access). */
    readonly prosody: string;
    readonly accessLog: string;
    /** Origins besides the site itself that may embed the meeting page (the portal's). */
    readonly frameAncestors: readonly string[];
}

/** Replaces exactly one occurrence of `from`, so that a changed example fails loudly. */
function replaceOnce(text: string, from: string | RegExp, to: string): string {
    const count =
        typeof from === 'string'
            ? text.split(from).length - 1
            : (text.match(new RegExp(from.source, `${from.flags}g`)) ?? []).length;

    if (count !== 1) {
        throw new Error(`jitsi-meet's site example changed: expected one "${String(from)}", found ${count}`);
    }

    return text.replace(from, to);
}

/** This repository's additions for the Jitsi site, with the test's own addresses. */
export function siteAdditions(values: Pick<SiteValues, 'prosody' | 'frameAncestors'>): string {
    let additions = readFileSync(join(ROOT, 'deploy', 'nginx', 'jitsi-additions.conf'), 'utf8');

    additions = replaceOnce(additions, 'https://schule.example.org', values.frameAncestors.join(' '));

    return replaceOnce(additions, 'http://127.0.0.1:5280/', `http://${values.prosody}/`);
}

/** The site: jitsi-meet's example with the installer's values and this repository's additions. */
export function jitsiSiteConfig(example: string, values: SiteValues): string {
    let site = example;

    // The plain-HTTP server only redirects to HTTPS (and serves ACME challenges): not needed here.
    site = replaceOnce(site, /server \{\n {4}listen 80;[\s\S]*?\n\}\n/, '');
    site = replaceOnce(
        site,
        /listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/,
        `listen 127.0.0.1:${values.port} ssl http2;`,
    );
    site = replaceOnce(site, 'server_name jitsi-meet.example.com;', 'server_name 127.0.0.1 localhost;');
    site = replaceOnce(site, '/etc/jitsi/meet/jitsi-meet.example.com-config.js', values.configFile);
    site = replaceOnce(site, '/etc/jitsi/meet/jitsi-meet.example.com.crt', values.certificate);
    site = replaceOnce(site, '/etc/jitsi/meet/jitsi-meet.example.com.key', values.key);
    site = replaceOnce(site, '/var/log/nginx/access.log', values.accessLog);
    // No JaaS on a media centre's server; the include names a folder that does not exist here.
    site = replaceOnce(site, 'include /etc/jitsi/meet/jaas/*.conf;', '');
    site = replaceOnce(
        site,
        /upstream prosody \{([^}]*?)server 127\.0\.0\.1:5280;/,
        `upstream prosody {$1server ${values.prosody};`,
    );
    site = site.split('/usr/share/jitsi-meet').join(values.webRoot);
    // The additions go at the end of the HTTPS server block, which is the last block of the file.
    const end = site.lastIndexOf('}');

    return `${site.slice(0, end)}\n    # --- deploy/nginx/jitsi-additions.conf ---\n${siteAdditions(values)}\n}\n`;
}

/** The nginx.conf around the site: one worker, everything in `dir`, in the foreground. */
export function nginxMainConfig(dir: string, site: string): string {
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

    return [
        // Workers run as `nobody` when the master is root; the test's folders are its own (0700).
        asRoot ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 256; }',
        'http {',
        '    include /etc/nginx/mime.types;',
        '    default_type application/octet-stream;',
        // jitsi-meet asks for files no install has (lang/countries-<lang>.json): 404s, not errors.
        '    log_not_found off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
            kind => `    ${kind}_temp_path ${join(dir, `${kind}-temp`)};`,
        ),
        site,
        '}',
        '',
    ].join('\n');
}
