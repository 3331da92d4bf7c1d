/**
 * The Jicofo model on a Prosody started by tools/prosody/harness.ts: Jicofo's own account on the
 * auth host, XMPP-domain authentication against the teacher host, as a secure-domain install sets
 * Jicofo up. Kept apart from the model itself, which knows no test server.
 */
import { DOMAINS, FOCUS_ACCOUNT, type RunningProsody } from '../prosody/harness';

import { startJicofoModel, type RunningJicofo } from './jicofoModel';

/** Starts the model as the focus of this test server's secure domain. */
export function startJicofoOn(prosody: Pick<RunningProsody, 'service'>): Promise<RunningJicofo> {
    return startJicofoModel({
        service: prosody.service,
        authDomain: DOMAINS.auth,
        username: FOCUS_ACCOUNT.username,
        password: FOCUS_ACCOUNT.password,
        loginDomain: DOMAINS.teachers,
    });
}
