/**
 * No import circle in react/ or tools/: a newcomer can read each module after the ones it imports.
 * Relative imports only (packages cannot import us back); type-only imports count too, since they
 * tie the files together for the reader just the same.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourcesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);

        if (statSync(path).isDirectory()) {
            return name === 'node_modules' ? [] : sourcesUnder(path);
        }

        return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
    });
}

/** The files a module imports by relative path (import and export … from). */
function importsOf(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map(m => m[1] ?? '');

    return specifiers.flatMap(specifier => {
        const base = resolve(dirname(file), specifier);
        const found = ['', ...EXTENSIONS]
            .map(ext => base + ext)
            .find(path => existsSync(path) && statSync(path).isFile());

        return found ? [found] : [];
    });
}

/** Every circle, each as the list of files around it (found by depth-first search). */
function circles(files: readonly string[]): string[][] {
    const graph = new Map(files.map(file => [file, importsOf(file)]));
    const found: string[][] = [];
    const done = new Set<string>();
    const visit = (file: string, path: string[]) => {
        const at = path.indexOf(file);

        if (at >= 0) {
            found.push(path.slice(at).map(f => relative(ROOT, f)));

            return;
        }
        if (done.has(file)) {
            return;
        }
        for (const next of graph.get(file) ?? []) {
            visit(next, [...path, file]);
        }
        done.add(file);
    };

    files.forEach(file => visit(file, []));

    return found;
}

describe('imports', () => {
    it.each(['react', 'tools'])('form no circle in %s/', folder => {
        expect(circles(sourcesUnder(join(ROOT, folder)))).toEqual([]);
    });

    it('would see one: the check finds a circle of two files', () => {
        const dir = mkdtempSync(join(tmpdir(), 'circle-'));

        try {
            writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
            writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport const b = 1;\n");
            expect(circles(sourcesUnder(dir))).toHaveLength(1);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
