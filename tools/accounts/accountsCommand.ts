/**
 * `jitsi-school-policy accounts …`: the media centre's side of R3 and R5 — one account per school on
 * the teacher domain, a credential letter for the head of school, blocking on misuse, an audit log
 * and counts that show a leaked credential. Works on the deployment's real Prosody through its
 * admin shell; the register it keeps is what Prosody reads to refuse a blocked school.
 *
 * Nothing half-done: every check that can fail runs before the first change, and a change that fails
 * half-way is undone (an `add` leaves no account without a letter, and no letter without an account).
 */
import type { Lang } from '../../react/features/school-policy/rules';

import {
    DEFAULT_SETTINGS_PATH,
    EXIT,
    Failure,
    ensureWritable,
    readSettings,
    type AccountSettings,
    type Io,
} from './accountSettings';
import { message, type MessageKey } from './messages';
import { prosodyShell, type ProsodyAdmin } from './prosodyAdmin';
import { readRegister, RegisterUnreadable, type SchoolRegister } from './schoolRegister';
import { COMMANDS, option } from './schoolCommands';
import { openSharedStore, type SharedStore } from './sharedStore';
import { STORE_COMMANDS } from './storeCommands';

export { DEFAULT_SETTINGS_PATH, EXIT, type AccountSettings, type Io } from './accountSettings';
export { generatePassword } from './letters';

/** Dependencies a test may replace: the server port (default: the real admin shell). */
export interface AccountsDeps {
    readonly admin?: ProsodyAdmin;
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

/** Runs a command on the shared store, and closes the connection whatever happens. */
async function onSharedStore(url: string, run: (store: SharedStore) => Promise<number>): Promise<number> {
    const store = await openSharedStore(url);

    try {
        return await run(store);
    } finally {
        await store.close().catch(() => undefined);
    }
}

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
        const name = args[0] ?? '';
        const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;

        if (!command && !Object.hasOwn(STORE_COMMANDS, name)) {
            io.err(`${message(lang, 'usage')}\n`);

            return EXIT.input;
        }
        const settings = readSettings(option(args, '--settings') ?? DEFAULT_SETTINGS_PATH);
        const givenReason = (option(args, '--reason') ?? '').trim();
        const why = givenReason === '' ? {} : { reason: givenReason };

        if (settings.store !== undefined) {
            return await onSharedStore(
                settings.store,
                store =>
                    STORE_COMMANDS[args[0] ?? '']?.({ args, io, lang, say, settings, why, store }) ??
                    Promise.resolve(EXIT.input),
            );
        }
        if (!command) {
            throw new Failure(EXIT.input, 'needStore', { command: name });
        }
        const register = loadRegister(settings);

        return await command({
            args,
            io,
            lang,
            say,
            settings,
            admin: deps.admin ?? prosodyShell(settings.prosodyConfig),
            register,
            jidOf: id => `${id}@${settings.domain}`,
            why,
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
