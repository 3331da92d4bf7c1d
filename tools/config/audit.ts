/**
 * The config audit: checks a deployment's config.js (and interface_config.js, if given) rule by
 * rule against the school policy and says, for each of R1–R10, whether config.js does its part
 * (`ok`), works against it (`violation`, naming the key and the fix), or cannot do anything for it
 * (`notEnforceable`, naming where it is enforced instead).
 */
import { HANGUP_KEYS, RULES, type Bilingual, type RuleId } from '../../react/features/school-policy';

/** The verdict for one rule. */
export type Status = 'ok' | 'violation' | 'notEnforceable';

/** One problem (or the reason there is none to find). */
export interface Finding {
    readonly key: string;
    readonly message: Bilingual;
    /** What to write in config.js instead. */
    readonly fix?: string;
}

/** The audit's result for one rule. */
export interface RuleReport {
    readonly rule: RuleId;
    readonly title: Bilingual;
    readonly status: Status;
    readonly findings: readonly Finding[];
}

type Config = Readonly<Record<string, unknown>>;

function at(config: Config, path: string): unknown {
    return path
        .split('.')
        .reduce<unknown>(
            (value, key) =>
                typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
            config,
        );
}

const find = (key: string, de: string, en: string, fix?: string): Finding => ({ key, message: { de, en }, fix });

/** Keys that must be `true` or `false` exactly (missing counts as jitsi-meet's default). */
function expectValue(config: Config, key: string, wanted: boolean, otherwise: Finding, findings: Finding[]): void {
    if (at(config, key) !== wanted) {
        findings.push(otherwise);
    }
}

function notEnforceable(de: string, en: string): Finding[] {
    return [find('—', de, en)];
}

type Check = (config: Config, interfaceConfig: Config | null) => Finding[] | { notEnforceable: Finding[] };

const CHECKS: Readonly<Record<RuleId, Check>> = {
    R1: () => ({
        notEnforceable: notEnforceable(
            'Wofür ein Meeting genutzt wird, kann keine Konfiguration prüfen; das Portal lässt Lehrkräfte es bestätigen.',
            'No configuration can check what a meeting is used for; the portal has teachers confirm it.',
        ),
    }),
    R2: config => {
        const findings: Finding[] = [];

        if (typeof at(config, 'hosts.anonymousdomain') !== 'string' || !at(config, 'hosts.anonymousdomain')) {
            findings.push(
                find(
                    'hosts.anonymousdomain',
                    'Keine Gast-Domain: Ohne „Secure Domain“ kann jede Person Meetings starten.',
                    'No guest domain: without a secure domain anyone can start meetings.',
                    "hosts: { anonymousdomain: 'guest.meet.example.org' } plus the Prosody set-up in deploy/prosody/README.md",
                ),
            );
        }

        return findings;
    },
    R3: () => ({
        notEnforceable: notEnforceable(
            'Wem Zugangsdaten gesagt werden, sieht keine Software.',
            'No software sees whom credentials are told to.',
        ),
    }),
    R4: (config, interfaceConfig) => {
        const findings: Finding[] = [];

        expectValue(
            config,
            'doNotStoreRoom',
            true,
            find(
                'doNotStoreRoom',
                'Besuchte Räume werden im Browser gespeichert.',
                'Visited rooms are stored in the browser.',
                'doNotStoreRoom: true',
            ),
            findings,
        );
        if (at(config, 'deeplinking.disabled') !== true && at(config, 'disableDeepLinking') !== true) {
            findings.push(
                find(
                    'deeplinking.disabled',
                    'Die Weitergabe an die Jitsi-App ist an; die App speichert selbst.',
                    'Hand-off to the Jitsi app is on; the app keeps its own storage.',
                    'deeplinking: { disabled: true }',
                ),
            );
        }
        if (interfaceConfig && interfaceConfig.RECENT_LIST_ENABLED !== false) {
            findings.push(
                find(
                    'interfaceConfig.RECENT_LIST_ENABLED',
                    'Die Liste zuletzt besuchter Räume ist an.',
                    'The list of recent rooms is on.',
                    'RECENT_LIST_ENABLED: false',
                ),
            );
        }

        return findings;
    },
    R5: config => {
        const contact = at(config, 'schoolPolicy.misuseContact');

        return typeof contact === 'string' && /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(contact)
            ? []
            : [
                  find(
                      'schoolPolicy.misuseContact',
                      'Keine Adresse für Missbrauchsmeldungen: Das Portal kann „Missbrauch melden“ nicht anbieten.',
                      'No address for misuse reports: the portal cannot offer "Report misuse".',
                      "schoolPolicy: { misuseContact: 'mailto:…' }",
                  ),
              ];
    },
    R6: () => ({
        notEnforceable: notEnforceable(
            'config.js kann kein Passwort erzwingen: Das tun mod_school_policy auf dem Server und das Portal bzw. der Fork-Build.',
            'config.js cannot require a password: mod_school_policy on the server and the portal or fork build do.',
        ),
    }),
    R7: config => {
        const findings: Finding[] = [];

        if (at(config, 'prejoinConfig.enabled') === false) {
            findings.push(
                find(
                    'prejoinConfig.enabled',
                    'Kein Vorschaubildschirm: Man ist ohne Kontrolle über Kamera, Mikrofon und Namen im Raum.',
                    'No prejoin screen: people enter without checking camera, microphone and name.',
                    'prejoinConfig: { enabled: true }',
                ),
            );
        }
        expectValue(
            config,
            'startWithAudioMuted',
            true,
            find(
                'startWithAudioMuted',
                'Das Mikrofon ist beim Beitreten an.',
                'The microphone is on when joining.',
                'startWithAudioMuted: true',
            ),
            findings,
        );
        expectValue(
            config,
            'startWithVideoMuted',
            true,
            find(
                'startWithVideoMuted',
                'Die Kamera ist beim Beitreten an.',
                'The camera is on when joining.',
                'startWithVideoMuted: true',
            ),
            findings,
        );
        if (at(config, 'requireDisplayName') === true) {
            findings.push(
                find(
                    'requireDisplayName',
                    'Ein Name wird verlangt; anonyme Teilnahme ist nicht möglich.',
                    'A name is required; anonymous participation is impossible.',
                    'requireDisplayName: false',
                ),
            );
        }

        return findings;
    },
    R8: config => {
        const entries = at(config, 'buttonsWithNotifyClick');
        const prevented = new Set(
            (Array.isArray(entries) ? (entries as unknown[]) : [])
                .map(entry =>
                    typeof entry === 'string'
                        ? entry
                        : typeof entry === 'object' &&
                            entry !== null &&
                            (entry as { preventExecution?: unknown }).preventExecution !== false
                          ? (entry as { key?: unknown }).key
                          : undefined,
                )
                .filter((key): key is string => typeof key === 'string'),
        );
        const missing = HANGUP_KEYS.filter(key => !prevented.has(key));

        return missing.length === 0
            ? []
            : [
                  find(
                      'buttonsWithNotifyClick',
                      `Auflegen geht am Dialog „Als Letzte gehen“ vorbei: ${missing.join(', ')} fehlt.`,
                      `Hang-up bypasses the leave-last dialog: ${missing.join(', ')} missing.`,
                      `buttonsWithNotifyClick: [${HANGUP_KEYS.map(key => `'${key}'`).join(', ')}]`,
                  ),
              ];
    },
    R9: config => {
        const findings: Finding[] = [];

        expectValue(
            config,
            'localRecording.disable',
            true,
            find(
                'localRecording.disable',
                'Aufnahme im Browser ist möglich (jitsi-meet-Standard).',
                'Recording in the browser is possible (jitsi-meet default).',
                'localRecording: { disable: true }',
            ),
            findings,
        );
        if (at(config, 'recordingService.enabled') === true || at(config, 'fileRecordingsServiceEnabled') === true) {
            findings.push(
                find(
                    'recordingService.enabled',
                    'Aufnahme auf dem Server ist an.',
                    'Server recording is on.',
                    'recordingService: { enabled: false }',
                ),
            );
        }
        if (at(config, 'liveStreaming.enabled') === true || at(config, 'liveStreamingEnabled') === true) {
            findings.push(
                find(
                    'liveStreaming.enabled',
                    'Livestreaming ist an.',
                    'Live streaming is on.',
                    'liveStreaming: { enabled: false }',
                ),
            );
        }
        if (at(config, 'transcription.enabled') === true) {
            findings.push(
                find(
                    'transcription.enabled',
                    'Transkription (Aufzeichnung der Sprache) ist an.',
                    'Transcription (a record of speech) is on.',
                    'transcription: { enabled: false }',
                ),
            );
        }
        const toolbar = at(config, 'toolbarButtons');

        if (Array.isArray(toolbar) && toolbar.some(button => button === 'recording' || button === 'livestreaming')) {
            findings.push(
                find(
                    'toolbarButtons',
                    'Die Werkzeugleiste zeigt Aufnahme oder Livestream.',
                    'The toolbar shows recording or live streaming.',
                    "remove 'recording' and 'livestreaming' from toolbarButtons",
                ),
            );
        }

        return findings;
    },
    R10: (config, interfaceConfig) => {
        const findings: Finding[] = [];

        expectValue(
            config,
            'disableThirdPartyRequests',
            true,
            find(
                'disableThirdPartyRequests',
                'Anfragen an Dritte sind erlaubt.',
                'Requests to third parties are allowed.',
                'disableThirdPartyRequests: true',
            ),
            findings,
        );
        expectValue(
            config,
            'gravatar.disabled',
            true,
            find(
                'gravatar.disabled',
                'Gravatar (ein Dritter) wird gefragt; disableThirdPartyRequests allein verhindert das nicht.',
                'Gravatar (a third party) is asked; disableThirdPartyRequests alone does not stop it.',
                'gravatar: { disabled: true }',
            ),
            findings,
        );
        expectValue(
            config,
            'analytics.disabled',
            true,
            find(
                'analytics.disabled',
                'Analyse-Dienste sind nicht abgeschaltet.',
                'Analytics are not switched off.',
                'analytics: { disabled: true }',
            ),
            findings,
        );
        const domain = at(config, 'hosts.domain');
        const stun = at(config, 'p2p.stunServers');
        const foreign = (Array.isArray(stun) ? (stun as unknown[]) : [])
            .map(server =>
                typeof server === 'object' && server !== null ? (server as { urls?: unknown }).urls : undefined,
            )
            .flat()
            .filter((url): url is string => typeof url === 'string')
            .filter(url => {
                const host = url.replace(/^(stun|turn)s?:/, '').split(/[:?]/)[0] ?? '';

                return (
                    typeof domain !== 'string' ||
                    !(host === domain || host.endsWith(`.${domain}`) || domain.endsWith(`.${host}`))
                );
            });

        if (foreign.length > 0) {
            findings.push(
                find(
                    'p2p.stunServers',
                    `Öffentlicher STUN-Server eines Dritten: ${foreign.join(', ')}.`,
                    `Third-party public STUN server: ${foreign.join(', ')}.`,
                    "p2p: { stunServers: [{ urls: 'stun:meet.example.org:3478' }] } (your own)",
                ),
            );
        }
        if (interfaceConfig && interfaceConfig.SHOW_JITSI_WATERMARK !== false) {
            findings.push(
                find(
                    'interfaceConfig.SHOW_JITSI_WATERMARK',
                    'Das Jitsi-Wasserzeichen verlinkt auf einen Dritten.',
                    'The Jitsi watermark links to a third party.',
                    'SHOW_JITSI_WATERMARK: false',
                ),
            );
        }

        return findings;
    },
};

/** Audits a config (and optionally an interface config). */
export function auditConfig(config: Config, interfaceConfig: Config | null = null): RuleReport[] {
    return RULES.map(rule => {
        const result = CHECKS[rule.id](config, interfaceConfig);

        if (!Array.isArray(result)) {
            return { rule: rule.id, title: rule.title, status: 'notEnforceable', findings: result.notEnforceable };
        }

        return { rule: rule.id, title: rule.title, status: result.length === 0 ? 'ok' : 'violation', findings: result };
    });
}
