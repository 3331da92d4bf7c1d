/** What the accounts tool tells the admin, in German and English. */
import type { Lang } from '../../react/features/school-policy/rules';

type Params = Readonly<Record<string, string | number>>;

const MESSAGES = {
    usage: {
        de:
            'Aufruf: jitsi-school-policy accounts <Befehl> [--reason "<Grund>"] [--settings <Datei>] [--lang de|en]\n' +
            '  add <schul-id> --name "<Name der Schule>"   Zugang anlegen, Zugangsbrief schreiben\n' +
            '  rotate <schul-id>                            neues Passwort, neuer Brief\n' +
            '  block <schul-id> --reason "<Grund>"          Zugang sperren, Sitzungen beenden\n' +
            '  unblock <schul-id>                           Sperre aufheben\n' +
            '  list [--json]                                alle Schulen\n' +
            '  report --since <JJJJ-MM-TT> [--json]         Zählungen je Schule und Tag\n' +
            '  import <register.json>                       Register eines Servers in die gemeinsame Datenbank übernehmen',
        en:
            'Usage: jitsi-school-policy accounts <command> [--reason "<why>"] [--settings <file>] [--lang de|en]\n' +
            '  add <school-id> --name "<school name>"       create the account, write the credential letter\n' +
            '  rotate <school-id>                           new password, new letter\n' +
            '  block <school-id> --reason "<reason>"        block the account, end its sessions\n' +
            '  unblock <school-id>                          lift the block\n' +
            '  list [--json]                                all schools\n' +
            '  report --since <YYYY-MM-DD> [--json]         counts per school and day\n' +
            "  import <register.json>                       take a server's register over into the shared database",
    },
    settingsMissing: {
        de: 'Die Einstellungsdatei {path} fehlt oder ist nicht lesbar. Vorlage: deploy/prosody/README.md, Abschnitt „Schulzugänge“.',
        en: 'The settings file {path} is missing or unreadable. Template: deploy/prosody/README.md, section "School accounts".',
    },
    settingsInvalid: {
        de: 'Die Einstellungsdatei {path} ist fehlerhaft: {detail}.',
        en: 'The settings file {path} is invalid: {detail}.',
    },
    badId: {
        de: '„{id}“ ist keine gültige Schul-ID: erlaubt sind Kleinbuchstaben a–z, Ziffern und Bindestriche (2–63 Zeichen, nicht am Anfang oder Ende), z. B. gs-nord.',
        en: '"{id}" is not a valid school id: use lower-case letters a–z, digits and hyphens (2–63 characters, not first or last), e.g. gs-nord.',
    },
    needName: {
        de: 'Bitte den Namen der Schule angeben: --name "Grundschule Nord".',
        en: 'Please give the school\'s name: --name "Grundschule Nord".',
    },
    needReason: {
        de: 'Bitte einen Grund für die Sperre angeben: --reason "…" (er steht im Protokoll).',
        en: 'Please give a reason for the block: --reason "…" (it goes into the audit log).',
    },
    badSince: {
        de: 'Bitte ein Datum angeben: --since JJJJ-MM-TT.',
        en: 'Please give a date: --since YYYY-MM-DD.',
    },
    unknownSchool: {
        de: 'Die Schule „{id}“ gibt es nicht. `accounts list` zeigt alle Schulen.',
        en: 'There is no school "{id}". `accounts list` shows all schools.',
    },
    duplicate: {
        de: 'Die Schule „{id}“ gibt es schon. Für neue Zugangsdaten: `accounts rotate {id}`.',
        en: 'The school "{id}" exists already. For new access data: `accounts rotate {id}`.',
    },
    existsOnServer: {
        de: 'Auf dem Server gibt es das Konto {jid} schon, im Register aber nicht. Nichts wurde geändert; bitte prüfen (prosodyctl).',
        en: 'The server already has the account {jid}, but the register does not. Nothing was changed; please check (prosodyctl).',
    },
    alreadyBlocked: {
        de: 'Die Schule „{id}“ ist schon gesperrt ({reason}).',
        en: 'The school "{id}" is blocked already ({reason}).',
    },
    notBlocked: {
        de: 'Die Schule „{id}“ ist nicht gesperrt.',
        en: 'The school "{id}" is not blocked.',
    },
    unreachable: {
        de: 'Prosody ist nicht erreichbar ({detail}). Läuft der Server, ist mod_admin_shell geladen, und darf dieser Benutzer die Admin-Schnittstelle nutzen? Nichts wurde geändert.',
        en: 'Prosody is not reachable ({detail}). Is the server running, is mod_admin_shell loaded, and may this user use its admin socket? Nothing was changed.',
    },
    refused: {
        de: 'Prosody hat abgelehnt: {detail}. Nichts wurde geändert.',
        en: 'Prosody refused: {detail}. Nothing was changed.',
    },
    notWritable: {
        de: '{what} {path} ist nicht beschreibbar ({detail}). Nichts wurde geändert.',
        en: '{what} {path} is not writable ({detail}). Nothing was changed.',
    },
    registerUnreadable: {
        de: 'Das Register {path} ist nicht lesbar ({detail}). Nichts wurde geändert.',
        en: 'The register {path} is unreadable ({detail}). Nothing was changed.',
    },
    rolledBack: {
        de: 'Das Register konnte nicht geschrieben werden ({detail}); das Konto wurde wieder entfernt.',
        en: 'The register could not be written ({detail}); the account was removed again.',
    },
    added: {
        de: 'Schule „{id}“ angelegt. Zugangsbrief: {letter}\nDas Passwort steht nur im Brief: ausdrucken, dann die Datei löschen.',
        en: 'School "{id}" added. Credential letter: {letter}\nThe password is only in the letter: print it, then delete the file.',
    },
    rotated: {
        de: 'Neue Zugangsdaten für „{id}“; offene Sitzungen mit den alten sind beendet. Zugangsbrief: {letter}',
        en: 'New access data for "{id}"; open sessions with the old ones are ended. Credential letter: {letter}',
    },
    blockedNotConfirmed: {
        de: 'Schule „{id}“ ist im Register gesperrt: Prosody lässt keine neue Anmeldung mehr zu und beendet offene Sitzungen, sobald es das Register liest. Die Admin-Schnittstelle war nicht erreichbar ({detail}); bitte prüfen, ob Prosody läuft.',
        en: 'School "{id}" is blocked in the register: Prosody allows no new login and ends open sessions as soon as it reads the register. Its admin socket was not reachable ({detail}); please check that Prosody is running.',
    },
    rotatedRegisterFailed: {
        de: 'Das Passwort von „{id}“ ist auf dem Server geändert (Brief: {letter}), aber das Register konnte nicht geschrieben werden ({detail}). Sitzungen, die Jicofo mit den alten Zugangsdaten bestätigt hat, laufen weiter: bitte das Register reparieren und `rotate` wiederholen.',
        en: 'The password of "{id}" is changed on the server (letter: {letter}), but the register could not be written ({detail}). Sessions Jicofo confirmed with the old access data go on: please repair the register and run `rotate` again.',
    },
    blocked: {
        de: 'Schule „{id}“ gesperrt; {sessions} offene Sitzung(en) beendet.',
        en: 'School "{id}" blocked; {sessions} open session(s) ended.',
    },
    unblocked: {
        de: 'Sperre für „{id}“ aufgehoben.',
        en: 'Block on "{id}" lifted.',
    },
    storeUnreachable: {
        de: 'Die gemeinsame Datenbank ist nicht erreichbar ({detail}). Nichts wurde geändert.',
        en: 'The shared database is not reachable ({detail}). Nothing was changed.',
    },
    storeNotReady: {
        de: 'In der gemeinsamen Datenbank fehlen Prosodys Tabellen ({detail}): Prosody muss einmal mit storage = "sql" gelaufen sein (deploy/prosody/README.md, Abschnitt 7). Nichts wurde geändert.',
        en: 'The shared database lacks Prosody\'s tables ({detail}): Prosody must have run once with storage = "sql" (deploy/prosody/README.md, section 7). Nothing was changed.',
    },
    storeFailed: {
        de: 'Die gemeinsame Datenbank hat die Änderung abgelehnt ({detail}). Nichts wurde geändert.',
        en: 'The shared database refused the change ({detail}). Nothing was changed.',
    },
    blockedShared: {
        de: 'Schule „{id}“ gesperrt. Jeder Server lässt ab sofort keine Anmeldung mehr zu und beendet offene Sitzungen innerhalb von {seconds} Sekunden.',
        en: 'School "{id}" blocked. Every server allows no login from now on and ends open sessions within {seconds} seconds.',
    },
    rotatedShared: {
        de: 'Neue Zugangsdaten für „{id}“; jeder Server beendet Sitzungen mit den alten innerhalb von {seconds} Sekunden. Zugangsbrief: {letter}',
        en: 'New access data for "{id}"; every server ends sessions with the old ones within {seconds} seconds. Credential letter: {letter}',
    },
    needStore: {
        de: '`{command}` arbeitet nur mit der gemeinsamen Datenbank (Einstellung "store", deploy/prosody/README.md, Abschnitt 7).',
        en: '`{command}` works only with the shared database (setting "store", deploy/prosody/README.md, section 7).',
    },
    imported: {
        de: '{count} Schule(n) aus {path} in die gemeinsame Datenbank übernommen (schon vorhandene blieben, wie sie waren).',
        en: '{count} school(s) taken over from {path} into the shared database (those already there were left as they were).',
    },
    noSchools: { de: 'Noch keine Schulen.', en: 'No schools yet.' },
    listHeader: {
        de: 'Schule\tStatus\tAngelegt\tZuletzt erneuert\tLetzte Anmeldung\tName',
        en: 'School\tStatus\tCreated\tLast rotated\tLast login\tName',
    },
    active: { de: 'aktiv', en: 'active' },
    blockedStatus: { de: 'gesperrt: {reason}', en: 'blocked: {reason}' },
    never: { de: 'nie', en: 'never' },
    reportHeader: {
        de: 'Tag\tSchule\tAnmeldungen\tRäume geöffnet\tHöchstens gleichzeitig\tAußerhalb der Schulzeit',
        en: 'Day\tSchool\tLogins\tRooms opened\tMost at once\tOutside school hours',
    },
    reportSkipped: {
        de: '{count} Zeile(n) der Zählungsdatei waren unlesbar und wurden übersprungen.',
        en: '{count} line(s) of the usage file were unreadable and were skipped.',
    },
    nothingToReport: { de: 'Keine Ereignisse seit {since}.', en: 'No events since {since}.' },
    registerFile: { de: 'Das Register', en: 'The register' },
    auditFile: { de: 'Das Protokoll', en: 'The audit log' },
    lettersDir: { de: 'Der Ordner für Zugangsbriefe', en: 'The folder for credential letters' },
} as const;

/** A message key. */
export type MessageKey = keyof typeof MESSAGES;

/** The message in the language, with `{name}` placeholders filled. */
export function message(lang: Lang, key: MessageKey, params: Params = {}): string {
    return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
    );
}
