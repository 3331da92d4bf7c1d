/**
 * `jitsi-school-policy accounts …`: the media centre's side of R3 and R5 — one account per school on
 * the teacher domain, a credential letter for the head of school, blocking on misuse, an audit log
 * and counts that show a leaked credential. Works on the deployment's real Prosody through its
 * admin shell; the register it keeps is what Prosody reads to refuse a blocked school.
 *
 * Nothing half-done: every check that can fail runs before the first change, and a change that fails
 * half-way is undone (an `add` leaves no account without a letter, and no letter without an account).
 */
import { randomInt } from 'node:crypto';
import {
    accessSync,
    appendFileSync,
    constants,
    existsSync,
    mkdirSync,
    readFileSync,
    renameSync,
    rmSync,
    writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import type { Lang } from '../../react/features/school-policy/rules';
import { de, en } from '../../react/features/school-policy/i18n';
import { evaluateConfig } from '../config/evaluateConfig';

import { credentialLetter } from './credentialLetter';
import { message, type MessageKey } from './messages';
import { ProsodyRefused, ProsodyUnreachable, prosodyShell, type ProsodyAdmin } from './prosodyAdmin';
import {
    readRegister,
    RegisterUnreadable,
    withSchool,
    writeRegister,
    type SchoolEntry,
    type SchoolRegister,
} from './schoolRegister';
import { dailyCounts, lastLogins, parseHours, readUsage, type SchoolHours } from './usageReport';

/** Exit codes, for scripts. */
export const EXIT = { ok: 0, input: 2, server: 3, files: 4, internal: 5 } as const;

/** Where the tool writes. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

/** The admin's settings file (`--settings`, default /etc/jitsi-school-policy/settings.json). */
export interface AccountSettings {
    readonly prosodyConfig: string;
    /** The teacher domain: school accounts are `<school-id>@<domain>`. */
    readonly domain: string;
    readonly register: string;
    readonly auditLog: string;
    /** Prosody's `school_accounts_usage_file`. */
    readonly usageLog: string;
    /** The deployment's config.js: centre name and misuse contact for the letters. */
    readonly config: string;
    readonly letters: string;
    /** Where teachers start lessons (the portal), for the letter. */
    readonly address: string;
    readonly schoolHours: SchoolHours;
}

export const DEFAULT_SETTINGS_PATH = '/etc/jitsi-school-policy/settings.json';

/** A failure the admin gets as a message, with its exit code. */
class Failure extends Error {
    constructor(
        readonly code: number,
        readonly key: MessageKey,
        readonly params: Readonly<Record<string, string | number>> = {},
    ) {
        super(key);
    }
}

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** No 0/O, 1/l/I: the password is read off paper. */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A strong password for a letter: 5 groups of 4 from 32 characters (100 bits). */
export function generatePassword(): string {
    const groups = Array.from({ length: 5 }, () =>
        Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
    );

    return groups.join('-');
}

function readSettings(path: string): AccountSettings {
    let raw: unknown;

    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        if (existsSync(path)) {
            throw new Failure(EXIT.input, 'settingsInvalid', { path, detail: String((error as Error).message) });
        }
        throw new Failure(EXIT.input, 'settingsMissing', { path });
    }
    const settings = (raw ?? {}) as Record<string, unknown>;
    const base = dirname(resolve(path));
    const file = (key: string): string => {
        const value = settings[key];

        if (typeof value !== 'string' || value === '') {
            throw new Failure(EXIT.input, 'settingsInvalid', { path, detail: `"${key}" is missing` });
        }

        return resolve(base, value);
    };
    const domain = settings.domain;

    if (typeof domain !== 'string' || !HOSTNAME.test(domain)) {
        throw new Failure(EXIT.input, 'settingsInvalid', { path, detail: '"domain" is no host name' });
    }
    const hoursSetting = (settings.schoolHours ?? {}) as { days?: unknown; hours?: unknown };
    const hours = parseHours(typeof hoursSetting.hours === 'string' ? hoursSetting.hours : '07:00-17:00');
    const days = Array.isArray(hoursSetting.days) ? hoursSetting.days : [1, 2, 3, 4, 5];

    if (!hours || !days.every(day => Number.isInteger(day) && day >= 1 && day <= 7)) {
        throw new Failure(EXIT.input, 'settingsInvalid', {
            path,
            detail: '"schoolHours" needs days 1–7 and hours like "07:00-17:00"',
        });
    }

    return {
        prosodyConfig: file('prosodyConfig'),
        domain,
        register: file('register'),
        auditLog: file('auditLog'),
        usageLog: file('usageLog'),
        config: file('config'),
        letters: file('letters'),
        address: typeof settings.address === 'string' ? settings.address : `https://${domain}`,
        schoolHours: { days: days as number[], ...hours },
    };
}

function ensureWritable(path: string, what: MessageKey, lang: Lang, asFolder = false): void {
    try {
        if (asFolder) {
            // Letters hold passwords: their folder is the admin's alone.
            mkdirSync(path, { recursive: true, mode: 0o700 });
        }
        accessSync(asFolder ? path : existsSync(path) ? path : dirname(path), constants.W_OK);
    } catch (error) {
        throw new Failure(EXIT.files, 'notWritable', {
            what: message(lang, what),
            path,
            detail: (error as NodeJS.ErrnoException).code ?? 'error',
        });
    }
}

function loadRegister(settings: AccountSettings): SchoolRegister {
    try {
        return readRegister(settings.register);
    } catch (error) {
        if (error instanceof RegisterUnreadable) {
            throw new Failure(EXIT.files, 'registerUnreadable', { path: settings.register, detail: error.message });
        }
        throw error;
    }
}

/** Runs a server call; its failures become the admin's messages. */
async function onServer<T>(call: () => Promise<T>): Promise<T> {
    try {
        return await call();
    } catch (error) {
        if (error instanceof ProsodyUnreachable) {
            throw new Failure(EXIT.server, 'unreachable', { detail: error.message });
        }
        if (error instanceof ProsodyRefused) {
            throw new Failure(EXIT.server, 'refused', { detail: error.answer });
        }
        throw error;
    }
}

/** Appends one line to the audit log: who, what, when, why; never a password. */
function audit(settings: AccountSettings, entry: { action: string; school: string; reason?: string }): void {
    const who = process.env.SUDO_USER ?? userInfo().username;

    appendFileSync(settings.auditLog, `${JSON.stringify({ at: new Date().toISOString(), who, ...entry })}\n`, {
        mode: 0o640,
    });
}

/** The letter's facts that come from the deployment's config.js. */
async function centreFacts(settings: AccountSettings): Promise<{ centreName: string; misuseContact: string }> {
    let text: string;

    try {
        text = readFileSync(settings.config, 'utf8');
    } catch {
        throw new Failure(EXIT.input, 'settingsInvalid', { path: settings.config, detail: 'config.js is unreadable' });
    }
    const loaded = await evaluateConfig(text);

    if (!loaded.ok) {
        throw new Failure(EXIT.input, 'settingsInvalid', {
            path: settings.config,
            detail: `config.js: ${loaded.error}`,
        });
    }
    const policy = (loaded.config.schoolPolicy ?? {}) as Record<string, unknown>;

    return {
        centreName: typeof policy.centreName === 'string' ? policy.centreName : '',
        misuseContact: typeof policy.misuseContact === 'string' ? policy.misuseContact : '',
    };
}

/** Writes a letter to a temporary file (readable by its owner only); returns it and its final path. */
async function draftLetter(
    settings: AccountSettings,
    id: string,
    name: string,
    password: string,
    occasion: 'new' | 'rotated',
): Promise<{ draft: string; final: string }> {
    const date = new Date().toISOString().slice(0, 10);
    const facts = await centreFacts(settings);
    const final = join(settings.letters, `zugangsbrief-${id}-${date}.html`);
    const draft = `${final}.part`;

    writeFileSync(
        draft,
        credentialLetter({
            schoolId: id,
            schoolName: name,
            login: `${id}@${settings.domain}`,
            password,
            address: settings.address,
            ...facts,
            date,
            occasion,
        }),
        { mode: 0o600 },
    );

    return { draft, final };
}

function option(args: readonly string[], name: string): string | undefined {
    const index = args.indexOf(name);

    return index >= 0 ? args[index + 1] : undefined;
}

function schoolIdArgument(args: readonly string[]): string {
    const id = args[1] ?? '';

    if (!SCHOOL_ID.test(id)) {
        throw new Failure(EXIT.input, 'badId', { id });
    }

    return id;
}

/** Dependencies a test may replace: the server port (default: the real admin shell). */
export interface AccountsDeps {
    readonly admin?: ProsodyAdmin;
}

/** Everything a command needs, read once. */
interface Context {
    readonly args: readonly string[];
    readonly io: Io;
    readonly lang: Lang;
    readonly say: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => void;
    readonly settings: AccountSettings;
    readonly admin: ProsodyAdmin;
    readonly register: SchoolRegister;
    readonly jidOf: (id: string) => string;
    /** Why, for the audit log: required for a block, welcome for every other change. */
    readonly why: { readonly reason?: string };
    /** The school's entry; an unknown id is the admin's error. */
    readonly known: (id: string) => SchoolEntry;
    /** Checks that the register and the audit log can be written, before any change. */
    readonly writable: () => void;
}

/** `add <school-id> --name …`: the account, its letter, its entry; undone if any step fails. */
async function addSchool(ctx: Context): Promise<number> {
    const { args, lang, say, settings, admin, register, jidOf, why, writable } = ctx;

    const id = schoolIdArgument(args);
    const name = (option(args, '--name') ?? '').trim();

    if (register.schools[id]) {
        throw new Failure(EXIT.input, 'duplicate', { id });
    }
    if (name === '') {
        throw new Failure(EXIT.input, 'needName');
    }
    writable();
    ensureWritable(settings.letters, 'lettersDir', lang, true);
    const password = generatePassword();
    const letter = await draftLetter(settings, id, name, password, 'new');

    try {
        await onServer(() => admin.createAccount(jidOf(id), password));
    } catch (error) {
        rmSync(letter.draft, { force: true });
        if (error instanceof Failure && error.key === 'refused' && /exists/i.test(String(error.params.detail))) {
            throw new Failure(EXIT.server, 'existsOnServer', { jid: jidOf(id) });
        }
        throw error;
    }
    const now = new Date();

    try {
        writeRegister(
            settings.register,
            withSchool(register, id, {
                name,
                status: 'active',
                created: now.toISOString(),
                rotated: now.toISOString(),
                rotatedAt: now.getTime() / 1000,
            }),
        );
    } catch (error) {
        rmSync(letter.draft, { force: true });
        await admin.deleteAccount(jidOf(id)).catch(() => undefined);
        throw new Failure(EXIT.files, 'rolledBack', { detail: (error as Error).message });
    }
    renameSync(letter.draft, letter.final);
    audit(settings, { action: 'add', school: id, ...why });
    say('added', { id, letter: letter.final });

    return EXIT.ok;
}

/** `rotate <school-id>`: a new password and letter; the old password's sessions end. */
async function rotateSchool(ctx: Context): Promise<number> {
    const { args, lang, say, settings, admin, register, jidOf, why, known, writable } = ctx;

    const id = schoolIdArgument(args);
    const entry = known(id);

    writable();
    ensureWritable(settings.letters, 'lettersDir', lang, true);
    const password = generatePassword();
    const letter = await draftLetter(settings, id, entry.name, password, 'rotated');

    try {
        // Prosody ends the account's open sessions itself when its password changes.
        await onServer(() => admin.setPassword(jidOf(id), password));
    } catch (error) {
        rmSync(letter.draft, { force: true });
        throw error;
    }
    const now = new Date();

    // The password has changed on the server: the letter must reach the admin even if
    // the register cannot be written (then Prosody's vouched sessions stay, said below).
    renameSync(letter.draft, letter.final);
    try {
        writeRegister(
            settings.register,
            withSchool(register, id, {
                ...entry,
                rotated: now.toISOString(),
                rotatedAt: now.getTime() / 1000,
            }),
        );
    } catch (error) {
        audit(settings, { action: 'rotate', school: id, reason: 'register not written' });
        throw new Failure(EXIT.files, 'rotatedRegisterFailed', {
            id,
            letter: letter.final,
            detail: (error as Error).message,
        });
    }
    audit(settings, { action: 'rotate', school: id, ...why });
    say('rotated', { id, letter: letter.final });

    return EXIT.ok;
}

/** `block <school-id> --reason …`: the register first (Prosody refuses from then on), then open sessions end. */
async function blockSchool(ctx: Context): Promise<number> {
    const { args, say, settings, admin, register, jidOf, known, writable } = ctx;

    const id = schoolIdArgument(args);
    const entry = known(id);
    const reason = (option(args, '--reason') ?? '').trim();

    if (reason === '') {
        throw new Failure(EXIT.input, 'needReason');
    }
    if (entry.status === 'blocked') {
        throw new Failure(EXIT.input, 'alreadyBlocked', { id, reason: entry.reason ?? '' });
    }
    writable();
    // The register first: from this moment Prosody refuses every new login of the school.
    writeRegister(settings.register, withSchool(register, id, { ...entry, status: 'blocked', reason }));
    audit(settings, { action: 'block', school: id, reason });
    // Prosody's own poll ends open sessions within seconds of reading the register; the
    // admin shell ends them now and says how many.
    const sessions = await onServer(() =>
        // Both languages: the tool cannot know which one the teacher reads.
        admin.closeSessions(jidOf(id), `${de['account.blocked']} / ${en['account.blocked']}`),
    ).catch((error: unknown) => {
        if (error instanceof Failure) {
            throw new Failure(error.code, 'blockedNotConfirmed', {
                id,
                detail: String(error.params.detail),
            });
        }
        throw error;
    });

    say('blocked', { id, sessions });

    return EXIT.ok;
}

/** `unblock <school-id>`: the block lifted. */
function unblockSchool(ctx: Context): number {
    const { args, say, settings, register, why, known, writable } = ctx;

    const id = schoolIdArgument(args);
    const entry = known(id);

    if (entry.status !== 'blocked') {
        throw new Failure(EXIT.input, 'notBlocked', { id });
    }
    writable();
    const { reason: _lifted, ...rest } = entry;

    writeRegister(settings.register, withSchool(register, id, { ...rest, status: 'active' }));
    audit(settings, { action: 'unblock', school: id, ...why });
    say('unblocked', { id });

    return EXIT.ok;
}

/** `list [--json]`: school, status, dates, last login; nothing about students. */
function listSchools(ctx: Context): number {
    const { args, io, lang, say, settings, register } = ctx;

    const logins = lastLogins(readUsage(settings.usageLog).events);
    const rows = Object.entries(register.schools)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, entry]) => ({
            school: id,
            name: entry.name,
            status: entry.status,
            ...(entry.reason === undefined ? {} : { reason: entry.reason }),
            created: entry.created,
            rotated: entry.rotated,
            lastLogin: logins.has(id) ? new Date((logins.get(id) ?? 0) * 1000).toISOString() : null,
        }));

    if (args.includes('--json')) {
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (rows.length === 0) {
        say('noSchools');
    } else {
        say('listHeader');
        for (const row of rows) {
            const status =
                row.status === 'active'
                    ? message(lang, 'active')
                    : message(lang, 'blockedStatus', { reason: row.reason ?? '' });

            io.out(
                `${[row.school, status, row.created.slice(0, 10), row.rotated.slice(0, 10), row.lastLogin?.slice(0, 16).replace('T', ' ') ?? message(lang, 'never'), row.name].join('\t')}\n`,
            );
        }
    }

    return EXIT.ok;
}

/** `report --since <date> [--json]`: counts per school and day. */
function reportUsage(ctx: Context): number {
    const { args, io, lang, say, settings } = ctx;

    const sinceText = option(args, '--since') ?? '';
    const since = /^\d{4}-\d{2}-\d{2}$/.test(sinceText) ? new Date(`${sinceText}T00:00:00`) : undefined;

    if (!since || Number.isNaN(since.getTime())) {
        throw new Failure(EXIT.input, 'badSince');
    }
    const usage = readUsage(settings.usageLog);
    const counts = dailyCounts(usage.events, since, settings.schoolHours);

    if (args.includes('--json')) {
        io.out(`${JSON.stringify({ since: sinceText, days: counts, skippedLines: usage.skipped }, null, 2)}\n`);
    } else if (counts.length === 0) {
        say('nothingToReport', { since: sinceText });
    } else {
        say('reportHeader');
        for (const day of counts) {
            io.out(
                `${[day.day, day.school, day.logins, day.roomsOpened, day.mostOpenAtOnce, day.openedOutsideSchoolHours].join('\t')}\n`,
            );
        }
    }
    if (usage.skipped > 0) {
        io.err(`${message(lang, 'reportSkipped', { count: usage.skipped })}\n`);
    }

    return EXIT.ok;
}

const COMMANDS: Readonly<Record<string, (ctx: Context) => number | Promise<number>>> = {
    add: addSchool,
    rotate: rotateSchool,
    block: blockSchool,
    unblock: unblockSchool,
    list: listSchools,
    report: reportUsage,
};

/** Runs one `accounts` command; resolves with the exit code. */
export async function runAccounts(args: readonly string[], io: Io, deps: AccountsDeps = {}): Promise<number> {
    const lang: Lang = option(args, '--lang') === 'en' ? 'en' : 'de';
    const say = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
        io.out(`${message(lang, key, params)}\n`);

    // `--help`, `-h` or `help`, with any command: the usage on stdout, as any command line tool does.
    if (args[0] === 'help' || args.some(arg => arg === '--help' || arg === '-h')) {
        io.out(`${message(lang, 'usage')}\n`);

        return EXIT.ok;
    }
    try {
        const command = args[0] !== undefined && Object.hasOwn(COMMANDS, args[0]) ? COMMANDS[args[0]] : undefined;

        if (!command) {
            io.err(`${message(lang, 'usage')}\n`);

            return EXIT.input;
        }
        const settings = readSettings(option(args, '--settings') ?? DEFAULT_SETTINGS_PATH);
        const register = loadRegister(settings);
        const givenReason = (option(args, '--reason') ?? '').trim();

        return await command({
            args,
            io,
            lang,
            say,
            settings,
            admin: deps.admin ?? prosodyShell(settings.prosodyConfig),
            register,
            jidOf: id => `${id}@${settings.domain}`,
            why: givenReason === '' ? {} : { reason: givenReason },
            known: id => {
                const entry = register.schools[id];

                if (!entry) {
                    throw new Failure(EXIT.input, 'unknownSchool', { id });
                }

                return entry;
            },
            writable: () => {
                ensureWritable(settings.register, 'registerFile', lang);
                ensureWritable(settings.auditLog, 'auditFile', lang);
            },
        });
    } catch (error) {
        if (error instanceof Failure) {
            io.err(`${message(lang, error.key, error.params)}\n`);

            return error.code;
        }
        throw error;
    }
}
