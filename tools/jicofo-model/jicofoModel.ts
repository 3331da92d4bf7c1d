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

import { DISCO_INFO, FOCUS_NS, MUC, MUC_ADMIN, MUC_OWNER, MUC_USER } from '../prosody/namespaces';

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
    /**
     * `xmpp.client.xmpp-domain`: where Jicofo discovers the server's components (XmppProvider
     * .discoverComponents), among them the breakout rooms' (ConferenceIqHandler.componentsChanged).
     */
    readonly xmppDomain?: string;
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
    /** A breakout room's main room, read from the room's configuration (ChatRoomImpl.joinAs). */
    mainRoom?: string;
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
    /** The breakout rooms' component, if the server has one (discovered at start). */
    breakoutAddress: string | undefined;

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
        // JitsiMeetConferenceImpl.joinTheRoom: "We do not use auto-owner in breakout rooms."
        if (this.options.loginDomain === undefined && conference.mainRoom !== undefined) {
            return;
        }
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
        // FocusManager.conferenceEnded: a breakout room's end tells its main conference (breakoutConferenceEnded).
        const main = conference.mainRoom === undefined ? undefined : this.conferences.get(conference.mainRoom);

        if (main) {
            this.maybeStop(main);
        }
    }

    /** FocusManager.hasBreakoutRooms: a conference whose main room is this one. */
    private hasBreakoutRooms(room: string): boolean {
        return [...this.conferences.values()].some(conference => conference.mainRoom === room);
    }

    /**
     * JitsiMeetConferenceImpl.maybeStop: with no members left, stop, unless breakout rooms remain or the
     * last one left to switch to a breakout room (then the start timeout decides).
     */
    private maybeStop(conference: Conference, leavingStatus?: string): void {
        if (conference.members.size > 0 || this.hasBreakoutRooms(conference.room)) {
            return;
        }
        if (leavingStatus === 'switch_room') {
            this.scheduleStartTimeout(conference);
        } else {
            this.stopConference(conference);
        }
    }

    /** JitsiMeetConferenceImpl.scheduleConferenceStartTimeout: nobody came (and no breakout rooms), stop. */
    private scheduleStartTimeout(conference: Conference): void {
        clearTimeout(conference.startTimer);
        conference.startTimer = setTimeout(() => {
            if (conference.members.size === 0 && !this.hasBreakoutRooms(conference.room)) {
                this.stopConference(conference);
            }
        }, this.options.initialTimeoutMs ?? 15000);
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
            if (conference.members.size === 0) {
                this.maybeStop(conference, stanza.getChildText('status') ?? undefined);
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
        // ChatRoomImpl.joinAs: createOrJoin with the focus's own nick, then the room's configuration.
        await this.xmpp.send(xml('presence', { to: `${room}/focus` }, xml('x', { xmlns: MUC })));
        if (domainOf(room) === this.breakoutAddress) {
            conference.mainRoom = await this.mainRoomOf(room);
        }
        this.scheduleStartTimeout(conference);

        return conference;
    }

    /**
     * ChatRoomImpl.joinAs: a breakout room's configuration form names its main room
     * (`muc#roominfo_isbreakout`, `muc#roominfo_breakout_main_room`, set by mod_muc_breakout_rooms).
     */
    private async mainRoomOf(room: string): Promise<string | undefined> {
        const form = await this.xmpp.iqCaller
            .request(xml('iq', { type: 'get', to: room }, xml('query', { xmlns: MUC_OWNER })))
            .catch(() => undefined);
        const fields = form?.getChild('query', MUC_OWNER)?.getChild('x', 'jabber:x:data')?.getChildren('field') ?? [];
        const value = (name: string) => fields.find(field => field.attrs.var === name)?.getChildText('value');
        const isBreakout = value('muc#roominfo_isbreakout');

        return isBreakout === '1' || isBreakout === 'true'
            ? (value('muc#roominfo_breakout_main_room') ?? undefined)
            : undefined;
    }

    /** XmppProvider.discoverComponents: the breakout rooms' component among the domain's identities. */
    async discoverComponents(): Promise<void> {
        if (this.options.xmppDomain === undefined) {
            return;
        }
        const info = await this.xmpp.iqCaller
            .request(xml('iq', { type: 'get', to: this.options.xmppDomain }, xml('query', { xmlns: DISCO_INFO })))
            .catch(() => undefined);
        const identity = info
            ?.getChild('query', DISCO_INFO)
            ?.getChildren('identity')
            .find(item => item.attrs.category === 'component' && item.attrs.type === 'breakout_rooms');

        this.breakoutAddress = identity?.attrs.name;
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
        // Only authenticated users are allowed to create new rooms; with breakout rooms left, anyone may
        // bring the main room back (people returning from them).
        if (!this.conferences.has(room) && !this.hasBreakoutRooms(room) && !this.sessionOf(from)) {
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
        // ConferenceIqHandler.processExtensions: no authentication for breakout rooms ("expecting the
        // breakout room prosody module to handle it").
        const breakout = this.breakoutAddress !== undefined && domainOf(room) === this.breakoutAddress;
        const refusal = authentication && !breakout ? this.authenticate(from, request, answer) : undefined;

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
    await model.discoverComponents();

    return { address: model.me, rooms: () => model.rooms(), stop: () => model.stop() };
}
