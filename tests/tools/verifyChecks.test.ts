/** What `npm run verify` concludes from what it saw, one observation at a time. */
import { hardenConfig } from '../../react/features/school-policy';
import { judge, type PageObservation } from '../../tools/verify/checks';

// What the policy makes of an empty config: hardened by the core's own function.
const HARDENED = hardenConfig({});
const GOOD: PageObservation = {
    pluginScriptStatus: 200,
    store: { config: HARDENED, hasPolicyState: true },
    inactiveCover: null,
    foreignHosts: [],
    waitedSeconds: 30,
};

function failed(seen: PageObservation, lang: 'de' | 'en' = 'de') {
    return Object.fromEntries(
        judge(lang, seen)
            .filter(r => !r.ok)
            .map(r => [r.id, r.detail]),
    );
}

describe('the verdicts of npm run verify', () => {
    it('passes a page where the module is active and the config hardened', () => {
        expect(failed(GOOD)).toEqual({});
    });

    it('says which HTTP status the script had', () => {
        expect(failed({ ...GOOD, pluginScriptStatus: 404 }).pluginLoaded).toBe(
            'Das Skript antwortet mit HTTP 404: liegt libs/school-policy.min.js im Web-Root?',
        );
    });

    it('says how long it waited when jitsi-meet never started, for both checks that need its store', () => {
        const problems = failed({ ...GOOD, store: null }, 'en');

        expect(problems.hookTaken).toContain('no APP.store after 30 seconds');
        expect(problems.configHardened).toContain('no APP.store after 30 seconds');
    });

    it('names each key the config got wrong', () => {
        const problems = failed({
            ...GOOD,
            store: { config: { ...HARDENED, liveStreaming: { enabled: true } }, hasPolicyState: true },
        });

        expect(problems).toEqual({ configHardened: expect.stringMatching(/^liveStreaming\.enabled: /) as unknown });
    });

    it('passes on the drop-in’s own reason when it covered the page', () => {
        expect(
            failed(
                { ...GOOD, inactiveCover: { de: 'Für die Administration: X.', en: 'For the administration: X.' } },
                'en',
            ).hookTaken,
        ).toBe('The page shows "The school policy is not active". For the administration: X.');
    });

    it('counts the deployment’s own XMPP addresses from its config as its own', () => {
        const config = {
            ...HARDENED,
            bosh: 'https://meet.example.org/http-bind',
            websocket: 'wss://xmpp.example.org/ws',
        };

        expect(
            failed({
                ...GOOD,
                store: { config, hasPolicyState: true },
                foreignHosts: ['meet.example.org', 'xmpp.example.org', 'www.gravatar.com'],
            }).noForeignRequests,
        ).toBe('Anfragen an andere Hosts (vom Prüfwerkzeug blockiert): www.gravatar.com');
    });

    it('lists the other hosts the page tried, sorted', () => {
        expect(failed({ ...GOOD, foreignHosts: ['www.gravatar.com', 'fonts.example.net'] }).noForeignRequests).toBe(
            'Anfragen an andere Hosts (vom Prüfwerkzeug blockiert): fonts.example.net, www.gravatar.com',
        );
    });
});
