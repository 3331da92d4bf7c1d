/**
 * Real XMPP clients (@xmpp/client over plain TCP on loopback) playing teachers and guests, with the
 * few operations the tests need: Jicofo's conference request as lib-jitsi-meet sends it, join with
 * or without a password, set or clear the room password through the owner config form, change the
 * nick, leave, and watch for the room being destroyed. The requests are in roomRequests.ts, the
 * waiting for answers in stanzaLog.ts.
 */
import { client, xml, type Client, type Element } from '@xmpp/client';

import { DOMAINS, SERVICE_ACCOUNT, TEACHERS } from './harness';
import { MUC_USER } from './namespaces';
import {
    conferenceRequest,
    isSelf,
    joinRoom,
    roomJid,
    setAffiliation,
    submitRoomConfig,
    type ConferenceAnswer,
    type JoinResult,
} from './roomRequests';
import { StanzaLog } from './stanzaLog';

export type { ConferenceAnswer, JoinResult } from './roomRequests';

/** A connected person. */
export interface Person {
    readonly jid: string;
    /**
     * The conference request lib-jitsi-meet sends before joining (moderator.ts `_createConferenceIq`:
     * `machine-uid` always, `session-id` when the browser has one, the default properties).
     */
    conferenceRequest(
        focus: string,
        room: string,
        ids: { machineUid: string; sessionId?: string },
    ): Promise<ConferenceAnswer>;
    /** Joins a room; waits for the answer up to `timeoutMs` (10 s). */
    join(room: string, nick: string, password?: string, timeoutMs?: number): Promise<JoinResult>;
    setPassword(room: string, password: string): Promise<void>;
    /** Makes a room persistent through the owner config form. */
    setPersistent(room: string): Promise<void>;
    /** Turns the lobby on (members only: Jitsi's mod_muc_lobby_rooms) through the owner config form. */
    setMembersOnly(room: string): Promise<void>;
    /** Sets someone's affiliation (e.g. `member`: admitted from the lobby); rejects with the room's error. */
    setAffiliation(room: string, jid: string, affiliation: string): Promise<void>;
    /** Changes this person's nick in a room (presence to the new nick, no MUC element). */
    changeNick(room: string, nick: string): Promise<void>;
    /** Waits until this person holds the given affiliation in a room. */
    becomes(room: string, affiliation: string): Promise<void>;
    /** Sends any stanza, as a client can. */
    send(stanza: Element): Promise<void>;
    /** A ping to the server, answered after everything this person sent before it was handled. */
    roundTrip(): Promise<void>;
    /** Waits for a stanza this person received (at any time since connecting) that matches. */
    received(match: (stanza: Element) => boolean, what: string, timeoutMs?: number): Promise<Element>;
    /** Leaves a room; `status` as lib-jitsi-meet sends it (`switch_room` when moving to a breakout room). */
    leave(room: string, status?: string): Promise<void>;
    /** Resolves with the reason when this person is removed because the room was destroyed. */
    destroyed(room: string): Promise<string>;
    /** Whether the room was destroyed under this person (without waiting). */
    wasDestroyed(room: string): boolean;
    /** This person's role and affiliation in a room, from the room's latest presence about them. */
    standing(room: string): { role?: string; affiliation?: string } | undefined;
    /** Resolves with "condition: text" when the server ends this session (stream error), or "offline". */
    ended(): Promise<string>;
    stop(): Promise<void>;
}

/**
 * Every connection gets its own resource. With one fixed resource, a second connection of the same
 * teacher replaces the first (Prosody's default conflict rule), the first reconnects a second later
 * and replaces the second in turn: joins then go unanswered at random.
 */
let connectionCounter = 0;

/** Resolves with "condition: text" when the server ends the session (stream error), or "offline". */
function sessionEnd(xmpp: Client): Promise<string> {
    return new Promise<string>(resolve => {
        xmpp.on('error', (error: unknown) => {
            const { condition, text } = (error ?? {}) as { condition?: unknown; text?: unknown };

            if (typeof condition === 'string') {
                resolve(`${condition}: ${typeof text === 'string' ? text : ''}`);
            }
        });
        xmpp.on('offline', () => resolve('offline'));
    });
}

const fromRoom = (room: string) => (s: Element) => s.attrs.from?.startsWith(`${roomJid(room)}/`) ?? false;
const itemOf = (s: Element) => s.getChild('x', MUC_USER)?.getChild('item');
const isDestroy = (room: string) => (s: Element) =>
    fromRoom(room)(s) && s.attrs.type === 'unavailable' && Boolean(s.getChild('x', MUC_USER)?.getChild('destroy'));

/** The person's operations on a room they are in (or leave), over the client and its stanza log. */
function roomPresence(xmpp: Client, log: StanzaLog) {
    return {
        async changeNick(room: string, nick: string) {
            const since = log.length;
            const to = `${roomJid(room)}/${nick}`;

            await xmpp.send(xml('presence', { to }));
            await log.next(s => s.is('presence') && s.attrs.from === to, since, `the new nick ${nick} in ${room}`);
        },
        async becomes(room: string, affiliation: string) {
            await log.next(
                s => s.is('presence') && fromRoom(room)(s) && isSelf(s) && itemOf(s)?.attrs.affiliation === affiliation,
                0,
                `affiliation ${affiliation} in ${room}`,
            );
        },
        async leave(room: string, status?: string) {
            const since = log.length;

            await xmpp.send(
                xml(
                    'presence',
                    { to: `${roomJid(room)}/x`, type: 'unavailable' },
                    ...(status === undefined ? [] : [xml('status', {}, status)]),
                ),
            );
            await log.next(
                s => fromRoom(room)(s) && s.attrs.type === 'unavailable',
                since,
                `confirmation of leaving ${room}`,
            );
        },
        async destroyed(room: string) {
            const stanza = await log.next(isDestroy(room), 0, `destruction of ${room}`, 15000);

            return stanza.getChild('x', MUC_USER)?.getChild('destroy')?.getChildText('reason') ?? '';
        },
        wasDestroyed: (room: string) => log.some(isDestroy(room)),
        standing(room: string) {
            const self = log.stanzas.filter(s => s.is('presence') && fromRoom(room)(s) && isSelf(s));
            const latest = self.at(-1);
            const item = latest && itemOf(latest);

            return item ? { role: item.attrs.role, affiliation: item.attrs.affiliation } : undefined;
        },
    };
}

async function connectPerson(options: {
    service: string;
    domain: string;
    username?: string;
    password?: string;
}): Promise<Person> {
    const xmpp = client({ ...options, resource: `test-${(connectionCounter += 1)}` });
    let me = '';
    const log = new StanzaLog(() => me);

    // A dropped test client must fail its test, not come back quietly and replace a newer session.
    xmpp.reconnect.stop();
    xmpp.on('stanza', (stanza: Element) => log.add(stanza));
    const ended = sessionEnd(xmpp);

    me = (await xmpp.start()).toString();

    return {
        jid: me,
        join: (room, nick, password, timeoutMs) => joinRoom(xmpp, log, room, nick, password, timeoutMs),
        conferenceRequest: (focus, room, ids) => conferenceRequest(xmpp, focus, room, ids),
        setPassword: (room, password) => submitRoomConfig(xmpp, room, { 'muc#roomconfig_roomsecret': password }),
        setPersistent: room => submitRoomConfig(xmpp, room, { 'muc#roomconfig_persistentroom': '1' }),
        setMembersOnly: room => submitRoomConfig(xmpp, room, { 'muc#roomconfig_membersonly': '1' }),
        setAffiliation: (room, jid, affiliation) => setAffiliation(xmpp, room, jid, affiliation),
        ...roomPresence(xmpp, log),
        send: stanza => xmpp.send(stanza),
        async roundTrip() {
            await xmpp.iqCaller.request(
                xml('iq', { type: 'get', to: options.domain }, xml('ping', { xmlns: 'urn:xmpp:ping' })),
            );
        },
        received: (match, what, timeoutMs) => log.next(match, 0, what, timeoutMs),
        ended: () => ended,
        async stop() {
            await xmpp.stop().catch(() => undefined);
        },
    };
}

/**
 * Any account of the teacher host (e.g. a school's account made by the accounts tool). `service` may
 * be `xmpp://` (TCP) or `ws://…/xmpp-websocket` (as a browser connects; needs a global WebSocket).
 */
export function connectAccount(service: string, username: string, password: string): Promise<Person> {
    return connectPerson({ service, domain: DOMAINS.teachers, username, password });
}

/** A teacher: authenticated on the main host. */
export function connectTeacher(service: string, name: keyof typeof TEACHERS = 'frau-mueller'): Promise<Person> {
    return connectAccount(service, name, TEACHERS[name]);
}

/** A service account (e.g. a recorder) on the teacher host: neither teacher nor guest. */
export function connectService(service: string): Promise<Person> {
    return connectPerson({
        service,
        domain: DOMAINS.teachers,
        username: 'recorder',
        password: SERVICE_ACCOUNT.recorder,
    });
}

/** A guest (student): anonymous login on the guest host. */
export function connectGuest(service: string): Promise<Person> {
    return connectPerson({ service, domain: DOMAINS.guests });
}

/**
 * Someone with a JWT on the token host (mod_auth_token), over WebSocket as a browser with
 * `?token=` in its address (`service`: the `ws://…/xmpp-websocket` address; needs a global WebSocket).
 */
export function connectWithToken(service: string, token: string): Promise<Person> {
    return connectPerson({ service: `${service}?token=${encodeURIComponent(token)}`, domain: DOMAINS.tokens });
}

/** Someone on a host of the server that the module's settings do not name. */
export function connectUnlisted(service: string): Promise<Person> {
    return connectPerson({ service, domain: DOMAINS.unlisted });
}
