/**
 * `npm run verify`, as an admin runs it after installing the drop-in: against a web root laid out as
 * Debian installs it (the stock jitsi-meet build with the drop-in's files copied in) and against the
 * same site by its address, in Debian's Chromium; and what it says when something is wrong.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startWebRootServer } from '../../tools/jitsi-web/webRootServer';
import { writePlugin } from '../../tools/plugin/buildPlugin';
import { VERIFY_EXIT, runVerify } from '../../tools/verify/verifyDeployment';

import { requireStockWebRoot } from './stockWebRoot';

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, 'config.js');
let work: string;
/** The drop-in, built once for all web roots. */
let plugin: { dir: string; head: string };

jest.setTimeout(120000);

/** Runs the command and keeps what it wrote. */
async function verify(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runVerify(argv, { out: text => void (out += text), err: text => void (err += text) });

    return { code, out, err };
}

/**
 * A web root as an admin leaves it after following deploy/README.md: the stock files (linked, the
 * shared folder is read-only), the drop-in's script and plugin.head.html, the text additions.
 */
function installedWebRoot(name: string, head?: (built: string) => string): string {
    const stock = requireStockWebRoot();
    const root = join(work, name);

    mkdirSync(join(root, 'libs'), { recursive: true });
    for (const entry of readdirSync(stock)) {
        if (entry !== 'libs' && entry !== 'plugin.head.html') {
            symlinkSync(join(stock, entry), join(root, entry));
        }
    }
    for (const entry of readdirSync(join(stock, 'libs'))) {
        symlinkSync(join(stock, 'libs', entry), join(root, 'libs', entry));
    }
    cpSync(join(plugin.dir, 'libs', 'school-policy.min.js'), join(root, 'libs', 'school-policy.min.js'));
    cpSync(join(ROOT, 'deploy', 'jitsi-web', 'libs', 'school-policy'), join(root, 'libs', 'school-policy'), {
        recursive: true,
    });
    writeFileSync(join(root, 'plugin.head.html'), head ? head(plugin.head) : plugin.head);

    return root;
}

beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'school-policy-verify-'));
    plugin = await writePlugin(join(work, 'build'));
});

afterAll(() => {
    rmSync(work, { recursive: true, force: true });
});

describe('npm run verify on a deployment with the drop-in', () => {
    it('passes a web root installed as the guide says, with the deployment’s config.js', async () => {
        const root = installedWebRoot('installed');
        const { code, out } = await verify(root, '--config', CONFIG);

        expect(out).toContain('✓ plugin.head.html lädt das Schulrichtlinien-Modul');
        expect(out).toContain('✓ jitsi-meet legt seinen Store über das Modul an');
        expect(out).toContain('✓ Die Konfiguration endet gehärtet, auch gegen Überschreibungen in der Adresse');
        expect(out).toContain('✓ Die Seite fragt keinen fremden Host an');
        expect(out).toContain('4 von 4 Prüfungen bestanden');
        expect(code).toBe(VERIFY_EXIT.ok);
    });

    it('passes the same site by its address, and says so as JSON in English', async () => {
        const root = installedWebRoot('by-address');
        const server = await startWebRootServer({
            root,
            libs: [join(root, 'libs')],
            config: () => readFileSync(CONFIG, 'utf8'),
            interfaceConfig: readFileSync(join(root, 'interface_config.js'), 'utf8'),
            pluginHead: readFileSync(join(root, 'plugin.head.html'), 'utf8'),
            bosh: 'http://127.0.0.1:9/http-bind',
            xmppDomain: 'localhost',
        });

        try {
            const { code, out } = await verify(`${server.origin}/mathe-7b`, '--json', '--lang', 'en');
            const report = JSON.parse(out) as {
                passed: number;
                total: number;
                checks: { what: string; ok: boolean }[];
            };

            expect(report.checks.filter(check => !check.ok)).toEqual([]);
            expect(report).toMatchObject({ passed: 4, total: 4 });
            expect(report.checks.map(check => check.what)).toContain(
                'jitsi-meet creates its store through the module (the policy is active)',
            );
            expect(code).toBe(VERIFY_EXIT.ok);
        } finally {
            await server.close();
        }
    });

    it('fails a stock web root without the drop-in, naming what a student could switch on', async () => {
        const { code, out } = await verify(requireStockWebRoot(), '--config', CONFIG);

        expect(out).toContain('✗ plugin.head.html lädt das Schulrichtlinien-Modul');
        expect(out).toContain('plugin.head.html fehlt oder lädt es nicht');
        expect(out).toMatch(
            /✗ Die Konfiguration endet gehärtet.*recordingService\.enabled: Aufnahme auf dem Server ist an/,
        );
        expect(out).toContain('1 von 4 Prüfungen bestanden');
        expect(code).toBe(VERIFY_EXIT.failed);
    });

    it('fails a jitsi-meet that creates its store without the hook', async () => {
        const root = installedWebRoot(
            'hook-ignored',
            head => `${head}<script>window.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ = undefined;</script>\n`,
        );
        const { code, out } = await verify(root, '--config', CONFIG);

        expect(out).toContain('✓ plugin.head.html lädt das Schulrichtlinien-Modul');
        expect(out).toContain('✗ jitsi-meet legt seinen Store über das Modul an');
        // Whether the verifier or the drop-in's own watchdog sees it first, the admin reads why.
        expect(out).toMatch(
            /der Store-Hook wurde nicht genommen|jitsi-meet hat seinen Store nicht über das Schulrichtlinien-Modul angelegt/,
        );
        expect(code).toBe(VERIFY_EXIT.failed);
    });

    it('says clearly when the site cannot be reached, and gives no verdict', async () => {
        const { code, err } = await verify('http://127.0.0.1:9/', '--lang', 'en');

        expect(err).toContain('The page cannot be reached: http://127.0.0.1:9');
        expect(code).toBe(VERIFY_EXIT.cannotVerify);
    });
});

describe('npm run verify with wrong input', () => {
    it.each([
        [[], 'Aufruf: npm run verify --'],
        [['/no/such/web-root'], 'Das Verzeichnis oder die Datei gibt es nicht: /no/such/web-root'],
        [['ftp://meet.example.org/'], 'Weder ein Verzeichnis noch eine http(s)-Adresse: ftp://meet.example.org/'],
        [[ROOT], 'Kein jitsi-meet-Web-Root (index.html fehlt)'],
        [['https://meet.example.org', '--colour'], 'Unbekannte Option: --colour'],
        [['https://meet.example.org', '--lang', 'fr'], 'Unbekannte Option: --lang fr'],
        [['a', 'b'], 'Aufruf: npm run verify --'],
    ])('%j is refused with a message, before any browser starts', async (argv, message) => {
        const { code, err, out } = await verify(...argv);

        expect(err).toContain(message);
        expect(out).toBe('');
        expect(code).toBe(VERIFY_EXIT.usage);
    });

    it('keeps stdout one JSON document with --json', async () => {
        const { code, out } = await verify('/no/such/web-root', '--json');

        expect(JSON.parse(out)).toEqual({
            error: 'notFound',
            message: 'Das Verzeichnis oder die Datei gibt es nicht: /no/such/web-root',
        });
        expect(code).toBe(VERIFY_EXIT.usage);
    });
});
