/**
 * The six `accounts` commands on the shared store of a deployment with more than one server
 * (settings `store`: a PostgreSQL address; sharedStore.ts). No server is asked: each change is one
 * transaction in the store, and every server's Prosody finds it there — logins at once, open sessions
 * within its poll interval (`school_accounts_sql_poll`). Checks run before the change; a letter is
 * drafted first and kept only when the change committed.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';

import { EXIT, Failure, ensureWritable } from './accountSettings';
import { draftLetter, generatePassword } from './letters';
import { auditor, option, printList, printReport, reportSince, schoolIdArgument, type Context } from './schoolCommands';
import { readRegister } from './schoolRegister';
import type { SharedStore } from './sharedStore';

/** What a store command needs: the command's context without the file register's parts, and the store. */
export type StoreContext = Pick<Context, 'args' | 'io' | 'lang' | 'say' | 'settings' | 'why'> & {
    readonly store: SharedStore;
};

const who = auditor;

async function knownSchool(ctx: StoreContext, id: string) {
    const entry = (await ctx.store.read()).schools[id];

    if (!entry) {
        throw new Failure(EXIT.input, 'unknownSchool', { id });
    }

    return entry;
}

/** `add`: the account and the register's row in one transaction; the letter kept only then. */
async function addSchool(ctx: StoreContext): Promise<number> {
    const { args, lang, say, settings, store, why } = ctx;
    const id = schoolIdArgument(args);
    const name = (option(args, '--name') ?? '').trim();

    if ((await store.read()).schools[id]) {
        throw new Failure(EXIT.input, 'duplicate', { id });
    }
    if (name === '') {
        throw new Failure(EXIT.input, 'needName');
    }
    if (await store.hasAccount(settings.domain, id)) {
        throw new Failure(EXIT.server, 'existsOnServer', { jid: `${id}@${settings.domain}` });
    }
    ensureWritable(settings.letters, 'lettersDir', lang, true);
    const password = generatePassword();
    const letter = await draftLetter(settings, id, name, password, 'new');
    const now = new Date();

    try {
        await store.change({
            id,
            entry: {
                name,
                status: 'active',
                created: now.toISOString(),
                rotated: now.toISOString(),
                rotatedAt: now.getTime() / 1000,
            },
            account: { host: settings.domain, password },
            audit: { who: who(), action: 'add', school: id, ...why },
        });
    } catch (error) {
        rmSync(letter.draft, { force: true });
        throw error;
    }
    renameSync(letter.draft, letter.final);
    say('added', { id, letter: letter.final });

    return EXIT.ok;
}

/** `rotate`: the new password and the rotation time together; every server ends older sessions. */
async function rotateSchool(ctx: StoreContext): Promise<number> {
    const { args, lang, say, settings, store, why } = ctx;
    const id = schoolIdArgument(args);
    const entry = await knownSchool(ctx, id);

    ensureWritable(settings.letters, 'lettersDir', lang, true);
    const password = generatePassword();
    const letter = await draftLetter(settings, id, entry.name, password, 'rotated');
    const now = new Date();

    try {
        await store.change({
            id,
            entry: { ...entry, rotated: now.toISOString(), rotatedAt: now.getTime() / 1000 },
            account: { host: settings.domain, password },
            audit: { who: who(), action: 'rotate', school: id, ...why },
        });
    } catch (error) {
        rmSync(letter.draft, { force: true });
        throw error;
    }
    renameSync(letter.draft, letter.final);
    say('rotatedShared', { id, letter: letter.final, seconds: settings.pollSeconds });

    return EXIT.ok;
}

/** `block`: refused by every server from the commit on; sessions end within the poll interval. */
async function blockSchool(ctx: StoreContext): Promise<number> {
    const { args, say, settings, store } = ctx;
    const id = schoolIdArgument(args);
    const entry = await knownSchool(ctx, id);
    const reason = (option(args, '--reason') ?? '').trim();

    if (reason === '') {
        throw new Failure(EXIT.input, 'needReason');
    }
    if (entry.status === 'blocked') {
        throw new Failure(EXIT.input, 'alreadyBlocked', { id, reason: entry.reason ?? '' });
    }
    await store.change({
        id,
        entry: { ...entry, status: 'blocked', reason },
        audit: { who: who(), action: 'block', school: id, reason },
    });
    say('blockedShared', { id, seconds: settings.pollSeconds });

    return EXIT.ok;
}

/** `unblock`. */
async function unblockSchool(ctx: StoreContext): Promise<number> {
    const { args, say, store, why } = ctx;
    const id = schoolIdArgument(args);
    const entry = await knownSchool(ctx, id);

    if (entry.status !== 'blocked') {
        throw new Failure(EXIT.input, 'notBlocked', { id });
    }
    const { reason: _lifted, ...rest } = entry;

    await store.change({
        id,
        entry: { ...rest, status: 'active' },
        audit: { who: who(), action: 'unblock', school: id, ...why },
    });
    say('unblocked', { id });

    return EXIT.ok;
}

/** `import <register.json>`: a single server's register taken over (see deploy/prosody/README.md, section 7). */
async function importRegisterFile(ctx: StoreContext): Promise<number> {
    const path = ctx.args[1] ?? '';
    let register;

    if (!existsSync(path)) {
        throw new Failure(EXIT.input, 'registerUnreadable', { path, detail: 'no such file' });
    }
    try {
        register = readRegister(path);
    } catch (error) {
        throw new Failure(EXIT.files, 'registerUnreadable', { path, detail: (error as Error).message });
    }
    const count = await ctx.store.importRegister(register, who());

    ctx.say('imported', { count, path });

    return EXIT.ok;
}

/** The commands by name, on the shared store. */
export const STORE_COMMANDS: Readonly<Record<string, (ctx: StoreContext) => Promise<number>>> = {
    add: addSchool,
    rotate: rotateSchool,
    block: blockSchool,
    unblock: unblockSchool,
    import: importRegisterFile,
    list: async ctx => printList(ctx, await ctx.store.read(), await ctx.store.usage(0)),
    report: async ctx => {
        const since = reportSince(ctx.args);

        return printReport(ctx, { events: await ctx.store.usage(since.getTime() / 1000), skipped: 0 }, since);
    },
};
