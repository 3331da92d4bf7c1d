/**
 * The media centre's register of school accounts: one JSON file that this tool owns and Prosody
 * reads (deploy/prosody/plugins/school_accounts.lib.lua: which schools are blocked, when a password
 * was rotated). Replaced atomically on every change, so the server never reads half a file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** One school's entry. Times are ISO strings for people and seconds for Prosody. */
export interface SchoolEntry {
    /** The school's name as the letter shows it. */
    readonly name: string;
    readonly status: 'active' | 'blocked';
    /** Why the school is blocked (only while blocked). */
    readonly reason?: string;
    readonly created: string;
    readonly rotated: string;
    /**
     * `rotated` in seconds since the epoch, with milliseconds: Prosody ends sessions Jicofo vouched
     * for before it, also those vouched for in the same second.
     */
    readonly rotatedAt: number;
}

/** The whole register. */
export interface SchoolRegister {
    readonly version: 1;
    readonly schools: Readonly<Record<string, SchoolEntry>>;
}

/** Why a register could not be read. */
export class RegisterUnreadable extends Error {}

const EMPTY: SchoolRegister = { version: 1, schools: {} };

function isEntry(value: unknown): value is SchoolEntry {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const entry = value as Record<string, unknown>;

    return (
        typeof entry.name === 'string' &&
        (entry.status === 'active' || entry.status === 'blocked') &&
        typeof entry.created === 'string' &&
        typeof entry.rotated === 'string' &&
        typeof entry.rotatedAt === 'number'
    );
}

/** Reads the register; a missing file is an empty register (no school added yet). */
export function readRegister(path: string): SchoolRegister {
    if (!existsSync(path)) {
        return EMPTY;
    }
    let data: unknown;

    try {
        data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        throw new RegisterUnreadable(error instanceof Error ? error.message : String(error));
    }
    const schools = (data as { schools?: unknown } | null)?.schools;

    if (typeof schools !== 'object' || schools === null) {
        throw new RegisterUnreadable('no "schools" object');
    }
    for (const [id, entry] of Object.entries(schools)) {
        if (!isEntry(entry)) {
            throw new RegisterUnreadable(`entry "${id}" is incomplete`);
        }
    }

    return { version: 1, schools: schools as Record<string, SchoolEntry> };
}

/** Writes the register atomically (a temporary file beside it, then a rename). */
export function writeRegister(path: string, register: SchoolRegister): void {
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;

    try {
        // Readable by Prosody's group, never by everybody: it names the schools.
        writeFileSync(temporary, `${JSON.stringify(register, null, 2)}\n`, { mode: 0o640 });
        renameSync(temporary, path);
    } finally {
        rmSync(temporary, { force: true });
    }
}

/** The register with one school's entry replaced. */
export function withSchool(register: SchoolRegister, id: string, entry: SchoolEntry): SchoolRegister {
    return { version: 1, schools: { ...register.schools, [id]: entry } };
}
