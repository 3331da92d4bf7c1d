/**
 * Real XMPP clients (@xmpp/client over plain TCP on loopback) playing teachers and guests, with the
 * few MUC operations the tests need: join with or without a password, set or clear the room
 * password through the owner config form, leave, and watch for the room being destroyed.
 */
import { client, xml, type Element } from '@xmpp/client';

import { DOMAINS, SERVICE_ACCOUNT, TEACHERS } from '../../tools/prosody/harness';

const MUC = 'http://jabber.org/protocol/muc';
const MUC_USER = 'http://jabber.org/protocol/muc#user';
const MUC_OWNER = 'http://jabber.org/protocol/muc#owner';

/** The outcome of a join. */
export type JoinResult = { ok: true } | { ok: false; condition: string; text: string };

/** A connected person. */
export interface Person {
    readonly jid: string;
    join(room: string, nick: string, password?: string): Promise<JoinResult>;
    setPassword(room: string, password: string): Promise<void>;
    leave(room: string): Promise<void>;
    /** Resolves with the reason when this person is removed because the room was destroyed. */
    destroyed(room: string): Promise<string>;
    /** Whether the room was destroyed under this person (without waiting). */
    wasDestroyed(room: string): boolean;
    /** This person's role and affiliation in a room, from the room's latest presence about them. */
    standing(room: string): { role?: string; affiliation?: string } | undefined;
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
    xmpp.on('error', () => undefined);
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
        async setPassword(room, password) {
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
                            xml('field', { var: 'muc#roomconfig_roomsecret' }, xml('value', {}, password)),
                        ),
                    ),
                ),
                10000,
            );
        },
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
            const self = stanzas.filter(
                s =>
                    s.is('presence') &&
                    fromRoom(room)(s) &&
                    Boolean(
                        s
                            .getChild('x', MUC_USER)
                            ?.getChildren('status')
                            .some(st => st.attrs.code === '110'),
                    ),
            );
            const item = self.at(-1)?.getChild('x', MUC_USER)?.getChild('item');

            return item ? { role: item.attrs.role, affiliation: item.attrs.affiliation } : undefined;
        },
        async stop() {
            await xmpp.stop().catch(() => undefined);
        },
    };
}

/** A teacher: authenticated on the main host. */
export function connectTeacher(service: string, name: keyof typeof TEACHERS = 'frau-mueller'): Promise<Person> {
    return connectPerson({ service, domain: DOMAINS.teachers, username: name, password: TEACHERS[name] });
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
