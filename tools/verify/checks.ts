/**
 * What `npm run verify` concludes from what it saw on a deployment's meeting page (observe.ts):
 * pure, so that each verdict can be tested with a table.
 */
import type { Lang } from '../../react/features/school-policy';
import { hardenedKeyFindings } from '../config/audit';

import { VERIFY_TEXT, fill } from './messages';

/** What the page showed, gathered in the browser. */
export interface PageObservation {
    /** The HTTP status of the drop-in's script, or null when the page never asked for it. */
    readonly pluginScriptStatus: number | null;
    /** jitsi-meet's store, if it came up in time: its config as JSON, and whether the policy's state is in it. */
    readonly store: { readonly config: Readonly<Record<string, unknown>>; readonly hasPolicyState: boolean } | null;
    /**
     * The line for the administration on the drop-in's "Die Schulrichtlinie ist nicht aktiv" cover, by
     * language (it says why), or null when the page shows no such cover.
     */
    readonly inactiveCover: Readonly<Partial<Record<Lang, string>>> | null;
    /** Other hosts the page tried to reach (the verifier let none of these requests through). */
    readonly foreignHosts: readonly string[];
    /** How long the verifier waited for jitsi-meet's store, in seconds. */
    readonly waitedSeconds: number;
}

/** The checks, in the order they are reported. */
export type CheckId = 'pluginLoaded' | 'hookTaken' | 'configHardened' | 'noForeignRequests';

/** One verdict. */
export interface CheckResult {
    readonly id: CheckId;
    readonly ok: boolean;
    /** What was checked, in the chosen language. */
    readonly what: string;
    /** Why it failed (or a note), in the chosen language. */
    readonly detail?: string;
}

function result(lang: Lang, id: CheckId, detail?: string): CheckResult {
    return detail === undefined
        ? { id, ok: true, what: VERIFY_TEXT[lang][id] }
        : { id, ok: false, what: VERIFY_TEXT[lang][id], detail };
}

function pluginLoaded(lang: Lang, seen: PageObservation): CheckResult {
    const text = VERIFY_TEXT[lang];

    if (seen.pluginScriptStatus === null) {
        return result(lang, 'pluginLoaded', text.pluginNotRequested);
    }

    return seen.pluginScriptStatus === 200
        ? result(lang, 'pluginLoaded')
        : result(lang, 'pluginLoaded', fill(text.pluginStatus, { status: String(seen.pluginScriptStatus) }));
}

function hookTaken(lang: Lang, seen: PageObservation): CheckResult {
    const text = VERIFY_TEXT[lang];

    if (seen.inactiveCover) {
        return result(lang, 'hookTaken', fill(text.inactiveCover, { detail: seen.inactiveCover[lang] ?? '' }));
    }
    if (!seen.store) {
        return result(lang, 'hookTaken', fill(text.noStore, { seconds: String(seen.waitedSeconds) }));
    }

    return seen.store.hasPolicyState ? result(lang, 'hookTaken') : result(lang, 'hookTaken', text.noPolicyState);
}

function configHardened(lang: Lang, seen: PageObservation): CheckResult {
    if (!seen.store) {
        return result(lang, 'configHardened', fill(VERIFY_TEXT[lang].noStore, { seconds: String(seen.waitedSeconds) }));
    }
    const findings = hardenedKeyFindings(seen.store.config);

    return findings.length === 0
        ? result(lang, 'configHardened')
        : result(lang, 'configHardened', findings.map(f => `${f.key}: ${f.message[lang]}`).join(' '));
}

/**
 * The hosts of the deployment's own XMPP service as its config names them (`bosh`, `websocket`): a
 * web root checked on loopback still names the real site there, and that is no other host.
 */
function xmppHosts(config: Readonly<Record<string, unknown>> | undefined): Set<string> {
    const hosts = new Set<string>();

    for (const key of ['bosh', 'websocket']) {
        const value = config?.[key];

        if (typeof value === 'string') {
            try {
                hosts.add(new URL(value, 'https://placeholder.invalid').host);
            } catch {
                // Not an address: jitsi-meet could not use it either.
            }
        }
    }

    return hosts;
}

function noForeignRequests(lang: Lang, seen: PageObservation): CheckResult {
    const own = xmppHosts(seen.store?.config);
    const foreign = seen.foreignHosts.filter(host => !own.has(host));

    return foreign.length === 0
        ? result(lang, 'noForeignRequests')
        : result(
              lang,
              'noForeignRequests',
              fill(VERIFY_TEXT[lang].foreignHosts, { hosts: [...foreign].sort().join(', ') }),
          );
}

/** The verdicts on one observation. */
export function judge(lang: Lang, seen: PageObservation): CheckResult[] {
    return [pluginLoaded, hookTaken, configHardened, noForeignRequests].map(check => check(lang, seen));
}
