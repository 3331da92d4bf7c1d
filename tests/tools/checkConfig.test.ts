/**
 * The config audit command: our config.js is clean, a stock config fails for the right reasons,
 * and hostile or broken input gets a clear error and a distinct exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { EXIT, runCheckConfig } from '../../tools/config/checkConfig';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'check-config-'));

async function check(...args: string[]) {
    let out = '';
    let err = '';
    const code = await runCheckConfig(
        args,
        { out: text => void (out += text), err: text => void (err += text) },
        { timeoutMs: 300, fetchTimeoutMs: 1000 },
    );

    return { code, out, err };
}

async function expectError(pending: ReturnType<typeof check>, code: number, text: string): Promise<void> {
    const result = await pending;

    expect(result.code).toBe(code);
    expect(result.err).toContain(text);
}

function file(name: string, content: string): string {
    const path = join(dir, name);

    writeFileSync(path, content);

    return path;
}

interface JsonReport {
    ok: boolean;
    rules: { rule: string; status: string; findings: { key: string }[] }[];
}

describe('check-config on real configs', () => {
    it('passes our config.js and interface_config.js', async () => {
        const result = await check(join(ROOT, 'config.js'), '--interface', join(ROOT, 'interface_config.js'), '--json');
        const report = JSON.parse(result.out) as JsonReport;

        expect(result.code).toBe(EXIT.ok);
        expect(report.ok).toBe(true);
        expect(report.rules.map(r => r.status)).not.toContain('violation');
        expect(report.rules.filter(r => r.status === 'notEnforceable').map(r => r.rule)).toEqual(['R1', 'R3', 'R6']);
    });

    it('fails jitsi-meet’s stock defaults for the right reasons', async () => {
        const result = await check(
            join(ROOT, 'tests/fixtures/config/stock-config.js'),
            '--interface',
            join(ROOT, 'tests/fixtures/config/stock-interface_config.js'),
            '--json',
        );
        const report = JSON.parse(result.out) as JsonReport;
        const keys = (rule: string) => report.rules.find(r => r.rule === rule)?.findings.map(f => f.key) ?? [];

        expect(result.code).toBe(EXIT.violations);
        expect(keys('R9')).toEqual(['localRecording.disable', 'liveStreaming.enabled', 'toolbarButtons']);
        expect(keys('R10')).toEqual([
            'disableThirdPartyRequests',
            'gravatar.disabled',
            'analytics.disabled',
            'p2p.stunServers',
            'interfaceConfig.SHOW_JITSI_WATERMARK',
        ]);
        expect(keys('R2')).toEqual(['hosts.anonymousdomain']);
        expect(keys('R4')).toEqual(['doNotStoreRoom', 'deeplinking.disabled', 'interfaceConfig.RECENT_LIST_ENABLED']);
        expect(keys('R7')).toEqual(['startWithAudioMuted', 'startWithVideoMuted']);
        expect(keys('R8')).toEqual(['buttonsWithNotifyClick']);
    });

    it('names the key and the fix in the readable report, in German by default and in English on request', async () => {
        const german = await check(join(ROOT, 'tests/fixtures/config/stock-config.js'));

        expect(german.out).toContain('R9   Keine Aufzeichnungen: VERSTOSS');
        expect(german.out).toContain('- localRecording.disable: Aufnahme im Browser ist möglich');
        expect(german.out).toContain('Abhilfe: localRecording: { disable: true }');
        expect(german.out).toContain('stun:meet-jit-si-turnrelay.jitsi.net:443');
        const english = await check(join(ROOT, 'tests/fixtures/config/stock-config.js'), '--lang', 'en');

        expect(english.out).toContain('R9   No recordings: VIOLATION');
        expect(english.out).toMatch(/\d rule\(s\) with violations\./);
    });
});

describe('check-config on bad input', () => {
    it.each([
        ['a syntax error', 'var config = {', EXIT.syntax, 'kein gültiges JavaScript'],
        ['a file that is not a config', 'var somethingElse = 1;', EXIT.notAConfig, 'keine config.js'],
        ['an endless loop', 'while (true) {}', EXIT.timeout, 'läuft endlos'],
        ['a file that reaches for require', "var config = require('fs');", EXIT.runtime, 'bricht beim Ausführen ab'],
        [
            'an escape through the constructor',
            'var config = this.constructor.constructor("return process")();',
            EXIT.runtime,
            'bricht beim Ausführen ab',
        ],
        ['code generation from strings', 'var config = eval("({})");', EXIT.runtime, 'bricht beim Ausführen ab'],
    ])('refuses %s', async (_what, content, code, message) => {
        const result = await check(file(`case-${code}.js`, content));

        expect(result.code).toBe(code);
        expect(result.err).toContain(message);
        expect(result.out).toBe('');
    });

    it('refuses a 50 MB file without reading it', async () => {
        const result = await check(file('huge.js', `var config = {}; // ${'x'.repeat(50 * 1024 * 1024)}`));

        expect(result.code).toBe(EXIT.tooLarge);
        expect(result.err).toContain('zu groß');
    });

    it('says when the file does not exist, and explains its usage', async () => {
        await expectError(check(join(dir, 'missing.js')), EXIT.unreadable, 'Die Datei gibt es nicht');
        await expectError(check(), EXIT.usage, 'Aufruf:');
        expect(await check('a.js', '--lang', 'fr')).toMatchObject({ code: EXIT.usage });
    });

    it('reports errors as JSON with --json', async () => {
        const result = await check(file('json-error.js', 'var config = {'), '--json');

        expect(JSON.parse(result.err)).toMatchObject({ ok: false, error: 'syntax' });
    });
});

describe('check-config over HTTP', () => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
        server = createServer((request, response) => {
            if (request.url === '/config.js') {
                response.end("var config = { hosts: { domain: 'meet.example.org' } };");
            } else if (request.url === '/elsewhere') {
                response.writeHead(302, { Location: 'http://localhost:1/config.js' });
                response.end();
            } else if (request.url === '/same-host') {
                response.writeHead(301, { Location: '/config.js' });
                response.end();
            } else if (request.url === '/silent') {
                // Never answers: the command must give up.
            } else {
                response.writeHead(404);
                response.end();
            }
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
        server.closeAllConnections();
        await new Promise(resolve => server.close(resolve));
    });

    it('reads a config from a URL and follows a redirect on the same host', async () => {
        expect((await check(`${base}/config.js`)).code).toBe(EXIT.violations);
        expect((await check(`${base}/same-host`)).code).toBe(EXIT.violations);
    });

    it('does not follow a redirect to another host', async () => {
        const result = await check(`${base}/elsewhere`);

        expect(result.code).toBe(EXIT.unreadable);
        expect(result.err).toContain('leitet auf einen anderen Server um');
    });

    it('reports an unreachable address, an HTTP error and a server that never answers', async () => {
        await expectError(check('http://127.0.0.1:1/config.js'), EXIT.unreadable, 'nicht erreichbar');
        await expectError(check(`${base}/nothing`), EXIT.unreadable, 'HTTP 404');
        await expectError(check(`${base}/silent`), EXIT.unreadable, 'Der Server antwortet nicht');
        expect(await check('ftp://example.org/config.js')).toMatchObject({ code: EXIT.unreadable });
    });
});

describe('the installed command', () => {
    it('runs as `npx jitsi-school-policy check-config` and exits with the audit’s code', async () => {
        const run = promisify(execFile);
        const ok = await run(process.execPath, [
            join(ROOT, 'bin/jitsi-school-policy.mjs'),
            'check-config',
            join(ROOT, 'config.js'),
        ]);

        expect(ok.stdout).toContain('Keine Verstöße.');
        await expect(
            run(process.execPath, [
                join(ROOT, 'bin/jitsi-school-policy.mjs'),
                'check-config',
                join(ROOT, 'tests/fixtures/config/stock-config.js'),
            ]),
        ).rejects.toMatchObject({ code: EXIT.violations });
    }, 30000);
});
