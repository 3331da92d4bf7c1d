import { invitationLink, readJoinInput } from '../../react/features/portal/joinLink';
import { parseJitsiDomain, readSettings } from '../../react/features/portal/settings';

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
        ).toEqual({ ok: false, problems: ['badTermsUrl', 'badMisuseContact'] });
    });
});
