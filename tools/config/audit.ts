/**
 * The config audit: checks a deployment's config.js (and interface_config.js, if given) rule by
 * rule against the school policy and says, for each of R1–R10, whether config.js does its part
 * (`ok`), works against it (`violation`, naming the key and the fix), or cannot do anything for it
 * (`notEnforceable`, naming where it is enforced instead). The keys the policy fixes come from the
 * core's one table (HARDENED_KEYS), read the way jitsi-meet reads them (any truthy value is on); the
 * checks only an audit can make (domains, addresses, the secure domain, interface_config.js) are
 * here, each naming the data-protection guidance it follows where there is one.
 */
import { readCentreIdentity, type IdentityKey } from '../../react/features/school-policy/policy/centreIdentity';
import {
    HARDENED_KEY_PROBLEMS,
    HARDENED_KEYS,
    RULES,
    type Bilingual,
    type HardenedKey,
    type RuleId,
} from '../../react/features/school-policy';

/** The verdict for one rule. */
export type Status = 'ok' | 'violation' | 'notEnforceable';

/** One problem (or the reason there is none to find). */
export interface Finding {
    readonly key: string;
    readonly message: Bilingual;
    /** What to write in config.js instead. */
    readonly fix?: Bilingual;
    /** The guidance that asks for it, beyond the terms of use. */
    readonly guidance?: Bilingual;
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

const both = (text: string): Bilingual => ({ de: text, en: text });
const find = (key: string, de: string, en: string, fix?: Bilingual, guidance?: Bilingual): Finding => ({
    key,
    message: { de, en },
    ...(fix ? { fix } : {}),
    ...(guidance ? { guidance } : {}),
});

const DSK: Bilingual = {
    de: 'DSK-Orientierungshilfe Videokonferenzsysteme (2020)',
    en: 'DSK guidance on video conferencing systems (2020)',
};
const BSI: Bilingual = {
    de: 'BSI-Mindeststandard Videokonferenzdienste (2021)',
    en: 'BSI minimum standard for video conferencing services (2021)',
};
const DSK_AND_BSI: Bilingual = { de: `${DSK.de}; ${BSI.de}`, en: `${DSK.en}; ${BSI.en}` };

/**
 * How jitsi-meet reads a switch: any truthy value is on. Of a current and a legacy name, the audit
 * takes the reading that works against the policy, so neither name can switch a feature on unseen.
 */
function switchedAsRequired(config: Config, row: Extract<HardenedKey, { kind: 'flag' }>): boolean {
    const values = [row.path, ...(row.legacy ? [row.legacy] : [])]
        .map(path => at(config, path))
        .filter(value => value !== undefined);

    if (values.length === 0) {
        return row.jitsiDefault === row.value;
    }

    return row.value ? values.every(Boolean) : !values.some(Boolean);
}

function preventedKeys(entries: unknown): Set<string> {
    return new Set(
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
}

/** What one row of the table finds in a config (nothing when the config does its part). */
function tableFinding(config: Config, row: HardenedKey): Finding | undefined {
    switch (row.kind) {
        case 'flag':
            return switchedAsRequired(config, row)
                ? undefined
                : {
                      key: row.path,
                      message: HARDENED_KEY_PROBLEMS[row.path],
                      fix: both(
                          `${row.path}: ${String(row.value)}${row.legacy ? ` (${row.legacy}: ${String(row.value)})` : ''}`,
                      ),
                  };
        case 'absent':
            return at(config, row.path) === undefined
                ? undefined
                : {
                      key: row.path,
                      message: HARDENED_KEY_PROBLEMS[row.path],
                      fix: { de: `${row.path} entfernen`, en: `remove ${row.path}` },
                  };
        case 'buttonList': {
            const list = at(config, row.path);
            const shown = Array.isArray(list)
                ? row.without.filter(button => (list as unknown[]).flat().includes(button))
                : [];

            return shown.length === 0
                ? undefined
                : {
                      key: row.path,
                      message: HARDENED_KEY_PROBLEMS[row.path],
                      fix: {
                          de: `${shown.map(b => `'${b}'`).join(' und ')} aus ${row.path} entfernen`,
                          en: `remove ${shown.map(b => `'${b}'`).join(' and ')} from ${row.path}`,
                      },
                  };
        }
        case 'notifyClick': {
            const prevented = preventedKeys(at(config, row.path));
            const missing = row.keys.filter(key => !prevented.has(key));

            return missing.length === 0
                ? undefined
                : {
                      key: row.path,
                      message: {
                          de: `${HARDENED_KEY_PROBLEMS[row.path].de} Es fehlt: ${missing.join(', ')}.`,
                          en: `${HARDENED_KEY_PROBLEMS[row.path].en} Missing: ${missing.join(', ')}.`,
                      },
                      fix: both(`${row.path}: [${row.keys.map(key => `'${key}'`).join(', ')}]`),
                  };
        }
    }
}

function tableFindings(config: Config, rule: RuleId): Finding[] {
    return HARDENED_KEYS.filter(row => row.rule === rule)
        .map(row => tableFinding(config, row))
        .filter((finding): finding is Finding => finding !== undefined);
}

/**
 * Every key of the policy's table (HARDENED_KEYS) that a config does not have as the policy requires,
 * read the way jitsi-meet reads it. Empty when the config is hardened. Also used on the config a
 * running jitsi-meet ended with (tools/verify).
 */
export function hardenedKeyFindings(config: Config): Finding[] {
    return HARDENED_KEYS.map(row => tableFinding(config, row)).filter(
        (finding): finding is Finding => finding !== undefined,
    );
}

function notEnforceable(de: string, en: string): Finding[] {
    return [find('—', de, en)];
}

/** The host of a URL-like string (`https://h/…`, `wss://h`, `stun:h:3478`, `//h/…`), or undefined. */
function hostOf(value: string): string | undefined {
    const match = /^(?:(https?|wss?|stuns?|turns?):)?(?:\/\/)?([^/:?#\s]+)/i.exec(value);

    return match && (match[1] || value.startsWith('//')) ? match[2]?.toLowerCase() : undefined;
}

/**
 * Whether a host is the deployment's own: the Jitsi domain itself, a name below it, or a sibling
 * below the same parent (stun.example.org beside meet.example.org). A bare parent (example.org) or
 * a top-level domain is not: it is somebody else's as much as ours.
 */
function ownHost(host: string, domain: unknown): boolean {
    if (typeof domain !== 'string' || !domain) {
        return false;
    }
    const own = domain.toLowerCase();
    const parent = own.split('.').slice(1).join('.');

    return (
        host === own ||
        host.endsWith(`.${own}`) ||
        (parent.includes('.') && host.endsWith(`.${parent}`) && host.split('.').length >= own.split('.').length)
    );
}

/** Every string in the config that is an address the browser will contact, with its key path. */
function addresses(value: unknown, path: string, out: [string, string][]): [string, string][] {
    if (typeof value === 'string') {
        if (/^(https?|wss?|stuns?|turns?):/i.test(value) || /^\/\/[^/]/.test(value)) {
            out.push([path, value]);
        }
    } else if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => addresses(item, `${path}[${i}]`, out));
    } else if (typeof value === 'object' && value !== null) {
        Object.entries(value).forEach(([key, item]) => addresses(item, path ? `${path}.${key}` : key, out));
    }

    return out;
}

/** Links the portal shows people (not requests the browser makes by itself). */
const LINKS_NOT_REQUESTS = new Set([
    'schoolPolicy.termsUrl',
    'schoolPolicy.misuseContact',
    'schoolPolicy.privacyUrl',
    'schoolPolicy.websiteUrl',
]);

/** How each identity setting should look, for the fix of a finding. */
const IDENTITY_FIX: Readonly<Record<IdentityKey, string>> = {
    centreName: "centreName: 'Kreismedienzentrum …'",
    logoUrl: "logoUrl: '/libs/school-policy/logo.svg'",
    colour: "colour: '#1d5c8a'",
    misuseContact: "misuseContact: 'mailto:…'",
    termsUrl: "termsUrl: 'https://…'",
    privacyUrl: "privacyUrl: 'https://…'",
    websiteUrl: "websiteUrl: 'https://…'",
};

/**
 * The media centre's identity (policy/centreIdentity.ts, read as every host reads it): a finding for
 * each of the given settings that is set wrongly (then no host uses it), or missing where `required`.
 */
function identityFindings(config: Config, keys: readonly IdentityKey[], required: readonly IdentityKey[]): Finding[] {
    const { invalid, missing } = readCentreIdentity(at(config, 'schoolPolicy'));

    return keys.flatMap(key => {
        const fix = both(`schoolPolicy: { ${IDENTITY_FIX[key]} }`);

        if (invalid.includes(key)) {
            return [
                find(
                    `schoolPolicy.${key}`,
                    'Ungültig, daher nirgends verwendet (Portal, Meeting, Briefe, Einladungen, Branding-Dateien).',
                    'Invalid, so used nowhere (portal, meeting, letters, invitations, branding files).',
                    fix,
                ),
            ];
        }
        if (missing.includes(key) && required.includes(key)) {
            return [find(`schoolPolicy.${key}`, 'Nicht gesetzt.', 'Not set.', fix)];
        }

        return [];
    });
}

type Check = (config: Config, interfaceConfig: Config | null) => Finding[] | { notEnforceable: Finding[] };

const CHECKS: Readonly<Record<RuleId, Check>> = {
    R1: config => {
        // The terms of use must at least be linked (portal, prejoin screen, invitations, letters).
        const terms = identityFindings(config, ['termsUrl'], ['termsUrl']);

        return terms.length > 0
            ? terms
            : {
                  notEnforceable: notEnforceable(
                      'Wofür ein Meeting genutzt wird, kann keine Konfiguration prüfen; das Portal lässt Lehrkräfte es bestätigen.',
                      'No configuration can check what a meeting is used for; the portal has teachers confirm it.',
                  ),
              };
    },
    R2: config => {
        const findings: Finding[] = [];
        const guests = at(config, 'hosts.anonymousdomain');

        if ((typeof guests !== 'string' || !guests) && !at(config, 'tokenAuthUrl')) {
            findings.push(
                find(
                    'hosts.anonymousdomain',
                    'Keine Gast-Domain: Ohne „Secure Domain“ (oder Token-Anmeldung) kann jede Person Meetings starten.',
                    'No guest domain: without a secure domain (or token log-in) anyone can start meetings.',
                    {
                        de: "hosts: { anonymousdomain: 'guest.meet.example.org' } und die Prosody-Einrichtung aus deploy/prosody/README.md",
                        en: "hosts: { anonymousdomain: 'guest.meet.example.org' } and the Prosody set-up in deploy/prosody/README.md",
                    },
                    DSK_AND_BSI,
                ),
            );
        }
        if (at(config, 'conferenceRequestUrl')) {
            findings.push(
                find(
                    'conferenceRequestUrl',
                    'Konferenzanfragen gehen per HTTP an Jicofo, an Prosody vorbei: mod_school_policy erkennt dann keine Lehrkraft, die sich im Anmeldedialog anmeldet.',
                    'Conference requests go to Jicofo over HTTP, past Prosody: mod_school_policy then recognises no teacher who logs in through the log-in dialog.',
                    { de: 'conferenceRequestUrl entfernen', en: 'remove conferenceRequestUrl' },
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
        const findings = tableFindings(config, 'R4');

        if (interfaceConfig && interfaceConfig.RECENT_LIST_ENABLED !== false) {
            findings.push(
                find(
                    'interfaceConfig.RECENT_LIST_ENABLED',
                    'Die Liste zuletzt besuchter Räume ist an.',
                    'The list of recent rooms is on.',
                    both('RECENT_LIST_ENABLED: false'),
                ),
            );
        }

        return findings;
    },
    R5: config => {
        const contact = readCentreIdentity(at(config, 'schoolPolicy')).identity.misuseContact;

        // Who runs the service and whom to tell: the name, the contact, and the rest of the identity
        // where it is set wrongly (the logo, the colour and the website are optional).
        return [
            ...(contact
                ? []
                : [
                      find(
                          'schoolPolicy.misuseContact',
                          'Keine gültige Adresse für Missbrauchsmeldungen: Portal und Meeting können „Missbrauch melden“ nicht anbieten.',
                          'No valid address for misuse reports: the portal and the meeting cannot offer "Report misuse".',
                          both("schoolPolicy: { misuseContact: 'mailto:…' }"),
                      ),
                  ]),
            ...identityFindings(config, ['centreName', 'logoUrl', 'colour', 'websiteUrl'], ['centreName']),
        ];
    },
    R6: () => ({
        notEnforceable: notEnforceable(
            'config.js kann kein Passwort erzwingen: Das tun mod_school_policy auf dem Server und das Portal bzw. der Fork-Build.',
            'config.js cannot require a password: mod_school_policy on the server and the portal or fork build do.',
        ),
    }),
    R7: config => tableFindings(config, 'R7'),
    R8: config => tableFindings(config, 'R8'),
    R9: config => tableFindings(config, 'R9'),
    R10: (config, interfaceConfig) => {
        const findings: Finding[] = tableFindings(config, 'R10').map(finding => ({
            ...finding,
            guidance: DSK_AND_BSI,
        }));
        const domain = at(config, 'hosts.domain');
        const all = addresses(config, '', []).filter(([path]) => !LINKS_NOT_REQUESTS.has(path));
        const foreign = all.filter(([, url]) => {
            const host = hostOf(url);

            return host !== undefined && !ownHost(host, domain);
        });
        const plain = all.filter(([, url]) => /^(http|ws):/i.test(url));

        if (foreign.length > 0) {
            const list = foreign.map(([path, url]) => `${path} = ${url}`).join(', ');
            const stun = foreign.some(([path]) => path.startsWith('p2p.stunServers'));

            findings.push(
                find(
                    stun ? 'p2p.stunServers' : (foreign[0]?.[0] ?? ''),
                    `Anfragen an Dritte (eigene STUN/TURN-Server und Dienste verwenden): ${list}.`,
                    `Requests to third parties (use your own STUN/TURN servers and services): ${list}.`,
                    both("p2p: { stunServers: [{ urls: 'stun:meet.example.org:3478' }] }"),
                    DSK_AND_BSI,
                ),
            );
        }
        if (plain.length > 0) {
            const list = plain.map(([path, url]) => `${path} = ${url}`).join(', ');

            findings.push(
                find(
                    plain[0]?.[0] ?? '',
                    `Unverschlüsselte Adressen (nur https:// und wss:// verwenden): ${list}.`,
                    `Unencrypted addresses (use https:// and wss:// only): ${list}.`,
                    undefined,
                    BSI,
                ),
            );
        }
        // The watermark shows the media centre's logo (its branding file), linked to its website; only
        // Jitsi's own link (jitsi-meet's default https://jitsi.org) leads to a third party.
        const configuredLink = interfaceConfig?.JITSI_WATERMARK_LINK ?? 'https://jitsi.org';
        const watermarkLink = typeof configuredLink === 'string' ? configuredLink : '';
        const watermarkHost = watermarkLink ? hostOf(watermarkLink) : undefined;

        if (
            interfaceConfig &&
            interfaceConfig.SHOW_JITSI_WATERMARK !== false &&
            watermarkHost !== undefined &&
            !ownHost(watermarkHost, domain)
        ) {
            findings.push(
                find(
                    'interfaceConfig.SHOW_JITSI_WATERMARK',
                    `Das Wasserzeichen verlinkt auf einen Dritten (${watermarkLink}).`,
                    `The watermark links to a third party (${watermarkLink}).`,
                    {
                        de: "JITSI_WATERMARK_LINK: '' (das Logo des Medienzentrums führt zu schoolPolicy.websiteUrl) oder SHOW_JITSI_WATERMARK: false",
                        en: "JITSI_WATERMARK_LINK: '' (the media centre's logo leads to schoolPolicy.websiteUrl) or SHOW_JITSI_WATERMARK: false",
                    },
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
