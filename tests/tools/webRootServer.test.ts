/**
 * The web root server (tools/jitsi-web/webRootServer.ts) on a small stand-in web root: the meeting
 * page with its includes expanded as nginx does and the deployment's own files in it, `/libs/` from
 * the given folders in order, nothing outside the folders, bad paths refused, and BOSH passed on to
 * the real Prosody. (The real web roots it serves are exercised by tests/e2e/stockJitsiMeet.test.ts
 * and by `npm run fork:verify`.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expandIncludes } from '../../tools/jitsi-web/ssi';
import { startWebRootServer, type WebRootServer } from '../../tools/jitsi-web/webRootServer';
import { DOMAINS, startProsody, type RunningProsody } from '../../tools/prosody/harness';

jest.setTimeout(30000);

/** The status of a GET with the path sent exactly as given. */
function statusOf(path: string): Promise<number | undefined> {
    return new Promise((resolve, reject) => {
        get(`${server.origin}${path}`, response => {
            response.resume();
            resolve(response.statusCode);
        }).on('error', reject);
    });
}

let prosody: RunningProsody;
let server: WebRootServer;
let root: string;

beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fork-verify-'));
    const checkout = join(root, 'jitsi-meet');
    const lib = join(root, 'lib');

    mkdirSync(join(checkout, 'build'), { recursive: true });
    mkdirSync(lib);
    writeFileSync(
        join(checkout, 'index.html'),
        '<html><head><!--#include virtual="head.html" --><script><!--#include virtual="/config.js" --></script>' +
            '<!--#include virtual="plugin.head.html" --><!--#include virtual="static/missing.html" --></head>' +
            '<body></body></html>',
    );
    writeFileSync(join(checkout, 'head.html'), '<title>Jitsi Meet</title>');
    writeFileSync(join(checkout, 'build', 'app.bundle.min.js'), '/* the app */');
    writeFileSync(join(lib, 'lib-jitsi-meet.min.js'), '/* the library */');
    writeFileSync(join(checkout, 'build', 'lib-jitsi-meet.min.js'), '/* an older library, shadowed */');
    writeFileSync(join(checkout, 'plugin.head.html'), '<!-- the stock, empty plugin.head.html -->');
    writeFileSync(join(root, 'secret.txt'), 'not to be served');

    prosody = await startProsody({ graceSeconds: 60, bosh: true });
    server = await startWebRootServer({
        root: checkout,
        libs: [lib, join(checkout, 'build')],
        config: origin => `var config = { bosh: '${origin}/http-bind' };`,
        interfaceConfig: 'var interfaceConfig = {};',
        pluginHead: '<script src="libs/school-policy.js"></script>',
        bosh: prosody.bosh ?? '',
        xmppDomain: DOMAINS.teachers,
    });
});

afterAll(async () => {
    await server?.close();
    await prosody?.stop();
});

describe('the web root server', () => {
    it('serves a room path as index.html with its includes expanded, the given config inlined', async () => {
        const response = await fetch(`${server.origin}/mathe-7b`);
        const html = await response.text();

        expect(response.status).toBe(200);
        expect(html).toContain('<title>Jitsi Meet</title>');
        expect(html).toContain(`<script>var config = { bosh: '${server.origin}/http-bind' };</script>`);
        expect(html).toContain('<script src="libs/school-policy.js"></script>');
        expect(html).not.toContain('the stock, empty plugin.head.html');
        expect(html).not.toContain('#include');
        expect(await (await fetch(`${server.origin}/config.js`)).text()).toContain('var config');
    });

    it('serves the build and lib-jitsi-meet under /libs/, and nothing outside the folders', async () => {
        expect(await (await fetch(`${server.origin}/libs/app.bundle.min.js`)).text()).toBe('/* the app */');
        // The first folder wins: a fork build's own lib-jitsi-meet is shadowed by the one handed in.
        expect(await (await fetch(`${server.origin}/libs/lib-jitsi-meet.min.js`)).text()).toBe('/* the library */');
        // Raw paths: fetch would resolve the dots before sending.
        expect(await statusOf('/libs/..%2f..%2fsecret.txt')).toBe(404);
        expect(await statusOf('/..%2fsecret.txt')).toBe(404);
        expect(await statusOf('/libs/lib-jitsi-meet%2f..%2f..%2fsecret.txt')).toBe(404);
    });

    it('answers a malformed path with 400 and keeps serving', async () => {
        expect(await statusOf('/mathe%E0%A4%A')).toBe(400);
        expect((await fetch(`${server.origin}/mathe-7b`)).status).toBe(200);
    });

    it('passes BOSH on to Prosody, which opens a session', async () => {
        const response = await fetch(`${server.origin}/http-bind`, {
            method: 'POST',
            headers: { 'content-type': 'text/xml; charset=utf-8' },
            body:
                `<body rid='1' xmlns='http://jabber.org/protocol/httpbind' to='${DOMAINS.guests}' xml:lang='de' ` +
                "wait='5' hold='1' ver='1.6' xmpp:version='1.0' xmlns:xmpp='urn:xmpp:xbosh'/>",
        });

        expect(response.status).toBe(200);
        expect(await response.text()).toMatch(/sid='[\w-]+'/);
    });
});

describe('server-side includes', () => {
    it('expand with or without a leading slash, and a missing file becomes empty', () => {
        const files: Record<string, string> = { 'a.html': 'A', 'config.js': 'C' };

        expect(
            expandIncludes(
                '<!--#include virtual="a.html" -->|<!--#include virtual="/config.js"-->|<!--#include virtual="x" -->',
                path => files[path],
            ),
        ).toBe('A|C|');
    });
});
