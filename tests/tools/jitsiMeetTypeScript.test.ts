/**
 * `npm run typecheck` checks the module with jitsi-meet's own TypeScript (the version its
 * package.json pins, 5.7.2) and its tsconfig.web.json options (tsconfig.jitsi-meet.json), so that
 * what jitsi-meet's build refuses fails in seconds here: a spread of a DOM collection, which
 * TypeScript 6 accepts under `lib: ["DOM"]` and jitsi-meet's 5.7.2 does not (issue #22).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const JITSI_TSC = join(ROOT, 'node_modules', 'typescript-jitsi-meet', 'bin', 'tsc');
const OUR_TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

jest.setTimeout(60000);

/** Type-checks one file with the compiler options of tsconfig.jitsi-meet.json. */
function check(tsc: string, source: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'jitsi-tsc-'));
    const options = (
        JSON.parse(readFileSync(join(ROOT, 'tsconfig.jitsi-meet.json'), 'utf8')) as { compilerOptions: object }
    ).compilerOptions;

    try {
        writeFileSync(join(dir, 'module.ts'), source);
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['module.ts'] }));
        const result = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });

        return result.stdout;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const SPREAD = 'export const children = (doc: Document) => [...doc.body.children];\n';

it('uses the TypeScript version jitsi-meet pins', () => {
    const tarball = join(ROOT, '..', 'shared', 'jitsi-meet-build', 'jitsi-meet-abf901a4.tar.xz');
    const manifest = JSON.parse(
        execFileSync('tar', ['-xJOf', tarball, 'jitsi-meet/package.json'], { encoding: 'utf8', maxBuffer: 1 << 24 }),
    ) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
    const ours = JSON.parse(
        readFileSync(join(ROOT, 'node_modules', 'typescript-jitsi-meet', 'package.json'), 'utf8'),
    ) as {
        version: string;
    };

    expect(ours.version).toBe(manifest.devDependencies?.typescript ?? manifest.dependencies?.typescript);
});

it('refuses a spread of a DOM collection as jitsi-meet’s build does, where our own TypeScript accepts it', () => {
    expect(check(JITSI_TSC, SPREAD)).toContain('error TS2488');
    expect(check(OUR_TSC, SPREAD)).toBe('');
    expect(check(JITSI_TSC, 'export const children = (doc: Document) => Array.from(doc.body.children);\n')).toBe('');
});
