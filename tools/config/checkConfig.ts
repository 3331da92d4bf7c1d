/**
 * `jitsi-school-policy check-config <file or URL>`: reads a deployment's config.js safely (see
 * evaluateConfig.ts), audits it rule by rule (audit.ts) and prints the result, or JSON with
 * `--json`. Exit codes are distinct so that monitoring can tell a bad config from a bad input and
 * from a fault of the tool itself; with `--json`, stdout always holds one JSON document.
 */
import { open, stat } from 'node:fs/promises';

import type { Lang } from '../../react/features/school-policy';

import { auditConfig, type RuleReport } from './audit';
import { DEFAULT_MAX_BYTES, evaluateConfig, type ConfigLoadError, type EvaluatedConfig } from './evaluateConfig';

/** Exit codes of the command (README: "Checking a deployment's config"). */
export const EXIT = {
    /** Read, evaluated, audited: no violation. */
    ok: 0,
    /** Read, evaluated, audited: at least one rule violated. */
    violations: 1,
    /** The command was called wrongly. */
    usage: 2,
    /** The config could not be read or evaluated (the JSON says why). */
    unreadable: 3,
    /** The tool itself failed: never a verdict on the config. */
    internal: 4,
} as const;

/** Where the command writes. */
export interface Io {
    out(text: string): void;
    err(text: string): void;
}

type ReadError =
    | 'notFound'
    | 'notAFile'
    | 'noPermission'
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
        notAFile: 'Das ist keine gewöhnliche Datei (Verzeichnis, Gerät oder Pipe): {detail}',
        noPermission: 'Die Datei darf nicht gelesen werden: {detail}',
        unreachable: 'Die Adresse ist nicht erreichbar: {detail}',
        noAnswer: 'Der Server antwortet nicht (Zeitlimit): {detail}',
        httpError: 'Der Server antwortet mit einem Fehler: {detail}',
        foreignRedirect: 'Die Adresse leitet auf einen anderen Server um; das wird nicht befolgt: {detail}',
        tooManyRedirects: 'Zu viele Umleitungen: {detail}',
        tooLarge: 'Die Datei ist zu groß für eine config.js: {detail}',
        badUrl: 'Nur https- oder http-Adressen werden gelesen: {detail}',
        syntax: 'Die Datei ist kein gültiges JavaScript ({detail}).',
        notAConfig: 'Die Datei ist keine config.js: Sie legt kein Objekt `config` an.',
        timeout: 'Die Datei läuft endlos und wurde nach {detail} ms abgebrochen.',
        memory: 'Die Datei braucht zu viel Speicher und wurde abgebrochen (höchstens {detail} MiB).',
        runtime: 'Die Datei bricht beim Ausführen ab ({detail}).',
        internal: 'Interner Fehler des Prüfwerkzeugs (kein Urteil über die Datei): {detail}',
        place: '{file}, Zeile {line}',
        bytes: '{bytes} Bytes, höchstens {limit}',
        ok: 'in Ordnung',
        violation: 'VERSTOSS',
        notEnforceable: 'nicht per Konfiguration durchsetzbar',
        fix: 'Abhilfe',
        guidance: 'Grundlage',
        summaryOk: 'Keine Verstöße.',
        summaryBad: '{count} Regel(n) mit Verstößen.',
    },
    en: {
        usage: 'Usage: jitsi-school-policy check-config <file or URL> [--interface <file or URL>] [--json] [--lang de|en]',
        notFound: 'No such file: {detail}',
        notAFile: 'Not a regular file (a directory, device or pipe): {detail}',
        noPermission: 'The file may not be read: {detail}',
        unreachable: 'The address cannot be reached: {detail}',
        noAnswer: 'The server does not answer (time limit): {detail}',
        httpError: 'The server answers with an error: {detail}',
        foreignRedirect: 'The address redirects to another host; not followed: {detail}',
        tooManyRedirects: 'Too many redirects: {detail}',
        tooLarge: 'The file is too large for a config.js: {detail}',
        badUrl: 'Only https or http addresses are read: {detail}',
        syntax: 'The file is not valid JavaScript ({detail}).',
        notAConfig: 'The file is not a config.js: it creates no `config` object.',
        timeout: 'The file runs forever and was stopped after {detail} ms.',
        memory: 'The file needs too much memory and was stopped (at most {detail} MiB).',
        runtime: 'The file fails while running ({detail}).',
        internal: 'Internal error of the checking tool (no verdict on the file): {detail}',
        place: '{file}, line {line}',
        bytes: '{bytes} bytes, at most {limit}',
        ok: 'ok',
        violation: 'VIOLATION',
        notEnforceable: 'not enforceable in config',
        fix: 'fix',
        guidance: 'guidance',
        summaryOk: 'No violations.',
        summaryBad: '{count} rule(s) with violations.',
    },
};

/** The language-neutral facts of a failed evaluation, in words. */
function loadDetail(loaded: Extract<EvaluatedConfig, { ok: false }>, lang: Lang): string {
    const t = TEXT[lang];
    const { bytes, limit, place } = loaded.detail;
    const error: ConfigLoadError = loaded.error;

    if (error === 'tooLarge') {
        return fill(t.bytes ?? '', { bytes: bytes ?? '?', limit: limit ?? '?' });
    }
    if (error === 'memory') {
        return String(Math.round((limit ?? 0) / 1024 / 1024));
    }
    if (error === 'timeout') {
        return String(limit ?? '?');
    }
    if (!place) {
        return '';
    }
    const where = place.line === undefined ? place.file : fill(t.place ?? '', { file: place.file, line: place.line });

    return place.name ? `${place.name}, ${where}` : where;
}

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
                // The system's error code (ECONNREFUSED, ENOTFOUND …), not its English sentence.
                const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;

                throw new ReadFailure(
                    'unreachable',
                    `${url.href}${typeof cause?.code === 'string' ? ` (${cause.code})` : ''}`,
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
                : new ReadFailure('unreachable', url.href);
        } finally {
            clearTimeout(timer);
        }
    }
    throw new ReadFailure('tooManyRedirects', source);
}

/** Reads a local file: regular files only (never a directory, device or pipe), bounded in size. */
async function readLocal(source: string, maxBytes: number): Promise<string> {
    let info: Awaited<ReturnType<typeof stat>>;

    try {
        info = await stat(source);
    } catch (error) {
        const code = (error as { code?: unknown }).code;

        throw new ReadFailure(code === 'EACCES' || code === 'EPERM' ? 'noPermission' : 'notFound', source);
    }
    if (!info.isFile()) {
        throw new ReadFailure('notAFile', source);
    }
    if (info.size > maxBytes) {
        throw new ReadFailure('tooLarge', `${info.size} > ${maxBytes}`);
    }
    let handle: Awaited<ReturnType<typeof open>> | undefined;

    try {
        handle = await open(source, 'r');
        // Read at most one byte more than allowed: a file that grew since stat() is caught too.
        const buffer = Buffer.alloc(maxBytes + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);

        if (bytesRead > maxBytes) {
            throw new ReadFailure('tooLarge', `> ${maxBytes}`);
        }

        return buffer.subarray(0, bytesRead).toString('utf8');
    } catch (error) {
        if (error instanceof ReadFailure) {
            throw error;
        }
        const code = (error as { code?: unknown }).code;

        throw new ReadFailure(code === 'EACCES' || code === 'EPERM' ? 'noPermission' : 'notFound', source);
    } finally {
        await handle?.close();
    }
}

async function readSource(source: string, maxBytes: number, timeoutMs: number): Promise<string> {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? readUrl(source, maxBytes, timeoutMs) : readLocal(source, maxBytes);
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
                    lines.push(`       ${t.fix}: ${finding.fix[lang]}`);
                }
                if (finding.guidance) {
                    lines.push(`       ${t.guidance}: ${finding.guidance[lang]}`);
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

    try {
        return await checkConfig(args, io, limits, lang, json);
    } catch (error) {
        // A fault of the tool: its own exit code, and with --json still one JSON document on stdout.
        return failure(
            io,
            json,
            lang,
            EXIT.internal,
            'internal',
            error instanceof Error ? error.message : String(error),
        );
    }
}

/** Reports a failure: one JSON document on stdout with --json, else a line on stderr. */
function failure(io: Io, json: boolean, lang: Lang, code: number, key: string, detail: string): number {
    const message = fill(TEXT[lang][key] ?? key, { detail });

    if (json) {
        io.out(`${JSON.stringify({ ok: false, exitCode: code, error: key, message })}\n`);
    } else {
        io.err(`check-config: ${message}\n`);
    }

    return code;
}

async function checkConfig(
    args: readonly string[],
    io: Io,
    limits: { maxBytes?: number; timeoutMs?: number; fetchTimeoutMs?: number },
    lang: Lang,
    json: boolean,
): Promise<number> {
    const langIndex = args.indexOf('--lang');
    const langArg = langIndex >= 0 ? args[langIndex + 1] : undefined;
    const interfaceIndex = args.indexOf('--interface');
    const interfaceSource = interfaceIndex >= 0 ? args[interfaceIndex + 1] : undefined;
    const skip = new Set([langIndex, interfaceIndex].filter(i => i >= 0).flatMap(i => [i, i + 1]));
    const positional = args.filter((arg, i) => !skip.has(i) && !arg.startsWith('--'));
    const fail = (code: number, key: string, detail: string) => failure(io, json, lang, code, key, detail);

    if (args.some(arg => arg === '--help' || arg === '-h')) {
        io.out(`${TEXT[lang].usage ?? ''}\n`);

        return EXIT.ok;
    }
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
            return fail(EXIT.unreadable, error.reason, error.detail);
        }
        throw error;
    }
    const loaded = await evaluateConfig(
        text,
        { maxBytes, ...(limits.timeoutMs === undefined ? {} : { timeoutMs: limits.timeoutMs }) },
        interfaceText,
    );

    if (!loaded.ok) {
        return fail(EXIT.unreadable, loaded.error, loadDetail(loaded, lang));
    }
    const reports = auditConfig(loaded.config, interfaceText === undefined ? null : (loaded.interfaceConfig ?? {}));
    const violations = reports.some(report => report.status === 'violation');
    const code = violations ? EXIT.violations : EXIT.ok;

    io.out(
        json
            ? `${JSON.stringify({ ok: !violations, exitCode: code, source, rules: reports }, null, 2)}\n`
            : render(reports, lang, source),
    );

    return code;
}
