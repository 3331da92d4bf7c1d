/**
 * The apply script against jitsi-meet's real app files (react/features/app/middlewares.any.ts and
 * types.ts from the unpacked SDK sources): it registers the module and adds the state type, adds no
 * package (package.json stays as it was), changes nothing else, and a second run changes nothing at all.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { applyToJitsiMeet } from '../../tools/fork/apply-to-jitsi-meet';

const SDK = join(__dirname, '..', '..', '.cache', 'jitsi-sdk', 'package');

function checkout(): string {
    const dir = mkdtempSync(join(tmpdir(), 'jitsi-meet-'));

    mkdirSync(join(dir, 'react', 'features', 'app'), { recursive: true });
    for (const file of ['middlewares.any.ts', 'types.ts']) {
        cpSync(join(SDK, 'react', 'features', 'app', file), join(dir, 'react', 'features', 'app', file));
    }
    writeFileSync(
        join(dir, 'package.json'),
        `${JSON.stringify({ name: 'jitsi-meet', dependencies: { '@jitsi/js-utils': '6.3.2', redux: '4.0.4' } }, null, 2)}\n`,
    );

    return dir;
}

function added(before: string, after: string): string[] {
    const old = new Set(before.split('\n'));

    return after.split('\n').filter(line => !old.has(line));
}

describe('tools/fork/apply-to-jitsi-meet', () => {
    it('registers the module with one import line and the state type, and adds no package', () => {
        const dir = checkout();
        const packageJson = readFileSync(join(dir, 'package.json'), 'utf8');
        const middlewares = join(dir, 'react', 'features', 'app', 'middlewares.any.ts');
        const types = join(dir, 'react', 'features', 'app', 'types.ts');
        const before = { middlewares: readFileSync(middlewares, 'utf8'), types: readFileSync(types, 'utf8') };

        applyToJitsiMeet(dir);
        expect(added(before.middlewares, readFileSync(middlewares, 'utf8'))).toEqual([
            "import '../school-policy/jitsi-meet/registration';",
        ]);
        expect(added(before.types, readFileSync(types, 'utf8'))).toEqual([
            "import { PolicyState as ISchoolPolicyState } from '../school-policy/slice';",
            "    'features/school-policy': ISchoolPolicyState;",
        ]);
        expect(readFileSync(types, 'utf8')).toMatch(
            /export interface IReduxState \{\n {4}'features\/school-policy': ISchoolPolicyState;/,
        );
        expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(packageJson);
        expect(
            existsSync(join(dir, 'react', 'features', 'school-policy', 'jitsi-meet', 'registration', 'index.ts')),
        ).toBe(true);
        expect(existsSync(join(dir, 'react', 'features', 'school-policy', 'slice.ts'))).toBe(true);
    });

    it('is idempotent: a second run changes nothing', () => {
        const dir = checkout();

        applyToJitsiMeet(dir);
        const snapshot = ['react/features/app/middlewares.any.ts', 'react/features/app/types.ts', 'package.json'].map(
            file => readFileSync(join(dir, file), 'utf8'),
        );

        expect(applyToJitsiMeet(dir).changed).toEqual([]);
        expect(
            ['react/features/app/middlewares.any.ts', 'react/features/app/types.ts', 'package.json'].map(file =>
                readFileSync(join(dir, file), 'utf8'),
            ),
        ).toEqual(snapshot);
    });

    it('reports an outdated copy of the module and replaces it, stale files included', () => {
        const dir = checkout();
        const module = join(dir, 'react', 'features', 'school-policy');

        applyToJitsiMeet(dir);
        writeFileSync(join(module, 'slice.ts'), '// an older version\n');
        writeFileSync(join(module, 'removed-long-ago.ts'), '// gone from the module\n');

        expect(applyToJitsiMeet(dir).changed).toEqual([module]);
        expect(readFileSync(join(module, 'slice.ts'), 'utf8')).not.toContain('an older version');
        expect(existsSync(join(module, 'removed-long-ago.ts'))).toBe(false);
    });

    it('refuses a folder that is not a jitsi-meet checkout', () => {
        expect(() => applyToJitsiMeet(mkdtempSync(join(tmpdir(), 'not-jitsi-')))).toThrow(
            /does not look like a jitsi-meet checkout/,
        );
    });
});
