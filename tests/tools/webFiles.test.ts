/**
 * `jitsi-school-policy web-files`: the branding files a Jitsi web root serves from
 * libs/school-policy/, written from a deployment's own config.js (the media centre's identity in one
 * place). Run as an admin runs it, through the installed command.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { EXIT } from '../../tools/config/checkConfig';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
const command = (...args: string[]) => run(process.execPath, [join(ROOT, 'bin/jitsi-school-policy.mjs'), ...args]);

/** How a refused command ended: its exit code and what it wrote to stderr. */
async function refusal(...args: string[]): Promise<{ code: unknown; stderr: string }> {
    try {
        await command(...args);
    } catch (error) {
        const { code, stderr } = error as { code?: unknown; stderr?: unknown };

        return { code, stderr: String(stderr) };
    }
    throw new Error(`web-files ${args.join(' ')} succeeded`);
}

let dir: string;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-files-'));
});

afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
});

jest.setTimeout(30000);

it('writes for this repository’s config.js exactly the files committed in deploy/jitsi-web/libs/school-policy', async () => {
    const { stdout } = await command('web-files', join(ROOT, 'config.js'), '--out', dir);

    expect(stdout).toContain('branding.json');
    for (const name of ['branding.json', 'lang-de.json', 'lang-en.json']) {
        expect([name, readFileSync(join(dir, name), 'utf8')]).toEqual([
            name,
            readFileSync(join(ROOT, 'deploy/jitsi-web/libs/school-policy', name), 'utf8'),
        ]);
    }
    expect(readdirSync(dir).sort()).toEqual(['branding.json', 'lang-de.json', 'lang-en.json']);
});

it('puts a media centre’s own logo and name in its files, and says what its config.js lacks', async () => {
    const config = join(dir, 'config.js');
    const out = join(dir, 'libs');

    writeFileSync(
        config,
        "var config = { schoolPolicy: { centreName: 'Medienzentrum Beispielstadt', logoUrl: '/libs/school-policy/bsp.png', " +
            "websiteUrl: 'https://mz.beispielstadt.example/', logoUrl2: 1, colour: '#ffff00' } };",
    );
    await run('mkdir', [out]);
    const { stdout, stderr } = await command('web-files', config, '--out', out, '--lang', 'en');

    expect(JSON.parse(readFileSync(join(out, 'branding.json'), 'utf8'))).toMatchObject({
        logoImageUrl: '/libs/school-policy/bsp.png',
        logoClickUrl: 'https://mz.beispielstadt.example/',
    });
    expect(readFileSync(join(out, 'lang-de.json'), 'utf8')).toContain('Medienzentrum Beispielstadt');
    expect(stderr).toContain('Not used, because invalid: schoolPolicy.colour');
    expect(stdout).toContain('Not set: schoolPolicy.misuseContact, schoolPolicy.termsUrl, schoolPolicy.privacyUrl.');
});

it('refuses a config.js it cannot read, and a folder that does not exist, with a clear message and nothing written', async () => {
    const broken = join(dir, 'config.js');

    writeFileSync(broken, 'var config = {');
    const unreadable = await refusal('web-files', broken, '--out', dir);
    const noFolder = await refusal('web-files', join(ROOT, 'config.js'), '--out', join(dir, 'fehlt'));

    expect(unreadable.code).toBe(EXIT.unreadable);
    expect(unreadable.stderr).toContain('config.js konnte nicht gelesen werden');
    expect(noFolder.code).toBe(EXIT.usage);
    expect(noFolder.stderr).toContain('Der Ordner');
    expect(noFolder.stderr).toContain('existiert nicht');
    expect((await refusal('web-files', '--out', dir)).code).toBe(EXIT.usage);
    expect(readdirSync(dir)).toEqual(['config.js']);
});
