/**
 * The accounts tool as an admin starts it (`npx jitsi-school-policy accounts …`): usage, a missing
 * settings file and a broken one each get a clear message and their exit code, in both languages.
 * Its work on a live Prosody is tested in tests/server/schoolAccounts.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'accounts-cli-'));

jest.setTimeout(60000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function accounts(...args: string[]) {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'jitsi-school-policy.mjs'), 'accounts', ...args], {
        encoding: 'utf8',
    });

    return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('jitsi-school-policy accounts', () => {
    it('explains itself when called without a command (exit 2)', () => {
        const { code, err } = accounts();

        expect(code).toBe(2);
        expect(err).toContain('add <schul-id> --name');
        expect(accounts('--lang', 'en').err).toContain('block <school-id> --reason');
    });

    it('prints its usage on --help, -h or help, with or without a command, and exits 0', () => {
        for (const args of [['--help'], ['-h'], ['help'], ['block', '--help'], ['report', '-h', '--lang', 'en']]) {
            const { code, out, err } = accounts(...args);

            expect({ args, code, err }).toEqual({ args, code: 0, err: '' });
            expect(out).toMatch(/add <(schul|school)-id> --name/);
        }
    });

    it('names the missing settings file and where its template is (exit 2)', () => {
        const missing = join(work, 'gibt-es-nicht.json');
        const { code, err } = accounts('list', '--settings', missing);

        expect(code).toBe(2);
        expect(err).toContain(`Die Einstellungsdatei ${missing} fehlt`);
        expect(err).toContain('deploy/prosody/README.md');
    });

    it('says which setting is wrong instead of failing later (exit 2)', () => {
        const broken = join(work, 'broken.json');

        writeFileSync(broken, JSON.stringify({ domain: 'not a host!' }));
        expect(accounts('list', '--settings', broken, '--lang', 'en')).toMatchObject({
            code: 2,
            err: expect.stringContaining('"domain" is no host name') as unknown,
        });
        writeFileSync(broken, '{ "domain": ');
        expect(accounts('list', '--settings', broken)).toMatchObject({
            code: 2,
            err: expect.stringContaining('ist fehlerhaft') as unknown,
        });
    });
});
