// `npm run fork:apply -- <path to a jitsi-meet checkout>`: copies react/features/school-policy into
// the checkout, registers it, and adds the state type. It adds no package: the module brings no
// state library into jitsi-meet's bundle (reduxShapes.ts). Idempotent: running it
// again changes nothing (the copy is replaced by the same files, the edits are found and kept).
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SOURCE = join(__dirname, '..', '..', 'react', 'features', 'school-policy');
const IMPORT_LINE = "import '../school-policy/jitsi-meet/registration';";
const TYPE_IMPORT = "import { PolicyState as ISchoolPolicyState } from '../school-policy/slice';";
const STATE_LINE = "    'features/school-policy': ISchoolPolicyState;";

/** What the script did, for the report. */
export interface ApplyReport {
    readonly changed: string[];
}

function edit(file: string, change: (text: string) => string, report: string[]): void {
    const before = readFileSync(file, 'utf8');
    const after = change(before);

    if (after !== before) {
        writeFileSync(file, after);
        report.push(file);
    }
}

/** Every file under a folder with its contents, by relative path; empty when the folder is missing. */
function snapshot(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (current: string) => {
        for (const name of readdirSync(current)) {
            const path = join(current, name);

            if (statSync(path).isDirectory()) {
                walk(path);
            } else {
                files.set(relative(dir, path), readFileSync(path, 'utf8'));
            }
        }
    };

    if (existsSync(dir)) {
        walk(dir);
    }

    return files;
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
    return a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);
}

/** Adds a line after the last line that matches, unless it is there already. */
function addAfterLast(text: string, line: string, pattern: RegExp): string {
    if (text.includes(line)) {
        return text;
    }
    const lines = text.split('\n');
    const last = lines.reduce((found, current, index) => (pattern.test(current) ? index : found), -1);

    if (last < 0) {
        throw new Error(`no line matching ${String(pattern)} to add "${line}" after`);
    }
    lines.splice(last + 1, 0, line);

    return lines.join('\n');
}

/** Applies the module to a jitsi-meet checkout. */
export function applyToJitsiMeet(checkout: string): ApplyReport {
    const app = join(checkout, 'react', 'features', 'app');
    const files = {
        middlewares: join(app, 'middlewares.any.ts'),
        types: join(app, 'types.ts'),
    };

    for (const file of Object.values(files)) {
        if (!existsSync(file)) {
            throw new Error(`${checkout} does not look like a jitsi-meet checkout: ${file} is missing`);
        }
    }
    const changed: string[] = [];
    const target = join(checkout, 'react', 'features', 'school-policy');
    const before = snapshot(target);

    // Replaced as a whole, so files removed from the module do not linger in the checkout.
    rmSync(target, { recursive: true, force: true });
    cpSync(SOURCE, target, { recursive: true });
    if (!sameFiles(before, snapshot(target))) {
        changed.push(target);
    }
    edit(files.middlewares, text => addAfterLast(text, IMPORT_LINE, /^import '\.\.\//), changed);
    edit(
        files.types,
        text => {
            const withImport = addAfterLast(text, TYPE_IMPORT, /^import .* from '\.\.\//);

            return withImport.includes(STATE_LINE)
                ? withImport
                : withImport.replace(/(export interface IReduxState \{\n)/, `$1${STATE_LINE}\n`);
        },
        changed,
    );
    return { changed };
}

if (require.main === module) {
    const checkout = process.argv[2];

    if (!checkout) {
        process.stderr.write('Usage: npm run fork:apply -- <path to a jitsi-meet checkout>\n');
        process.exit(2);
    }
    try {
        const { changed } = applyToJitsiMeet(resolve(checkout));

        process.stdout.write(
            changed.length === 0
                ? 'Already applied; nothing changed.\n'
                : `Changed:\n${changed.map(file => `  ${file}`).join('\n')}\n`,
        );
    } catch (error) {
        process.stderr.write(`fork:apply: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    }
}
