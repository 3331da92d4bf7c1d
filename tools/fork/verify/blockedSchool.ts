/**
 * A school the media centre has blocked (R5), on the verification's Prosody: added and blocked with
 * the accounts tool as an admin does (tools/accounts), its log-in read off its credential letter.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runAccounts } from '../../accounts/accountsCommand';
import { credentialsInLetter } from '../../accounts/credentialLetter';
import { localAccountSettings } from '../../accounts/localSettings';
import { prosodyShell } from '../../accounts/prosodyAdmin';
import type { RunningProsody } from '../../prosody/harness';

const SCHOOL = 'gs-gesperrt';

/** Adds and blocks a school; returns its teachers' log-in (user name and password). */
export async function addBlockedSchool(prosody: RunningProsody): Promise<{ user: string; password: string }> {
    const work = mkdtempSync(join(tmpdir(), 'fork-verify-accounts-'));
    const settings = join(work, 'settings.json');
    let said = '';
    const io = { out: (text: string) => void (said += text), err: (text: string) => void (said += text) };
    const deps = { admin: prosodyShell(prosody.configPath, { env: prosody.env }) };

    try {
        writeFileSync(settings, JSON.stringify(localAccountSettings(prosody, work)));
        const added = await runAccounts(
            ['add', SCHOOL, '--name', 'Grundschule Gesperrt', '--settings', settings],
            io,
            deps,
        );
        const blocked = await runAccounts(
            ['block', SCHOOL, '--reason', 'fork:verify: a blocked school', '--settings', settings],
            io,
            deps,
        );

        if (added !== 0 || blocked !== 0) {
            throw new Error(`the accounts tool could not set up a blocked school: ${said}`);
        }
        const letter = readdirSync(join(work, 'letters')).find(name => name.startsWith(`zugangsbrief-${SCHOOL}-`));

        return {
            user: SCHOOL,
            password: credentialsInLetter(readFileSync(join(work, 'letters', letter ?? ''), 'utf8')).password,
        };
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}
