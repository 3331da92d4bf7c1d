/**
 * A model of Jicofo, the Jitsi conference focus, for the tests and the verification servers: an XMPP
 * client of the real Prosody on Jicofo's own account, as Jicofo is. It answers conference requests
 * and authenticates users the way Jicofo's XMPP-domain authentication does, creates and joins each
 * room as its owner, and grants owner the way Jicofo's role managers do. There is no videobridge and
 * no Jingle: what the model does is the part of Jicofo that decides who may open a room and who
 * becomes moderator. Every behaviour cites the Jicofo file it follows (jitsi/jicofo, read at
 * 7ebb13dc, 2026-08); docs/jitsi-behaviour.md has the same facts in prose.
 */
import { randomUUID } from 'node:crypto';

import { client, xml, type Client, type Element } from '@xmpp/client';

import { FOCUS_NS, MUC, MUC_ADMIN, MUC_USER } from '../prosody/namespaces';

import { electOwners } from './roleElection';

const STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';

/** How the model is set up, as jicofo.conf would set up Jicofo. */
export interface JicofoModelOptions {
    /** Prosody's client port, e.g. `xmpp://127.0.0.1:5222`. */
    readonly service: string;
    /** Jicofo's account: `focus@<authDomain>`. */
    readonly authDomain: string;
    readonly username: string;
    readonly password: string;
    /**
     * `jicofo.authentication` with `type = XMPP`: the domain whose users may open rooms
     * (`login-url`). Undefined: authentication off, as in a stock install without a secure domain.
     */
    readonly loginDomain?: string;
    /** How long a conference waits for its first participant (`conference.initial-timeout`, 15 s). */
    readonly initialTimeoutMs?: number;
}

/** Jicofo's authentication session (AuthenticationSession.java). */
interface AuthenticationSession {
    readonly id: string;
    readonly machineUid: string;
    /** The account's bare address: what Jicofo answers as `identity`. */
    readonly identity: string;
    /** The full address last authenticated with this session (`userJabberId`). */
    userJid?: string;
}

interface Member {
    readonly nick: string;
    readonly realJid: string;
    affiliation: string;
}

interface Conference {
    readonly room: string;
    readonly members: Map<string, Member>;
    /** AutoOwnerRoleManager's `owner`: the member it elected, by nick. */
    owner?: string;
    startTimer?: ReturnType<typeof setTimeout>;
}

/** A running model. */
export interface RunningJicofo {
    /** The full address conference requests go to (a deployment's client_proxy forwards there). */
    readonly address: string;
    /** The rooms the focus is in now. */
    rooms(): string[];
    stop(): Promise<void>;
}

const bare = (jid: string) => jid.split('/')[0] ?? jid;
const domainOf = (jid: string) => bare(jid).split('@').pop() ?? '';

function stanzaError(type: string, condition: string, text?: string, extension?: Element): Element {
    return xml(
        'error',
        { type },
        xml(condition, { xmlns: STANZAS }),
        ...(text ? [xml('text', { xmlns: STANZAS }, text)] : []),
        ...(extension ? [extension] : []),
    );
}

/** The model's state and handlers: one instance per running model. */
class JicofoModel {
    private readonly sessions = new Map<string, AuthenticationSession>();
    private readonly conferences = new Map<string, Conference>();
    /** The focus's own full address, once online. */
    me = '';

    constructor(
        private readonly xmpp: Client,
        private readonly options: JicofoModelOptions,
    ) {}

    rooms(): string[] {
        return [...this.conferences.keys()];
    }

    /** AbstractAuthAuthority.findSessionForJabberId / getUserIdentity. */
    private sessionOf(jid: string): AuthenticationSession | undefined {
        return [...this.sessions.values()].find(session => session.userJid === jid);
    }

    /** ChatRoomImpl.grantOwnership: a muc#admin item with the member's bare real address. */
    private grantOwner(room: string, member: Member): void {
        const item = xml('item', { affiliation: 'owner', jid: bare(member.realJid) });

        void this.xmpp
            .send(xml('iq', { type: 'set', to: room, id: randomUUID() }, xml('query', { xmlns: MUC_ADMIN }, item)))
            .catch(() => undefined);
    }

    /** Who becomes owner: the shared rule (roleElection.ts, ChatRoomRoleManager.kt). */
    private manageRoles(conference: Conference): void {
        const members = [...conference.members.values()];
        const { grant, elected } = electOwners(
            members.map(member => ({
                id: member.nick,
                owner: member.affiliation === 'owner',
                authenticated: this.sessionOf(member.realJid) !== undefined,
            })),
            { authentication: this.options.loginDomain !== undefined, elected: conference.owner },
        );

        conference.owner = elected;
        members
            .filter(member => grant.includes(member.nick))
            .forEach(member => this.grantOwner(conference.room, member));
    }

    /** JitsiMeetConferenceImpl.stop: the focus leaves and forgets the conference. */
    private stopConference(conference: Conference): void {
        clearTimeout(conference.startTimer);
        this.conferences.delete(conference.room);
        void this.xmpp
            .send(xml('presence', { to: `${conference.room}/focus`, type: 'unavailable' }))
            .catch(() => undefined);
    }

    /** Any stanza: presence from a room the focus is in. */
    onStanza(stanza: Element): void {
        if (stanza.is('presence') && this.conferences.has(bare(stanza.attrs.from ?? ''))) {
            this.onRoomPresence(stanza);
        }
    }

    /** Presence from a room the focus is in: members come, change and go. */
    private onRoomPresence(stanza: Element): void {
        const from = stanza.attrs.from ?? '';
        const conference = this.conferences.get(bare(from));
        const nick = from.slice(bare(from).length + 1);
        const x = stanza.getChild('x', MUC_USER);

        if (!conference || !x || nick === 'focus') {
            if (conference && nick === 'focus' && x?.getChild('destroy')) {
                // The room was destroyed under the focus (e.g. mod_school_policy's closure).
                clearTimeout(conference.startTimer);
                this.conferences.delete(conference.room);
            }

            return;
        }
        const item = x.getChild('item');

        if (stanza.attrs.type === 'unavailable') {
            conference.members.delete(nick);
            // JitsiMeetConferenceImpl.maybeStop: the last member left, stopping.
            if (conference.members.size === 0) {
                this.stopConference(conference);
            } else {
                this.manageRoles(conference);
            }

            return;
        }
        const realJid = item?.attrs.jid;

        if (!realJid) {
            return;
        }
        clearTimeout(conference.startTimer);
        conference.members.set(nick, { nick, realJid, affiliation: item.attrs.affiliation ?? 'none' });
        this.manageRoles(conference);
    }

    /** FocusManager.conferenceRequest: an existing conference, or a new one the focus joins as owner. */
    private async conferenceFor(room: string): Promise<Conference> {
        const existing = this.conferences.get(room);

        if (existing) {
            return existing;
        }
        const conference: Conference = { room, members: new Map() };

        this.conferences.set(room, conference);
        // ChatRoomImpl.joinAs: createOrJoin with the focus's own nick.
        await this.xmpp.send(xml('presence', { to: `${room}/focus` }, xml('x', { xmlns: MUC })));
        // JitsiMeetConferenceImpl.scheduleConferenceStartTimeout: nobody came, stop.
        conference.startTimer = setTimeout(() => {
            if (conference.members.size === 0) {
                this.stopConference(conference);
            }
        }, this.options.initialTimeoutMs ?? 15000);

        return conference;
    }

    /**
     * XMPPDomainAuthAuthority.processAuthLocked with AbstractAuthAuthority.verifySession /
     * authenticateJidWithSession: an error to answer with, or undefined (the answer then carries
     * the session's identity and id, if any).
     */
    private authenticate(from: string, request: Element, answer: Record<string, string>): Element | undefined {
        const room = request.attrs.room ?? '';
        const sessionId = request.attrs['session-id'];
        const machineUid = request.attrs['machine-uid'];
        let session = sessionId ? this.sessions.get(sessionId) : undefined;

        if (sessionId && !session) {
            return stanzaError(
                'cancel',
                'not-acceptable',
                'invalid session',
                xml('session-invalid', { xmlns: FOCUS_NS }),
            );
        }
        if (session && session.machineUid !== machineUid) {
            return stanzaError('cancel', 'not-acceptable', 'machine UID mismatch or empty');
        }
        if (!session && domainOf(from) === this.options.loginDomain) {
            if (!machineUid) {
                return stanzaError('cancel', 'not-acceptable', "Missing mandatory attribute 'machine-uid'");
            }
            session = { id: randomUUID(), machineUid, identity: bare(from) };
            this.sessions.set(session.id, session);
        }
        if (session) {
            session.userJid = from;
            answer.identity = session.identity;
            answer['session-id'] = session.id;
            // AuthenticationRoleManager's listener: grant owner to that member if already inside.
            const inside = this.conferences.get(room);

            if (inside) {
                this.manageRoles(inside);
            }
        }
        // Only authenticated users are allowed to create new rooms.
        if (!this.conferences.has(room) && !this.sessionOf(from)) {
            return stanzaError('cancel', 'not-authorized', 'not authorized user domain');
        }

        return undefined;
    }

    /** ConferenceIqHandler.handleConferenceIq. */
    async onConferenceIq(stanza: Element, request: Element): Promise<Element> {
        const from = stanza.attrs.from ?? '';
        const room = request.attrs.room;

        if (!room) {
            return stanzaError('modify', 'bad-request', "No 'room' specified.");
        }
        const answer: Record<string, string> = { xmlns: FOCUS_NS, room, focusjid: bare(this.me) };
        const authentication = this.options.loginDomain !== undefined;
        const refusal = authentication ? this.authenticate(from, request, answer) : undefined;

        if (refusal) {
            return refusal;
        }
        await this.conferenceFor(room);

        return xml(
            'conference',
            { ...answer, ready: 'true' },
            xml('property', { name: 'authentication', value: String(authentication) }),
            ...(authentication ? [xml('property', { name: 'externalAuth', value: 'false' })] : []),
        );
    }

    async stop(): Promise<void> {
        this.conferences.forEach(conference => clearTimeout(conference.startTimer));
        await this.xmpp.stop().catch(() => undefined);
    }
}

/** Starts the model on Jicofo's account and waits until it is online. */
export async function startJicofoModel(options: JicofoModelOptions): Promise<RunningJicofo> {
    const xmpp: Client = client({
        service: options.service,
        domain: options.authDomain,
        username: options.username,
        password: options.password,
        resource: 'focus',
    });
    const model = new JicofoModel(xmpp, options);

    xmpp.reconnect.stop();
    xmpp.on('error', () => undefined);
    xmpp.iqCallee.set(FOCUS_NS, 'conference', ({ stanza, element }) => model.onConferenceIq(stanza, element));
    xmpp.on('stanza', (stanza: Element) => model.onStanza(stanza));
    model.me = (await xmpp.start()).toString();

    return { address: model.me, rooms: () => model.rooms(), stop: () => model.stop() };
}
