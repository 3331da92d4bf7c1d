/**
 * The accounts tool's settings for a Prosody on loopback started by tools/prosody/harness.ts: the
 * register and the counts in the server's own folder, the audit log and the letters in `work`. The
 * server tests and the fork verification set up schools with it, as an admin's settings file would.
 */
import { join } from 'node:path';

import type { RunningProsody } from '../prosody/harness';
import { DOMAINS } from '../prosody/harness';

const ROOT = join(__dirname, '..', '..');

/** The settings file's content (accountSettings.ts reads it). */
export function localAccountSettings(prosody: RunningProsody, work: string): Record<string, string> {
    return {
        prosodyConfig: prosody.configPath,
        domain: DOMAINS.teachers,
        register: join(prosody.dir, 'accounts.json'),
        auditLog: join(work, 'audit.log'),
        usageLog: join(prosody.dir, 'usage.jsonl'),
        config: join(ROOT, 'config.js'),
        letters: join(work, 'letters'),
        address: 'https://schule.meet.test',
    };
}
