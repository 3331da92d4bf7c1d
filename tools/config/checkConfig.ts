/**
 * `jitsi-school-policy check-config <file or URL>`: reads a deployment's config.js safely (see
 * evaluateConfig.ts), audits it rule by rule (audit.ts) and prints the result, or JSON with
 * `--json`. Exit codes are distinct so that monitoring can tell a bad config from a bad input.
 */
import { readFile, stat } from 'node:fs/promises';

import type { Lang } from '../../react/features/school-policy';

import { auditConfig, type RuleReport } from './audit';
import { DEFAULT_MAX_BYTES, evaluateConfig, type ConfigLoadError } from './evaluateConfig';

/** Exit codes of the command. */
export const EXIT = {
    ok: 0,
    violations: 1,
    usage: 2,
    unreadable: 3,
    tooLarge: 4,
    syntax: 5,
    notAConfig: 6,
    timeout: 7,
    runtime: 8,
} as const;

/** Where the command writes. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

type ReadError =
    | 'notFound'
    | 'noAnswer'
    | 'unreachable'
    | 'httpError'
    | 'foreignRedirect'
    | 'tooManyRedirects'
    | 'tooLarge'
    | 'badUrl';

class ReadFailure extends Error {
    constructor(
        readonly reason: ReadError,
        readonly detail: string,
    ) {
        super(detail);
    }
}

const TEXT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
    de: {
        usage: 'Aufruf: jitsi-school-policy check-config <Datei oder URL> [--interface <Datei oder URL>] [--json] [--lang de|en]',
        notFound: 'Die Datei gibt es nicht: {detail}',
        unreachable: 'Die Adresse ist nicht erreichbar: {detail}',
        noAnswer: 'Der Server antwortet nicht (Zeitlimit): {detail}',
        httpError: 'Der Server antwortet mit einem Fehler: {detail}',
        foreignRedirect: 'Die Adresse leitet auf einen anderen Server um; das wird nicht befolgt: {detail}',
        tooManyRedirects: 'Zu viele Umleitungen: {detail}',
        tooLarge: 'Die Datei ist zu groß für eine config.js: {detail}',
        badUrl: 'Nur https- oder http-Adressen werden gelesen: {detail}',
        syntax: 'Die Datei ist kein gültiges JavaScript: {detail}',
        notAConfig: 'Die Datei ist keine config.js: {detail}',
        timeout: 'Die Datei läuft endlos und wurde abgebrochen: {detail}',
        runtime: 'Die Datei bricht beim Ausführen ab: {detail}',
        ok: 'in Ordnung',
        violation: 'VERSTOSS',
        notEnforceable: 'nicht per Konfiguration durchsetzbar',
        fix: 'Abhilfe',
        summaryOk: 'Keine Verstöße.',
        summaryBad: '{count} Regel(n) mit Verstößen.',
    },
    en: {
        usage: 'Usage: jitsi-school-policy check-config <file or URL> [--interface <file or URL>] [--json] [--lang de|en]',
        notFound: 'No such file: {detail}',
        unreachable: 'The address cannot be reached: {detail}',
        noAnswer: 'The server does not answer (time limit): {detail}',
        httpError: 'The server answers with an error: {detail}',
        foreignRedirect: 'The address redirects to another host; not followed: {detail}',
        tooManyRedirects: 'Too many redirects: {detail}',
        tooLarge: 'The file is too large for a config.js: {detail}',
        badUrl: 'Only https or http addresses are read: {detail}',
        syntax: 'The file is not valid JavaScript: {detail}',
        notAConfig: 'The file is not a config.js: {detail}',
        timeout: 'The file runs forever and was stopped: {detail}',
        runtime: 'The file fails while running: {detail}',
        ok: 'ok',
        violation: 'VIOLATION',
        notEnforceable: 'not enforceable in config',
        fix: 'fix',
        summaryOk: 'No violations.',
        summaryBad: '{count} rule(s) with violations.',
    },
};

const READ_EXIT: Readonly<Record<ReadError, number>> = {
    notFound: EXIT.unreadable,
    noAnswer: EXIT.unreadable,
    unreachable: EXIT.unreadable,
    httpError: EXIT.unreadable,
    foreignRedirect: EXIT.unreadable,
    tooManyRedirects: EXIT.unreadable,
    badUrl: EXIT.unreadable,
    tooLarge: EXIT.tooLarge,
};

const LOAD_EXIT: Readonly<Record<ConfigLoadError, number>> = {
    tooLarge: EXIT.tooLarge,
    syntax: EXIT.syntax,
    notAConfig: EXIT.notAConfig,
    timeout: EXIT.timeout,
    runtime: EXIT.runtime,
};

/** Reads a URL: same host only, bounded in size and time. */
async function readUrl(source: string, maxBytes: number, timeoutMs: number): Promise<string> {
    let url: URL;

    try {
        url = new URL(source);
    } catch {
        throw new ReadFailure('badUrl', source);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ReadFailure('badUrl', source);
    }
    const host = url.host;

    for (let hop = 0; hop <= 3; hop += 1) {
        const abort = new AbortController();
        const timer = setTimeout(() => abort.abort(), timeoutMs);

        try {
            let response: Response;

            try {
                response = await fetch(url, { redirect: 'manual', signal: abort.signal });
            } catch (error) {
                if (abort.signal.aborted) {
                    throw new ReadFailure('noAnswer', `${url.href}: ${timeoutMs} ms`);
                }
                throw new ReadFailure(
                    'unreachable',
                    `${url.href} (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`,
                );
            }
            if (response.status >= 300 && response.status < 400) {
                const next = new URL(response.headers.get('location') ?? '', url);

                if (next.host !== host) {
                    throw new ReadFailure('foreignRedirect', `${url.href} → ${next.href}`);
                }
                url = next;
                continue;
            }
            if (!response.ok || !response.body) {
                throw new ReadFailure('httpError', `${url.href}: HTTP ${response.status}`);
            }
            const declared = Number(response.headers.get('content-length') ?? 0);

            if (declared > maxBytes) {
                throw new ReadFailure('tooLarge', `${declared} bytes`);
            }
            const chunks: Uint8Array[] = [];
            let size = 0;

            for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
                size += chunk.length;
                if (size > maxBytes) {
                    abort.abort();
                    throw new ReadFailure('tooLarge', `more than ${maxBytes} bytes`);
                }
                chunks.push(chunk);
            }

            return Buffer.concat(chunks).toString('utf8');
        } catch (error) {
            if (error instanceof ReadFailure) {
                throw error;
            }
            throw abort.signal.aborted
                ? new ReadFailure('noAnswer', `${url.href}: ${timeoutMs} ms`)
                : new ReadFailure('unreachable', `${url.href} (${String(error)})`);
        } finally {
            clearTimeout(timer);
        }
    }
    throw new ReadFailure('tooManyRedirects', source);
}

async function readSource(source: string, maxBytes: number, timeoutMs: number): Promise<string> {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
        return readUrl(source, maxBytes, timeoutMs);
    }
    try {
        const info = await stat(source);

        if (info.size > maxBytes) {
            throw new ReadFailure('tooLarge', `${info.size} bytes; at most ${maxBytes}`);
        }

        return await readFile(source, 'utf8');
    } catch (error) {
        if (error instanceof ReadFailure) {
            throw error;
        }
        throw new ReadFailure('notFound', source);
    }
}

function fill(template: string, params: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

function render(reports: readonly RuleReport[], lang: Lang, source: string): string {
    const t = TEXT[lang];
    const lines = [`check-config: ${source}`, ''];

    for (const report of reports) {
        lines.push(`${report.rule.padEnd(4)} ${report.title[lang]}: ${t[report.status] ?? report.status}`);
        for (const finding of report.findings) {
            if (report.status === 'violation') {
                lines.push(`     - ${finding.key}: ${finding.message[lang]}`);
                if (finding.fix) {
                    lines.push(`       ${t.fix}: ${finding.fix}`);
                }
            } else {
                lines.push(`     ${finding.message[lang]}`);
            }
        }
    }
    const bad = reports.filter(report => report.status === 'violation').length;

    lines.push('', bad === 0 ? (t.summaryOk ?? '') : fill(t.summaryBad ?? '', { count: bad }));

    return `${lines.join('\n')}\n`;
}

/** Runs the command with its arguments (without `check-config`). Returns the exit code. */
export async function runCheckConfig(
    args: readonly string[],
    io: Io,
    limits: { maxBytes?: number; timeoutMs?: number; fetchTimeoutMs?: number } = {},
): Promise<number> {
    const langIndex = args.indexOf('--lang');
    const langArg = langIndex >= 0 ? args[langIndex + 1] : undefined;
    const lang: Lang = langArg === 'en' ? 'en' : 'de';
    const json = args.includes('--json');
    const interfaceIndex = args.indexOf('--interface');
    const interfaceSource = interfaceIndex >= 0 ? args[interfaceIndex + 1] : undefined;
    const skip = new Set([langIndex, interfaceIndex].filter(i => i >= 0).flatMap(i => [i, i + 1]));
    const positional = args.filter((arg, i) => !skip.has(i) && !arg.startsWith('--'));
    const t = TEXT[lang];
    const fail = (code: number, key: string, detail: string) => {
        const message = fill(t[key] ?? key, { detail });

        io.err(json ? `${JSON.stringify({ ok: false, error: key, message })}\n` : `check-config: ${message}\n`);

        return code;
    };

    if (
        positional.length !== 1 ||
        (langIndex >= 0 && langArg !== 'de' && langArg !== 'en') ||
        (interfaceIndex >= 0 && !interfaceSource)
    ) {
        return fail(EXIT.usage, 'usage', '');
    }
    const source = positional[0] ?? '';
    const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    let text: string;
    let interfaceText: string | undefined;

    try {
        text = await readSource(source, maxBytes, limits.fetchTimeoutMs ?? 10000);
        interfaceText = interfaceSource
            ? await readSource(interfaceSource, maxBytes, limits.fetchTimeoutMs ?? 10000)
            : undefined;
    } catch (error) {
        if (error instanceof ReadFailure) {
            return fail(READ_EXIT[error.reason], error.reason, error.detail);
        }
        throw error;
    }
    const loaded = evaluateConfig(text, { maxBytes, timeoutMs: limits.timeoutMs }, interfaceText);

    if (!loaded.ok) {
        return fail(LOAD_EXIT[loaded.error], loaded.error, loaded.detail);
    }
    const reports = auditConfig(loaded.config, interfaceText === undefined ? null : (loaded.interfaceConfig ?? {}));
    const violations = reports.some(report => report.status === 'violation');

    io.out(
        json
            ? `${JSON.stringify({ ok: !violations, source, rules: reports }, null, 2)}\n`
            : render(reports, lang, source),
    );

    return violations ? EXIT.violations : EXIT.ok;
}
