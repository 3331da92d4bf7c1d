/**
 * Real XMPP clients (@xmpp/client over plain TCP on loopback) playing teachers and guests, with the
 * few operations the tests need: Jicofo's conference request as lib-jitsi-meet sends it, join with
 * or without a password, set or clear the room password through the owner config form, change the
 * nick, leave, and watch for the room being destroyed.
 */
import { client, xml, type Element } from '@xmpp/client';

import { FOCUS_NS } from '../jicofo-model/jicofoModel';
import { DOMAINS, SERVICE_ACCOUNT, TEACHERS } from './harness';

const MUC = 'http://jabber.org/protocol/muc';
const MUC_USER = 'http://jabber.org/protocol/muc#user';
const MUC_OWNER = 'http://jabber.org/protocol/muc#owner';

/** The outcome of a join. */
export type JoinResult = { ok: true } | { ok: false; condition: string; text: string };

/** Jicofo's answer to a conference request, read as lib-jitsi-meet's modules/xmpp/moderator.ts reads it. */
export type ConferenceAnswer =
    | { ok: true; ready: boolean; identity?: string; sessionId?: string; authentication: boolean }
    | {
          ok: false;
          condition: string;
          /** `_handleIqError`: session-invalid or not-acceptable makes lib-jitsi-meet drop its session id. */
          sessionInvalid: boolean;
          /** `_handleIqError`: not-authorized is AUTHENTICATION_REQUIRED (the login dialog / waiting for the host). */
          notAuthorized: boolean;
      };

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
    join(room: string, nick: string, password?: string): Promise<JoinResult>;
    setPassword(room: string, password: string): Promise<void>;
    /** Makes a room persistent through the owner config form. */
    setPersistent(room: string): Promise<void>;
    /** Changes this person's nick in a room (presence to the new nick, no MUC element). */
    changeNick(room: string, nick: string): Promise<void>;
    /** Waits until this person holds the given affiliation in a room. */
    becomes(room: string, affiliation: string): Promise<void>;
    /** Sends any stanza, as a client can. */
    send(stanza: Element): Promise<void>;
    leave(room: string): Promise<void>;
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

const roomJid = (room: string) => `${room}@${DOMAINS.muc}`;

/**
 * Every connection gets its own resource. With one fixed resource, a second connection of the same
 * teacher replaces the first (Prosody's default conflict rule), the first reconnects a second later
 * and replaces the second in turn: joins then go unanswered at random.
 */
let connectionCounter = 0;

async function connectPerson(options: {
    service: string;
    domain: string;
    username?: string;
    password?: string;
}): Promise<Person> {
    const xmpp = client({ ...options, resource: `test-${(connectionCounter += 1)}` });

    // A dropped test client must fail its test, not come back quietly and replace a newer session.
    xmpp.reconnect.stop();
    const stanzas: Element[] = [];
    const waiters: (() => void)[] = [];

    xmpp.on('stanza', (stanza: Element) => {
        stanzas.push(stanza);
        waiters.splice(0).forEach(wake => wake());
    });
    const ended = new Promise<string>(resolve => {
        xmpp.on('error', (error: unknown) => {
            const { condition, text } = (error ?? {}) as { condition?: unknown; text?: unknown };

            if (typeof condition === 'string') {
                resolve(`${condition}: ${typeof text === 'string' ? text : ''}`);
            }
        });
        xmpp.on('offline', () => resolve('offline'));
    });

    const address = await xmpp.start();
    const me = address.toString();

    /** Waits (bounded) for a stanza that matches and has not been seen before `since`. */
    async function next(
        match: (s: Element) => boolean,
        since: number,
        what: string,
        timeoutMs = 10000,
    ): Promise<Element> {
        const deadline = Date.now() + timeoutMs;

        for (;;) {
            const found = stanzas.slice(since).find(match);

            if (found) {
                return found;
            }
            const left = deadline - Date.now();

            if (left <= 0) {
                throw new Error(`${me}: no ${what} within ${timeoutMs} ms`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, left);

                waiters.push(() => {
                    clearTimeout(timer);
                    resolve();
                });
            });
        }
    }

    const fromRoom = (room: string) => (s: Element) => s.attrs.from?.startsWith(`${roomJid(room)}/`) ?? false;
    const isSelf = (s: Element) =>
        Boolean(
            s
                .getChild('x', MUC_USER)
                ?.getChildren('status')
                .some(st => st.attrs.code === '110'),
        );
    const itemOf = (s: Element) => s.getChild('x', MUC_USER)?.getChild('item');

    /** Submits the owner config form with the given fields; rejects with the room's error. */
    async function submitConfig(room: string, fields: Record<string, string>) {
        await xmpp.iqCaller.request(
            xml(
                'iq',
                { type: 'set', to: roomJid(room) },
                xml(
                    'query',
                    { xmlns: MUC_OWNER },
                    xml(
                        'x',
                        { xmlns: 'jabber:x:data', type: 'submit' },
                        xml(
                            'field',
                            { var: 'FORM_TYPE' },
                            xml('value', {}, 'http://jabber.org/protocol/muc#roomconfig'),
                        ),
                        ...Object.entries(fields).map(([name, value]) =>
                            xml('field', { var: name }, xml('value', {}, value)),
                        ),
                    ),
                ),
            ),
            10000,
        );
    }
    const isDestroy = (room: string) => (s: Element) =>
        fromRoom(room)(s) && s.attrs.type === 'unavailable' && Boolean(s.getChild('x', MUC_USER)?.getChild('destroy'));

    return {
        jid: me,
        async join(room, nick, password) {
            const since = stanzas.length;
            const to = `${roomJid(room)}/${nick}`;

            await xmpp.send(
                xml(
                    'presence',
                    { to },
                    xml('x', { xmlns: MUC }, password === undefined ? [] : [xml('password', {}, password)]),
                ),
            );
            const answer = await next(
                s =>
                    s.is('presence') &&
                    s.attrs.from === to &&
                    (s.attrs.type === 'error' ||
                        Boolean(
                            s
                                .getChild('x', MUC_USER)
                                ?.getChildren('status')
                                .some(st => st.attrs.code === '110'),
                        )),
                since,
                `answer to joining ${room}`,
            );

            if (answer.attrs.type !== 'error') {
                return { ok: true };
            }
            const error = answer.getChild('error');
            const condition =
                error?.children.find((c): c is Element => typeof c !== 'string' && c.name !== 'text')?.name ??
                'unknown';

            return { ok: false, condition, text: error?.getChildText('text') ?? '' };
        },
        async conferenceRequest(focus, room, ids) {
            const properties = { rtcstatsEnabled: 'false', 'visitors-version': '1' };

            try {
                const result = await xmpp.iqCaller.request(
                    xml(
                        'iq',
                        { type: 'set', to: focus },
                        xml(
                            'conference',
                            {
                                xmlns: FOCUS_NS,
                                'machine-uid': ids.machineUid,
                                room: roomJid(room),
                                ...(ids.sessionId ? { 'session-id': ids.sessionId } : {}),
                            },
                            ...Object.entries(properties).map(([name, value]) => xml('property', { name, value })),
                        ),
                    ),
                    10000,
                );
                const conference = result.getChild('conference', FOCUS_NS);
                const property = (name: string) =>
                    conference?.getChildren('property').find(p => p.attrs.name === name)?.attrs.value;

                return {
                    ok: true,
                    ready: conference?.attrs.ready === 'true',
                    identity: conference?.attrs.identity,
                    sessionId: conference?.attrs['session-id'],
                    authentication: property('authentication') === 'true',
                };
            } catch (error: unknown) {
                const element = (error as { element?: Element }).element;

                if (!element) {
                    throw error;
                }
                const condition = element.getChildElements()[0]?.name ?? 'unknown';

                return {
                    ok: false,
                    condition,
                    sessionInvalid: Boolean(element.getChild('session-invalid')) || condition === 'not-acceptable',
                    notAuthorized: condition === 'not-authorized',
                };
            }
        },
        setPassword: (room, password) => submitConfig(room, { 'muc#roomconfig_roomsecret': password }),
        setPersistent: room => submitConfig(room, { 'muc#roomconfig_persistentroom': '1' }),
        async changeNick(room, nick) {
            const since = stanzas.length;
            const to = `${roomJid(room)}/${nick}`;

            await xmpp.send(xml('presence', { to }));
            await next(s => s.is('presence') && s.attrs.from === to, since, `the new nick ${nick} in ${room}`);
        },
        async becomes(room, affiliation) {
            await next(
                s => s.is('presence') && fromRoom(room)(s) && isSelf(s) && itemOf(s)?.attrs.affiliation === affiliation,
                0,
                `affiliation ${affiliation} in ${room}`,
            );
        },
        send: stanza => xmpp.send(stanza),
        async leave(room) {
            const since = stanzas.length;

            await xmpp.send(xml('presence', { to: `${roomJid(room)}/x`, type: 'unavailable' }));
            await next(
                s => fromRoom(room)(s) && s.attrs.type === 'unavailable',
                since,
                `confirmation of leaving ${room}`,
            );
        },
        async destroyed(room) {
            const stanza = await next(isDestroy(room), 0, `destruction of ${room}`, 15000);

            return stanza.getChild('x', MUC_USER)?.getChild('destroy')?.getChildText('reason') ?? '';
        },
        wasDestroyed: room => stanzas.some(isDestroy(room)),
        standing(room) {
            const self = stanzas.filter(s => s.is('presence') && fromRoom(room)(s) && isSelf(s));
            const item = self.at(-1) && itemOf(self.at(-1) as Element);

            return item ? { role: item.attrs.role, affiliation: item.attrs.affiliation } : undefined;
        },
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

/** Someone on a host of the server that the module's settings do not name. */
export function connectUnlisted(service: string): Promise<Person> {
    return connectPerson({ service, domain: DOMAINS.unlisted });
}
