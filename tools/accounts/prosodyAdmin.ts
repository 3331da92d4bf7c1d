/**
 * The tool's port to the running Prosody: its admin shell (mod_admin_shell, `prosodyctl shell`), the
 * way Prosody's own documentation has admins create users and end sessions on a live server.
 * Commands go in on standard input, never on the command line, so a password never shows in the
 * process list.
 */
import { spawn } from 'node:child_process';

/** What the tool asks of the server. Each rejects with {@link ProsodyRefused} or {@link ProsodyUnreachable}. */
export interface ProsodyAdmin {
    createAccount(jid: string, password: string): Promise<void>;
    setPassword(jid: string, password: string): Promise<void>;
    deleteAccount(jid: string): Promise<void>;
    /** Ends every session of the account with this text; resolves with how many were ended. */
    closeSessions(jid: string, text: string): Promise<number>;
}

/** The server is not running, or its admin socket is not reachable for this user. */
export class ProsodyUnreachable extends Error {}

/** The server answered, and said no (e.g. "User exists"). */
export class ProsodyRefused extends Error {
    constructor(readonly answer: string) {
        super(answer);
    }
}

/** A Lua string literal for any text: quotes, backslashes, control and non-ASCII bytes escaped. */
export function luaString(text: string): string {
    let out = '"';

    for (const byte of Buffer.from(text, 'utf8')) {
        const char = String.fromCharCode(byte);

        out +=
            byte < 0x20 || byte > 0x7e || char === '"' || char === '\\' ? `\\${String(byte).padStart(3, '0')}` : char;
    }

    return `${out}"`;
}

/** The admin shell of the Prosody configured at `configPath`, run as `prosodyctl`. */
export function prosodyShell(
    configPath: string,
    options: { readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number } = {},
): ProsodyAdmin {
    /** Runs one shell command and returns its answer; rejects when refused or unreachable. */
    function run(command: string): Promise<string> {
        return new Promise((resolve, reject) => {
            const child = spawn('prosodyctl', ['--config', configPath, 'shell', '--quiet'], {
                env: options.env ?? process.env,
                stdio: ['pipe', 'pipe', 'pipe'],
            });
            let output = '';
            const timer = setTimeout(() => {
                child.kill('SIGKILL');
                reject(new ProsodyUnreachable(`no answer within ${options.timeoutMs ?? 15000} ms`));
            }, options.timeoutMs ?? 15000);

            child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
            child.once('error', error => {
                clearTimeout(timer);
                reject(new ProsodyUnreachable(error.message));
            });
            child.once('close', () => {
                clearTimeout(timer);
                // Answers are lines "| text" (success) or "! text" (error), after the shell's prompt
                // ("prosody> ", written without a newline when there is no readline).
                const answers = [...output.matchAll(/^(?:[^\s|!]*> )*([|!]) (.*)$/gm)];
                const last = answers.at(-1);
                const connectionError = /\*\* Connection error: (.*)/.exec(output)?.[1];

                if (connectionError !== undefined || !last) {
                    reject(
                        new ProsodyUnreachable(connectionError ?? (output.trim().split('\n').at(-1) || 'no answer')),
                    );
                } else if (last[1] === '!') {
                    reject(new ProsodyRefused(last[2] ?? ''));
                } else {
                    resolve(answers.map(answer => answer[2] ?? '').join('\n'));
                }
            });
            child.stdin.end(`${command}\n`);
        });
    }

    return {
        createAccount: async (jid, password) => {
            await run(`user:create(${luaString(jid)}, ${luaString(password)})`);
        },
        setPassword: async (jid, password) => {
            await run(`user:password(${luaString(jid)}, ${luaString(password)})`);
        },
        deleteAccount: async jid => {
            await run(`user:delete(${luaString(jid)})`);
        },
        closeSessions: async (jid, text) => {
            const answer = await run(`c2s:close(${luaString(jid)}, ${luaString(text)}, "not-authorized")`);

            return Number(/Total: (\d+)/.exec(answer)?.[1] ?? 0);
        },
    };
}
