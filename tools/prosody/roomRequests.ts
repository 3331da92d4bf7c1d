/**
 * The requests a test client makes of the MUC component and of Jicofo, as Jitsi's clients make them:
 * joining a room (with or without its password), the owner config form, and lib-jitsi-meet's
 * conference request to the focus.
 */
import { xml, type Client, type Element } from '@xmpp/client';

import { DOMAINS } from './harness';
import { FOCUS_NS, MUC, MUC_ADMIN, MUC_OWNER, MUC_USER } from './namespaces';
import type { StanzaLog } from './stanzaLog';

/** The outcome of a join; a refusal's application-specific conditions as `namespace#name`. */
export type JoinResult = { ok: true } | { ok: false; condition: string; text: string; extensions?: string[] };

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

const STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
const NICK = 'http://jabber.org/protocol/nick';

/** A room's address: a name on the conference component, or a full address (e.g. a breakout room's). */
export const roomJid = (room: string) => (room.includes('@') ? room : `${room}@${DOMAINS.muc}`);

/** Whether a presence is about the receiver itself (MUC status 110). */
export const isSelf = (stanza: Element) =>
    Boolean(
        stanza
            .getChild('x', MUC_USER)
            ?.getChildren('status')
            .some(status => status.attrs.code === '110'),
    );

/** Joins a room under a nick; resolves with the room's answer. */
export async function joinRoom(
    xmpp: Client,
    log: StanzaLog,
    room: string,
    nick: string,
    password?: string,
    timeoutMs = 10000,
): Promise<JoinResult> {
    const since = log.length;
    const to = `${roomJid(room)}/${nick}`;

    // The display name in the presence, as jitsi-meet sends it (Jitsi's lobby asks for one).
    await xmpp.send(
        xml(
            'presence',
            { to },
            xml('x', { xmlns: MUC }, password === undefined ? [] : [xml('password', {}, password)]),
            xml('nick', { xmlns: NICK }, nick),
        ),
    );
    const answer = await log.next(
        s => s.is('presence') && s.attrs.from === to && (s.attrs.type === 'error' || isSelf(s)),
        since,
        `answer to joining ${room}`,
        timeoutMs,
    );

    if (answer.attrs.type !== 'error') {
        return { ok: true };
    }
    const error = answer.getChild('error');
    const condition =
        error?.children.find((c): c is Element => typeof c !== 'string' && c.name !== 'text')?.name ?? 'unknown';

    const extensions = (error?.getChildElements() ?? [])
        .filter(child => child.attrs.xmlns !== STANZAS)
        .map(child => `${String(child.attrs.xmlns)}#${child.name}`);

    return {
        ok: false,
        condition,
        text: error?.getChildText('text') ?? '',
        ...(extensions.length > 0 ? { extensions } : {}),
    };
}

/** Submits the owner config form with the given fields; rejects with the room's error. */
export async function submitRoomConfig(xmpp: Client, room: string, fields: Record<string, string>): Promise<void> {
    const field = (name: string, value: string) => xml('field', { var: name }, xml('value', {}, value));

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
                    field('FORM_TYPE', 'http://jabber.org/protocol/muc#roomconfig'),
                    ...Object.entries(fields).map(([name, value]) => field(name, value)),
                ),
            ),
        ),
        10000,
    );
}

/** Sets someone's affiliation in a room through muc#admin (a moderator admitting from the lobby). */
export async function setAffiliation(xmpp: Client, room: string, jid: string, affiliation: string): Promise<void> {
    await xmpp.iqCaller.request(
        xml(
            'iq',
            { type: 'set', to: roomJid(room) },
            xml('query', { xmlns: MUC_ADMIN }, xml('item', { jid, affiliation })),
        ),
        10000,
    );
}

/**
 * The conference request lib-jitsi-meet sends before joining (moderator.ts `_createConferenceIq`:
 * `machine-uid` always, `session-id` when the browser has one, the default properties).
 */
export async function conferenceRequest(
    xmpp: Client,
    focus: string,
    room: string,
    ids: { machineUid: string; sessionId?: string },
): Promise<ConferenceAnswer> {
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
}
