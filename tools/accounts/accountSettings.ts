/**
 * The accounts tool's settings file, its exit codes and the failures it reports: read and checked
 * once, before any command changes anything.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import type { Lang } from '../../react/features/school-policy/rules';

import { message, type MessageKey } from './messages';
import { parseHours, type SchoolHours } from './usageReport';

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
    /**
     * The shared store of a deployment with more than one server (`postgres://…`): then the tool
     * works on it and needs none of prosodyConfig, register, auditLog, usageLog (all in the store).
     */
    readonly store?: string;
    /** The servers' `school_accounts_sql_poll` (default 5): how soon open sessions end, for the messages. */
    readonly pollSeconds: number;
}

export const DEFAULT_SETTINGS_PATH = '/etc/jitsi-school-policy/settings.json';

/** A failure the admin gets as a message, with its exit code. */
export class Failure extends Error {
    constructor(
        readonly code: number,
        readonly key: MessageKey,
        readonly params: Readonly<Record<string, string | number>> = {},
    ) {
        super(key);
    }
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Reads and checks the settings file; a missing or broken one is the admin's error (exit 2). */
export function readSettings(path: string): AccountSettings {
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
    const store = settings.store;

    if (store !== undefined && (typeof store !== 'string' || !/^postgres(ql)?:\/\/[^\s]+$/.test(store))) {
        throw new Failure(EXIT.input, 'settingsInvalid', { path, detail: '"store" is no postgres:// address' });
    }
    // With the shared store, the server's files are not used.
    const storeOnly = new Set(typeof store === 'string' ? ['prosodyConfig', 'register', 'auditLog', 'usageLog'] : []);
    const file = (key: string): string => {
        const value = settings[key];

        if (storeOnly.has(key) && value === undefined) {
            return '';
        }
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
        ...(typeof store === 'string' ? { store } : {}),
        pollSeconds: typeof settings.pollSeconds === 'number' && settings.pollSeconds > 0 ? settings.pollSeconds : 5,
    };
}

/** Fails (exit 4) when a file or folder the command will write cannot be written. */
export function ensureWritable(path: string, what: MessageKey, lang: Lang, asFolder = false): void {
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
