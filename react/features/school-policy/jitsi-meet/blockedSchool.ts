/**
 * R5: a teacher of a blocked school learns that her school is blocked, not "wrong password".
 * jitsi-meet shows every refused login as a wrong password (authentication/components/web/
 * LoginDialog.tsx): lib-jitsi-meet does not pass SASL's `account-disabled` on. Its failed logins do
 * carry the credentials tried (`UPGRADE_ROLE_FINISHED` from the login dialog in a running meeting,
 * `CONNECTION_FAILED` for a login at the start); with them the module asks the server why
 * (mod_auth_school_accounts, POST /school-access), which says "blocked" only to whoever holds the
 * right password.
 */
import type { UnknownAction } from '../reduxShapes';

import { fieldOf } from '../policy/hostFacts';

import { JITSI_ACTIONS } from './types';

/** lib-jitsi-meet's JitsiConnectionErrors.PASSWORD_REQUIRED: a refused login. */
const PASSWORD_REQUIRED = 'connection.passwordRequired';

/** The server's answer; any failure to get one counts as "not blocked" (jitsi-meet's message stays). */
export type SchoolAccess = (jid: string, password: string) => Promise<{ readonly blocked: boolean }>;

/**
 * Asks the Jitsi server this page came from (the same origin, where nginx forwards /school-access to
 * Prosody, deploy/nginx/jitsi-additions.conf).
 *
 * @param {Function} fetchImpl - The page's fetch.
 * @returns {SchoolAccess}
 */
export function schoolAccessOverHttp(fetchImpl: typeof fetch): SchoolAccess {
    return async (jid, password) => {
        try {
            const response = await fetchImpl('/school-access', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ jid, password }),
                cache: 'no-store',
                credentials: 'omit',
                signal: AbortSignal.timeout(10000),
            });
            const body: unknown = response.ok ? await response.json() : undefined;

            return { blocked: fieldOf(body, 'blocked') === true };
        } catch {
            return { blocked: false };
        }
    };
}

/**
 * The check, for every action after jitsi-meet has seen it.
 *
 * @param {Object} options - The server port and the notice to show (in the UI language).
 * @returns {Function}
 */
export function createBlockedSchoolCheck(options: {
    readonly ask: SchoolAccess;
    readonly notice: () => UnknownAction;
}) {
    return (action: unknown, dispatch: (action: UnknownAction) => unknown): Promise<void> | undefined => {
        const type = fieldOf(action, 'type');

        if (type !== JITSI_ACTIONS.UPGRADE_ROLE_FINISHED && type !== JITSI_ACTIONS.CONNECTION_FAILED) {
            return undefined;
        }
        const error = fieldOf(action, 'error');
        const credentials = fieldOf(error, 'credentials');
        const jid = fieldOf(credentials, 'jid');
        const password = fieldOf(credentials, 'password');

        if (fieldOf(error, 'name') !== PASSWORD_REQUIRED || typeof jid !== 'string' || typeof password !== 'string') {
            return undefined;
        }

        return options.ask(jid, password).then(({ blocked }) => {
            if (blocked) {
                dispatch(options.notice());
            }
        });
    };
}
