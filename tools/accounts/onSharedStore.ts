/**
 * The accounts tool as an admin runs it against a shared store (PostgreSQL), for the tests and the
 * benchmark of sharded deployments: one settings file in a work folder, letters written beside it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RunningPostgres } from '../postgres/cluster';
import { DOMAINS } from '../prosody/harness';

import { runAccounts } from './accountsCommand';
import { passwordInNewestLetter } from './letters';

const ROOT = join(__dirname, '..', '..');

/** The tool on one store. */
export interface StoreAccounts {
    /** The settings file the commands use. */
    readonly settings: string;
    /** Runs a command (`add`, `block` …); resolves with its exit code and what it printed. */
    run(args: readonly string[]): Promise<{ code: number; out: string; err: string }>;
    /** The password in the school's newest credential letter. */
    passwordOf(school: string): string;
}

/** Writes the settings (the store, polled every second by Prosody) into `work`. */
export function accountsOnStore(store: Pick<RunningPostgres, 'url'>, work: string): StoreAccounts {
    const settings = join(work, 'settings.json');
    const letters = join(work, 'letters');

    writeFileSync(
        settings,
        JSON.stringify({
            store: store.url,
            pollSeconds: 1,
            domain: DOMAINS.teachers,
            config: join(ROOT, 'config.js'),
            letters,
        }),
    );

    return {
        settings,
        async run(args) {
            let out = '';
            let err = '';
            const code = await runAccounts([...args, '--settings', settings], {
                out: text => (out += text),
                err: text => (err += text),
            });

            return { code, out, err };
        },
        passwordOf: school => passwordInNewestLetter(letters, school),
    };
}
