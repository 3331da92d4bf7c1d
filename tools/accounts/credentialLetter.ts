/**
 * The credential letter for the head of school: a printable page with the school's access data,
 * the rules of use as teachers must know them (R1–R10 from the rule catalogue), what to do on
 * misuse, the date and room to sign. German first, English after. The only place the password is
 * ever shown: the tool keeps no copy.
 */
import { readableContact } from '../../react/features/school-policy/policy/centreIdentity';
import { RULES, type Lang } from '../../react/features/school-policy/rules';

/** What one letter says. */
export interface LetterFacts {
    readonly schoolId: string;
    readonly schoolName: string;
    /** The login name teachers type into jitsi-meet's login dialog (the account on the teacher domain). */
    readonly login: string;
    readonly password: string;
    /** Where teachers start meetings (the portal or the Jitsi address). */
    readonly address: string;
    readonly centreName: string;
    /** `schoolPolicy.misuseContact` from config.js (mailto: or https:). */
    readonly misuseContact: string;
    /** `schoolPolicy.termsUrl` from config.js, when published. */
    readonly termsUrl?: string | null;
    /** The day the letter was made, e.g. 2026-12-01. */
    readonly date: string;
    /** Why this letter exists: a new account or new access data. */
    readonly occasion: 'new' | 'rotated';
}

const escape = (text: string) => text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`);

/** A safe link target: only mailto: and https: are ever linked. */
function safeHref(contact: string): string | undefined {
    return /^(mailto:|https:\/\/)/i.test(contact) ? contact : undefined;
}

const TEXT = {
    de: {
        title: 'Zugangsdaten für Jitsi Meet',
        occasion: { new: 'Neuer Zugang', rotated: 'Neue Zugangsdaten (die bisherigen gelten nicht mehr)' },
        forSchool: 'für die Schule',
        confidential:
            'Vertraulich: nur für Lehrkräfte dieser Schule. Geben Sie diese Zugangsdaten niemals an Schülerinnen und Schüler weiter.',
        access: 'Zugangsdaten',
        address: 'Adresse',
        login: 'Benutzername',
        password: 'Passwort',
        rules: 'Regeln für Lehrkräfte',
        terms: 'Die vollständige Nutzungsordnung:',
        misuse: 'Bei Missbrauch',
        misuseText:
            'Wenn Sie vermuten, dass die Zugangsdaten in falsche Hände geraten sind, melden Sie es sofort dem Medienzentrum. Der Zugang wird dann gesperrt und Sie erhalten neue Zugangsdaten.',
        received: 'Erhalten am',
        signature: 'Unterschrift der Schulleitung',
        date: 'Datum',
    },
    en: {
        title: 'Access data for Jitsi Meet',
        occasion: { new: 'New access', rotated: 'New access data (the previous ones no longer work)' },
        forSchool: 'for the school',
        confidential: 'Confidential: for teachers of this school only. Never pass these access data on to students.',
        access: 'Access data',
        address: 'Address',
        login: 'User name',
        password: 'Password',
        rules: 'Rules for teachers',
        terms: 'The full terms of use:',
        misuse: 'In case of misuse',
        misuseText:
            'If you suspect that the access data have reached the wrong people, tell the media centre at once. The access is then blocked and you receive new access data.',
        received: 'Received on',
        signature: "Head of school's signature",
        date: 'Date',
    },
} as const;

/** The day as people write it: "1. Dezember 2026", "1 December 2026". */
function longDate(day: string, lang: Lang): string {
    const date = new Date(`${day}T12:00:00Z`);

    return Number.isNaN(date.getTime())
        ? day
        : date.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
          });
}

function section(lang: Lang, facts: LetterFacts): string {
    const t = TEXT[lang];
    const href = safeHref(facts.misuseContact);
    const contact = escape(readableContact(facts.misuseContact));
    const terms = facts.termsUrl && /^https:\/\//i.test(facts.termsUrl) ? facts.termsUrl : undefined;

    return `
<section lang="${lang}" class="letter">
  <p class="centre">${escape(facts.centreName)}</p>
  <h${lang === 'de' ? 1 : 2}>${t.title}</h${lang === 'de' ? 1 : 2}>
  <p class="occasion">${t.occasion[facts.occasion]} ${t.forSchool} <strong>${escape(facts.schoolName)}</strong> (${escape(facts.schoolId)}) · ${t.date}: ${escape(longDate(facts.date, lang))}</p>
  <p class="confidential">${t.confidential}</p>
  <h${lang === 'de' ? 2 : 3}>${t.access}</h${lang === 'de' ? 2 : 3}>
  <dl class="access">
    <dt>${t.address}</dt><dd>${escape(facts.address)}</dd>
    <dt>${t.login}</dt><dd class="secret">${escape(facts.login)}</dd>
    <dt>${t.password}</dt><dd class="secret">${escape(facts.password)}</dd>
  </dl>
  <h${lang === 'de' ? 2 : 3}>${t.rules}</h${lang === 'de' ? 2 : 3}>
  <ol class="rules">
    ${RULES.map(rule => `<li><strong>${escape(rule.title[lang])}</strong>: ${escape(rule.text[lang])}</li>`).join('\n    ')}
  </ol>
  ${terms ? `<p>${t.terms} <a href="${escape(terms)}">${escape(terms)}</a></p>` : ''}
  <h${lang === 'de' ? 2 : 3}>${t.misuse}</h${lang === 'de' ? 2 : 3}>
  <p>${t.misuseText} ${href ? `<a href="${escape(href)}">${contact}</a>` : contact}</p>
</section>`;
}

/** The letter as a complete HTML page with print styles. */
export function credentialLetter(facts: LetterFacts): string {
    const de = TEXT.de;

    return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${de.title} – ${escape(facts.schoolName)}</title>
<style>
  @page { size: A4; margin: 18mm 20mm; }
  body { font: 11pt/1.45 system-ui, sans-serif; color: #111; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 18pt; margin: 0.2em 0; }
  h2 { font-size: 13pt; margin: 1.2em 0 0.4em; }
  h3 { font-size: 12pt; margin: 1.2em 0 0.4em; }
  .centre { margin: 0; color: #333; }
  .confidential { border: 2px solid #8a1c1c; color: #8a1c1c; padding: 0.5em 0.8em; font-weight: bold; }
  dl.access { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; }
  dl.access dt { font-weight: bold; }
  dl.access dd { margin: 0; }
  .secret { font: 14pt/1.3 ui-monospace, monospace; letter-spacing: 0.05em; }
  ol.rules li { margin-bottom: 0.3em; }
  a { color: #0b4f9c; }
  .signature { display: grid; grid-template-columns: 1fr 2fr; gap: 2em; margin-top: 3em; }
  .signature p { border-top: 1px solid #111; padding-top: 0.3em; margin: 0; }
  @media print {
    body { margin: 0; max-width: none; }
    section[lang="en"] { break-before: page; }
    a { color: inherit; text-decoration: none; }
  }
</style>
</head>
<body>
<main>
${section('de', facts)}
<div class="signature" lang="de">
  <p>${de.received} / ${TEXT.en.received}</p>
  <p>${de.signature} / ${TEXT.en.signature}</p>
</div>
${section('en', facts)}
</main>
</body>
</html>
`;
}

/**
 * The log-in and password a letter states: what the head of school reads off it. For tests and the
 * fork verification, which set up a school as the media centre does and then log in with its letter.
 */
export function credentialsInLetter(html: string): { readonly login: string; readonly password: string } {
    const secrets = [...html.matchAll(/<dd class="secret">([^<]*)<\/dd>/g)].map(match => match[1] ?? '');

    return { login: secrets[0] ?? '', password: secrets[1] ?? '' };
}
