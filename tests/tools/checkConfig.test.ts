/**
 * The config audit command: our config.js is clean, a stock config fails for the right reasons,
 * and hostile or broken input gets a clear error and a distinct exit code.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { EXIT, runCheckConfig } from '../../tools/config/checkConfig';

const ROOT = join(__dirname, '..', '..');
/**
 * Loaded before the command (`--import`): the config engine's WebAssembly (about 500 KB; tsx's own
 * small modules still load) cannot be instantiated, as on a broken install.
 */
const CRASH_ENGINE =
    'const original = WebAssembly.instantiate;' +
    'WebAssembly.instantiate = (bytes, imports) => bytes && bytes.byteLength > 100000' +
    " ? Promise.reject(new Error('engine unavailable')) : original(bytes, imports);";
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
        expect(keys('R9')).toEqual([
            'localRecording.disable',
            'localRecording.disableSelfRecording',
            'liveStreaming.enabled',
            'toolbarButtons',
        ]);
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
        expect(german.out).toContain('Abhilfe: localRecording.disable: true');
        expect(german.out).toContain('Grundlage: DSK-Orientierungshilfe Videokonferenzsysteme (2020)');
        expect(german.out).not.toMatch(/\bremove\b|\bfrom\b|\bplus\b/);
        expect(german.out).toContain('stun:meet-jit-si-turnrelay.jitsi.net:443');
        const english = await check(join(ROOT, 'tests/fixtures/config/stock-config.js'), '--lang', 'en');

        expect(english.out).toContain('R9   No recordings: VIOLATION');
        expect(english.out).toMatch(/\d rule\(s\) with violations\./);
    });
});

describe('check-config reads values the way jitsi-meet reads them', () => {
    const keysOf = async (content: string, rule: string) => {
        const result = await check(file(`reading-${rule}-${content.length}.js`, content), '--json');
        const report = JSON.parse(result.out) as JsonReport;

        return report.rules.find(r => r.rule === rule)?.findings.map(f => f.key) ?? [];
    };

    it.each([
        ['recordingService: { enabled: 1 }', 'R9', 'recordingService.enabled'],
        ['liveStreaming: { enabled: "true" }', 'R9', 'liveStreaming.enabled'],
        ['transcription: { enabled: 1 }', 'R9', 'transcription.enabled'],
        ['transcribingEnabled: true', 'R9', 'transcription.enabled'],
        ['fileRecordingsServiceEnabled: "yes"', 'R9', 'recordingService.enabled'],
        ['recordingService: { sharingEnabled: true }', 'R9', 'recordingService.sharingEnabled'],
        ['localRecording: { disable: 0 }', 'R9', 'localRecording.disable'],
        ['dropbox: { appKey: "abc" }', 'R9', 'dropbox.appKey'],
        ['mainToolbarButtons: [["microphone", "recording"]]', 'R9', 'mainToolbarButtons'],
        ['prejoinConfig: { enabled: 0 }', 'R7', 'prejoinConfig.enabled'],
        ['startWithAudioMuted: ""', 'R7', 'startWithAudioMuted'],
        ['buttonsWithNotifyClick: [{ key: "hangup", preventExecution: false }]', 'R8', 'buttonsWithNotifyClick'],
        ['conferenceRequestUrl: "https://meet.example.org/conference-request/v1"', 'R2', 'conferenceRequestUrl'],
        ['p2p: { stunServers: [{ urls: "stun:example.org:3478" }] }', 'R10', 'p2p.stunServers'],
        ['p2p: { stunServers: [{ urls: "stun:org:3478" }] }', 'R10', 'p2p.stunServers'],
        ['bosh: "http://meet.example.org/http-bind"', 'R10', 'bosh'],
        ['dynamicBrandingUrl: "https://branding.example.net/b.json"', 'R10', 'dynamicBrandingUrl'],
        ['analytics: { disabled: true, watchRTCEnabled: 1 }', 'R10', 'analytics.watchRTCEnabled'],
    ])('finds %s', async (setting, rule, key) => {
        // Our own config.js with one setting added: the finding is that setting's alone.
        const ours = readFileSync(join(ROOT, 'config.js'), 'utf8');

        expect(await keysOf(`${ours}\nObject.assign(config, { ${setting} });`, rule)).toContain(key);
    });

    it('accepts the deployment’s own STUN server, below its domain or beside it', async () => {
        const ours = readFileSync(join(ROOT, 'config.js'), 'utf8');
        const own = '{ urls: "stun:meet.example.org:3478" }, { urls: "turns:turn.example.org:443" }';

        expect(await keysOf(`${ours}\nconfig.p2p = { stunServers: [${own}] };`, 'R10')).toEqual([]);
    });
});

describe('check-config on bad input', () => {
    it.each([
        ['a syntax error', 'var config = {', 'syntax', 'kein gültiges JavaScript (SyntaxError, config.js'],
        ['a file that is not a config', 'var somethingElse = 1;', 'notAConfig', 'keine config.js'],
        ['an endless loop', 'while (true) {}', 'timeout', 'läuft endlos und wurde nach 300 ms abgebrochen'],
        ['a file that reaches for require', "var config = require('fs');", 'runtime', 'bricht beim Ausführen ab'],
        [
            'an escape through the constructor',
            'var config = this.constructor.constructor("return process")();',
            'runtime',
            'bricht beim Ausführen ab',
        ],
        ['a memory bomb', 'var a = []; for (;;) a.push(new Array(1e6).fill(1));', 'memory', 'zu viel Speicher'],
    ])(
        'refuses %s, with exit code 3 and the reason in the JSON',
        async (_what, content, reason, message) => {
            const result = await check(file(`case-${reason}.js`, content));

            expect(result.code).toBe(EXIT.unreadable);
            expect(result.err).toContain(message);
            expect(result.out).toBe('');
            const json = await check(file(`case-${reason}.js`, content), '--json');

            expect(JSON.parse(json.out)).toMatchObject({ ok: false, exitCode: EXIT.unreadable, error: reason });
        },
        // A memory bomb ends at the engine's memory limit, which one long allocation reaches only after
        // a few seconds on these machines (the deadline is checked between operations, not inside one).
        30000,
    );

    it('speaks German or English throughout, without the engine’s English in German output', async () => {
        const german = await check(file('german.js', 'var config = null.x;'));
        const english = await check(file('german.js', 'var config = null.x;'), '--lang', 'en');

        expect(german.err).toMatch(
            /^check-config: Die Datei bricht beim Ausführen ab \(TypeError, config\.js, Zeile 1\)\.$/m,
        );
        expect(english.err).toMatch(/The file fails while running \(TypeError, config\.js, line 1\)\./);
    });

    it('refuses a 50 MB file without reading it', async () => {
        const result = await check(file('huge.js', `var config = {}; // ${'x'.repeat(50 * 1024 * 1024)}`));

        expect(result.code).toBe(EXIT.unreadable);
        expect(result.err).toContain('zu groß');
    });

    it('prints its usage on --help or -h and exits 0', async () => {
        for (const flag of ['--help', '-h']) {
            const result = await check(flag);

            expect(result).toMatchObject({ code: EXIT.ok, err: '' });
            expect(result.out).toContain('Aufruf: jitsi-school-policy check-config');
        }
    });

    it('says when the file does not exist, and explains its usage', async () => {
        await expectError(check(join(dir, 'missing.js')), EXIT.unreadable, 'Die Datei gibt es nicht');
        await expectError(check(), EXIT.usage, 'Aufruf:');
        expect(await check('a.js', '--lang', 'fr')).toMatchObject({ code: EXIT.usage });
    });

    it('says what a directory, a device or a pipe is, without reading it', async () => {
        const fifo = join(dir, 'pipe');

        execFileSync('mkfifo', [fifo]);
        for (const path of [dir, '/dev/zero', fifo]) {
            await expectError(check(path), EXIT.unreadable, 'keine gewöhnliche Datei');
        }
    });

    it('reports every failure as one JSON document on stdout with --json', async () => {
        const result = await check(file('json-error.js', 'var config = {'), '--json');

        expect(result.err).toBe('');
        expect(JSON.parse(result.out)).toMatchObject({ ok: false, error: 'syntax', exitCode: EXIT.unreadable });
        expect(JSON.parse((await check('--json')).out)).toMatchObject({ ok: false, exitCode: EXIT.usage });
        expect(JSON.parse((await check(join(dir, 'missing.js'), '--json')).out)).toMatchObject({
            error: 'notFound',
        });
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

    it('never makes a crash look like a verdict: an internal fault exits 4, as JSON too', async () => {
        const run = promisify(execFile);
        // A config whose audit makes the tool itself fail cannot be written; a broken install can: the
        // command started without its engine package is what a crash looks like.
        const result = await run(
            process.execPath,
            [
                join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
                join(ROOT, 'tools/config/cli.ts'),
                'check-config',
                join(ROOT, 'config.js'),
                '--json',
            ],
            {
                env: {
                    ...process.env,
                    NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(CRASH_ENGINE)}`,
                },
            },
        ).catch((error: unknown) => error as { code: number; stdout: string });

        expect(result).toMatchObject({ code: EXIT.internal });
        expect(JSON.parse((result as { stdout: string }).stdout)).toMatchObject({ ok: false, error: 'internal' });
    }, 30000);
});
