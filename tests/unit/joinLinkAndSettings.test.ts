import { invitationLink, readJoinInput } from '../../react/features/portal/joinLink';
import { parseJitsiDomain, readSettings } from '../../react/features/portal/settings';
import { logoAddress, readCentreIdentity } from '../../react/features/school-policy/policy/centreIdentity';

const hosts = { portalOrigin: 'https://schule.example.org', jitsiOrigin: 'https://meet.example.org' };

describe('readJoinInput', () => {
    it('reads a plain room name', () => {
        expect(readJoinInput(' Mathe 7b ', hosts)).toEqual({ ok: true, room: 'mathe-7b', cleaned: false });
    });

    it('reads our invitation link and the Jitsi link', () => {
        expect(readJoinInput(invitationLink(hosts.portalOrigin, 'mathe-7b'), hosts)).toEqual({
            ok: true,
            room: 'mathe-7b',
            cleaned: false,
        });
        expect(readJoinInput('https://meet.example.org/mathe-7b', hosts)).toEqual({
            ok: true,
            room: 'mathe-7b',
            cleaned: false,
        });
        expect(readJoinInput('meet.example.org/mathe-7b', hosts)).toEqual({
            ok: true,
            room: 'mathe-7b',
            cleaned: false,
        });
    });

    it('drops config overrides, tokens and passwords from a link, and says so', () => {
        expect(
            readJoinInput('https://meet.example.org/mathe-7b#config.localRecording={"disable":false}', hosts),
        ).toEqual({
            ok: true,
            room: 'mathe-7b',
            cleaned: true,
        });
        expect(
            readJoinInput('https://meet.example.org/mathe-7b#interfaceConfig.TOOLBAR_BUTTONS=[]', hosts),
        ).toMatchObject({ cleaned: true });
        expect(readJoinInput('https://schule.example.org/beitreten?room=mathe-7b&password=x', hosts)).toMatchObject({
            cleaned: true,
        });
    });

    it('refuses links to other hosts', () => {
        expect(readJoinInput('https://meet.jit.si/mathe-7b', hosts)).toEqual({
            ok: false,
            error: 'foreignLink',
            host: 'meet.jit.si',
        });
        expect(readJoinInput('https://meet.example.org.evil.example/mathe-7b', hosts)).toMatchObject({
            error: 'foreignLink',
        });
    });

    it('refuses a link without a room', () => {
        expect(readJoinInput('https://meet.example.org/', hosts)).toMatchObject({ ok: false, error: 'room.empty' });
    });
});

describe('settings', () => {
    it('accepts https hosts, and plain http only on loopback', () => {
        expect(parseJitsiDomain('meet.example.org')).toEqual({
            origin: 'https://meet.example.org',
            host: 'meet.example.org',
        });
        expect(parseJitsiDomain('http://127.0.0.1:8081')).toEqual({
            origin: 'http://127.0.0.1:8081',
            host: '127.0.0.1:8081',
        });
        expect(parseJitsiDomain('http://meet.example.org')).toBeNull();
        expect(parseJitsiDomain('https://meet.example.org/path')).toBeNull();
        expect(parseJitsiDomain('javascript:alert(1)')).toBeNull();
    });

    it('reads our config.js as a valid deployment once a domain is set', () => {
        const result = readSettings({
            schoolPolicy: {
                jitsiDomain: 'meet.example.org',
                centreName: 'KMZ',
                misuseContact: 'https://kmz.example.org/melden',
            },
        });

        expect(result).toEqual({
            ok: true,
            settings: {
                jitsiOrigin: 'https://meet.example.org',
                jitsiHost: 'meet.example.org',
                centreName: 'KMZ',
                termsUrl: null,
                misuseContact: 'https://kmz.example.org/melden',
                cleanupEndpoint: null,
                sharedDevices: true,
                identity: {
                    name: 'KMZ',
                    logoUrl: null,
                    colour: null,
                    misuseContact: 'https://kmz.example.org/melden',
                    termsUrl: null,
                    privacyUrl: null,
                    websiteUrl: null,
                },
            },
        });
    });

    it('refuses a non-https terms page and a script link as misuse contact', () => {
        expect(
            readSettings({
                schoolPolicy: {
                    jitsiDomain: 'meet.example.org',
                    centreName: 'KMZ',
                    termsUrl: 'http://x.example',
                    misuseContact: 'javascript:alert(1)',
                },
            }),
        ).toEqual({ ok: false, problems: ['badMisuseContact', 'badTermsUrl'] });
    });

    it('names every part of the media centre’s identity that is set wrongly, and uses none of them', () => {
        expect(
            readSettings({
                schoolPolicy: {
                    jitsiDomain: 'meet.example.org',
                    centreName: 'KMZ <script>',
                    misuseContact: 'mailto:melden@kmz.example.org',
                    logoUrl: 'javascript:alert(1)',
                    // White text on yellow is unreadable (1.6:1).
                    colour: '#ffcc00',
                    privacyUrl: 'data:text/html,hallo',
                    websiteUrl: 'https://user:pw@kmz.example.org/',
                },
            }),
        ).toEqual({
            ok: false,
            problems: ['noCentreName', 'badLogoUrl', 'badColour', 'badPrivacyUrl', 'badWebsiteUrl'],
        });
    });

    it('takes a logo from the Jitsi server by its path, or from an https address, and nothing else', () => {
        const logo = (logoUrl: string) => readCentreIdentity({ centreName: 'KMZ', logoUrl }).identity.logoUrl;

        expect(logo('/libs/school-policy/logo.svg')).toBe('/libs/school-policy/logo.svg');
        expect(logo('https://kmz.example.org/logo.png')).toBe('https://kmz.example.org/logo.png');
        expect(logo('/libs/../../etc/passwd.png')).toBeNull();
        expect(logo('//evil.example/logo.svg')).toBeNull();
        expect(logo('http://kmz.example.org/logo.png')).toBeNull();
        expect(logoAddress('/libs/school-policy/logo.svg', 'https://meet.example.org')).toBe(
            'https://meet.example.org/libs/school-policy/logo.svg',
        );
    });
});
