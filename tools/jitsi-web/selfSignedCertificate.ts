/**
 * A throw-away TLS certificate for 127.0.0.1, made with Debian's openssl, for serving a Jitsi web
 * root over HTTPS on loopback in tests. Jitsi's IFrame API client always embeds `https://<domain>/…`
 * (modules/API/external/external_api.js), as every real deployment serves it: a test that embeds the
 * real meeting page needs HTTPS too. The browser in such a test accepts it with
 * `--ignore-certificate-errors` (loopback only).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and certificate in PEM. */
export interface Certificate {
    readonly key: string;
    readonly cert: string;
}

/** Makes a certificate for 127.0.0.1 and localhost, valid for a day. */
export function selfSignedCertificate(): Certificate {
    const dir = mkdtempSync(join(tmpdir(), 'jitsi-tls-'));

    try {
        execFileSync(
            'openssl',
            [
                'req',
                '-x509',
                '-newkey',
                'rsa:2048',
                '-nodes',
                '-days',
                '1',
                '-subj',
                '/CN=127.0.0.1',
                '-addext',
                'subjectAltName=IP:127.0.0.1,DNS:localhost',
                '-keyout',
                join(dir, 'key.pem'),
                '-out',
                join(dir, 'cert.pem'),
            ],
            { stdio: 'pipe' },
        );

        return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
