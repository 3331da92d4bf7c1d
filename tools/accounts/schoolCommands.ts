/**
 * The six `accounts` commands — add, rotate, block, unblock, list, report — each on a context read
 * once by accountsCommand.ts. Every check that can fail runs before the first change, and a change
 * that fails half-way is undone.
 */
import { appendFileSync, renameSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';

import type { Lang } from '../../react/features/school-policy/rules';
import { de, en } from '../../react/features/school-policy/i18n';

import { EXIT, Failure, ensureWritable, type AccountSettings, type Io } from './accountSettings';
import { draftLetter, generatePassword } from './letters';
import { message, type MessageKey } from './messages';
import { ProsodyRefused, ProsodyUnreachable, type ProsodyAdmin } from './prosodyAdmin';
import { withSchool, writeRegister, type SchoolEntry, type SchoolRegister } from './schoolRegister';
import { dailyCounts, lastLogins, readUsage, type UsageEvent } from './usageReport';

const SCHOOL_ID = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;

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

/** Who runs the tool, for the audit log: the admin behind sudo, not root. */
export function auditor(): string {
    return process.env.SUDO_USER ?? userInfo().username;
}

/** Appends one line to the audit log: who, what, when, why; never a password. */
function audit(settings: AccountSettings, entry: { action: string; school: string; reason?: string }): void {
    const who = auditor();

    appendFileSync(settings.auditLog, `${JSON.stringify({ at: new Date().toISOString(), who, ...entry })}\n`, {
        mode: 0o640,
    });
}

/** The value after an option's name, if any. */
export function option(args: readonly string[], name: string): string | undefined {
    const index = args.indexOf(name);

    return index >= 0 ? args[index + 1] : undefined;
}

/** The school id the command names (its second word), checked. */
export function schoolIdArgument(args: readonly string[]): string {
    const id = args[1] ?? '';

    if (!SCHOOL_ID.test(id)) {
        throw new Failure(EXIT.input, 'badId', { id });
    }

    return id;
}

/** Everything a command needs, read once. */
export interface Context {
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
    return printList(ctx, ctx.register, readUsage(ctx.settings.usageLog).events);
}

/** Prints the list of schools (the file register's and the shared store's). */
export function printList(
    ctx: Pick<Context, 'args' | 'io' | 'lang' | 'say'>,
    register: SchoolRegister,
    events: readonly UsageEvent[],
): number {
    const { args, io, lang, say } = ctx;
    const logins = lastLogins(events);
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
    return printReport(ctx, readUsage(ctx.settings.usageLog), reportSince(ctx.args));
}

/** The report's first day, from `--since`. */
export function reportSince(args: readonly string[]): Date {
    const sinceText = option(args, '--since') ?? '';
    const since = /^\d{4}-\d{2}-\d{2}$/.test(sinceText) ? new Date(`${sinceText}T00:00:00`) : undefined;

    if (!since || Number.isNaN(since.getTime())) {
        throw new Failure(EXIT.input, 'badSince');
    }

    return since;
}

/** Prints the counts per school and day (the usage file's and the shared store's events). */
export function printReport(
    ctx: Pick<Context, 'args' | 'io' | 'lang' | 'say' | 'settings'>,
    usage: { readonly events: readonly UsageEvent[]; readonly skipped: number },
    since: Date,
): number {
    const { args, io, lang, say, settings } = ctx;
    const sinceText = option(args, '--since') ?? '';
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

/** The commands by name. */
export const COMMANDS: Readonly<Record<string, (ctx: Context) => number | Promise<number>>> = {
    add: addSchool,
    rotate: rotateSchool,
    block: blockSchool,
    unblock: unblockSchool,
    list: listSchools,
    report: reportUsage,
};
