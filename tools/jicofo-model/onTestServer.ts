/**
 * The Jicofo model on a Prosody started by tools/prosody/harness.ts: Jicofo's own account on the
 * auth host, XMPP-domain authentication against the teacher host, as a secure-domain install sets
 * Jicofo up. Kept apart from the model itself, which knows no test server.
 */
import { randomUUID } from 'node:crypto';

import { DOMAINS, FOCUS_ACCOUNT, type RunningProsody } from '../prosody/harness';
import type { ConferenceAnswer, JoinResult, Person } from '../prosody/xmppClients';

import { startJicofoModel, type RunningJicofo } from './jicofoModel';

/** Starts the model as the focus of this test server's secure domain. */
export function startJicofoOn(prosody: Pick<RunningProsody, 'service'>): Promise<RunningJicofo> {
    return startJicofoModel({
        service: prosody.service,
        authDomain: DOMAINS.auth,
        username: FOCUS_ACCOUNT.username,
        password: FOCUS_ACCOUNT.password,
        loginDomain: DOMAINS.teachers,
        xmppDomain: DOMAINS.teachers,
    });
}

/**
 * A teacher logged in on the teacher host opens a room as lib-jitsi-meet does: the conference request
 * (Jicofo creates the room, the only one who may where `restrict_room_creation` is on, as in a Debian
 * install), then her join; once in, she waits until Jicofo has made her owner.
 */
export async function openRoom(
    jicofo: Pick<RunningJicofo, 'address'>,
    teacher: Person,
    room: string,
    options: { readonly nick?: string; readonly password?: string } = {},
): Promise<JoinResult> {
    const answer = await teacher.conferenceRequest(jicofo.address, room, { machineUid: randomUUID() });

    if (!answer.ok) {
        throw new Error(`Jicofo refused to open ${room}: ${answer.condition}`);
    }
    const joined = await teacher.join(room, options.nick ?? 'Lehrkraft', options.password);

    if (joined.ok) {
        await teacher.becomes(room, 'owner');
    }

    return joined;
}

/**
 * The second half of jitsi-meet's log-in dialog (lib-jitsi-meet `authenticateAndUpgradeRole`): a
 * connection with the school's credentials asks Jicofo for a session and is closed again; the
 * browser's guest connection then asks with that session and the same machine uid. Resolves with
 * Jicofo's answer to the guest connection; the caller joins.
 */
export async function sessionThroughLoginDialog(
    jicofo: Pick<RunningJicofo, 'address'>,
    guest: Person,
    login: Person,
    room: string,
): Promise<{ machineUid: string; sessionId: string | undefined; answer: ConferenceAnswer }> {
    const machineUid = randomUUID();
    const session = await login.conferenceRequest(jicofo.address, room, { machineUid });

    await login.stop();
    const sessionId = session.ok ? session.sessionId : undefined;
    const answer = await guest.conferenceRequest(jicofo.address, room, { machineUid, sessionId });

    return { machineUid, sessionId, answer };
}
