/**
 * Starts the real Prosody (Debian's package) on loopback ports with tools/prosody/prosody.cfg.lua
 * and mod_school_policy, and stops it again: for the server tests, and (with BOSH) for verifying a
 * fork build in a browser. Fails on any error-level log line: a plugin that fails to load does not
 * stop Prosody, it only logs.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildKitFolder } from '../jitsi-web/jitsiSiteConfig';
import { accepts, freePort, until } from '../net/loopback';
import type { RunningPostgres } from '../postgres/cluster';

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, 'tools', 'prosody', 'prosody.cfg.lua');
export const PLUGINS = join(ROOT, 'deploy', 'prosody', 'plugins');

/** The domains of the configuration. */
export const DOMAINS = {
    teachers: 'meet.test',
    /** A host that none of mod_school_policy's settings names. */
    unlisted: 'other.meet.test',
    guests: 'guest.meet.test',
    muc: 'conference.meet.test',
    /** Jitsi's breakout rooms (only with `jitsiModules`). */
    breakout: 'breakout.meet.test',
    /** Where Jicofo's own account lives. */
    auth: 'auth.meet.test',
    /** The token host (only with `tokenSecret`). */
    tokens: 'token.meet.test',
} as const;

/** Teacher accounts registered before the server starts. */
export const TEACHERS = { 'frau-mueller': 'geheim-1', 'herr-schmidt': 'geheim-2' } as const;

/** An account on the teacher host that the configuration names as a service account. */
export const SERVICE_ACCOUNT = { recorder: 'geheim-3' } as const;

/** Jicofo's account (the focus user), registered on the auth host as Jitsi's installers do. */
export const FOCUS_ACCOUNT = { username: 'focus', password: 'focus-geheim' } as const;

/** Registers the teachers, the service account and Jicofo's account, as an installer would. */
function registerAccounts(env: NodeJS.ProcessEnv): void {
    const register = (user: string, host: string, password: string) =>
        execFileSync('prosodyctl', ['--config', CONFIG, 'register', user, host, password], { env, stdio: 'pipe' });

    for (const [user, password] of Object.entries({ ...TEACHERS, ...SERVICE_ACCOUNT })) {
        register(user, DOMAINS.teachers, password);
    }
    register(FOCUS_ACCOUNT.username, DOMAINS.auth, FOCUS_ACCOUNT.password);
}

/** Jitsi's Prosody modules from the build kit; throws, naming the folder, when it is not there. */
function jitsiPlugins(): string {
    const folder = join(buildKitFolder(), 'prosody-plugins');

    if (!existsSync(join(folder, 'mod_muc_meeting_id.lua'))) {
        throw new Error(`Jitsi's Prosody modules are missing at ${folder}: set JITSI_MEET_BUILD_KIT to the kit`);
    }

    return folder;
}

/** A running Prosody. */
export interface RunningProsody {
    readonly port: number;
    /** The server's process id (for memory figures). */
    readonly pid: number | undefined;
    readonly service: string;
    /** The BOSH address, when started with `bosh: true`. */
    readonly bosh: string | undefined;
    /** The configuration file and the environment it reads: for `prosodyctl` against this server. */
    readonly configPath: string;
    readonly env: NodeJS.ProcessEnv;
    /** The server's own folder (data, log, and the school-accounts register and counts). */
    readonly dir: string;
    /** The log so far. */
    log(): string;
    /** Waits until the log matches (condition polling, bounded). */
    waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
    /** Lines logged at error level. */
    errors(): string[];
    /** Reloads mod_school_policy on the MUC component, as an admin would with `prosodyctl shell`. */
    reloadModule(): void;
    stop(): Promise<void>;
}

/** How a test server is set up. */
export interface ProsodyOptions {
    graceSeconds: number;
    plugins?: string;
    /** Also serve BOSH over HTTP, as a Jitsi deployment does for the browser. */
    bosh?: boolean;
    /** Prosody's `muc_room_cache_size` (default 100): how many rooms stay live objects. */
    roomCacheSize?: number;
    /** A teacher domain added to the module's settings that is no host of the server (a typo). */
    extraTeacherDomain?: string;
    /** Without mod_school_policy: the same server as a stock Jitsi's, for comparisons. */
    withoutPolicy?: boolean;
    /** The admin's own text for the "not open yet" refusal (`school_policy_not_open_text`). */
    notOpenText?: string;
    /**
     * Jitsi's own Prosody modules on the conference component, as Debian's example configuration
     * loads them (from the jitsi-meet build kit's `prosody-plugins/`), rooms opened only by Jicofo.
     */
    jitsiModules?: boolean;
    /**
     * With `jitsiModules`: Jitsi's mod_rate_limit on the guest host, with this allow-list of
     * addresses (`rate_limit_whitelist`; empty: loopback, standing in for a school's address, is not on it).
     */
    rateLimitWhitelist?: readonly string[];
    /** A token host (`token.meet.test`, mod_auth_token with this HS256 app secret, app id `schule`). */
    tokenSecret?: string;
    /** `school_policy_lobby_counts_as_protection` (with `jitsiModules`, which loads Jitsi's lobby). */
    lobbyProtects?: boolean;
    /**
     * The shared store of a deployment with more than one server: Prosody's storage (the teachers'
     * accounts) and the school register in this PostgreSQL database (tools/postgres/cluster.ts).
     */
    sql?: Pick<RunningPostgres, 'port' | 'database' | 'user' | 'password'>;
    /** How often Prosody asks the shared store whether the register changed (`school_accounts_sql_poll`). */
    sqlPollSeconds?: number;
    /**
     * Rooms kept in the server's global storage (the shared store, with `sql`) instead of memory, as
     * a configuration written without Jitsi's example would: saved rooms come back from there.
     */
    roomsInGlobalStorage?: boolean;
    /** Prosody's statistics at /metrics on the HTTP port (with `bosh`), as Prometheus scrapes them. */
    metrics?: boolean;
}

/** The environment tools/prosody/prosody.cfg.lua reads its settings from. */
function serverEnv(options: ProsodyOptions, dir: string, port: number, httpPort: number | undefined) {
    return {
        ...process.env,
        SP_HTTP_PORT: httpPort === undefined ? '' : String(httpPort),
        SP_DIR: dir,
        SP_PLUGINS: options.plugins ?? PLUGINS,
        SP_C2S_PORT: String(port),
        SP_GRACE: String(options.graceSeconds),
        SP_ROOM_CACHE: String(options.roomCacheSize ?? 100),
        SP_EXTRA_TEACHER_DOMAIN: options.extraTeacherDomain ?? '',
        SP_WITHOUT_POLICY: options.withoutPolicy ? '1' : '',
        SP_NOT_OPEN_TEXT: options.notOpenText ?? '',
        SP_JITSI_PLUGINS: options.jitsiModules || options.tokenSecret ? jitsiPlugins() : '',
        SP_JITSI_MUC: options.jitsiModules ? '1' : '',
        SP_TOKEN_SECRET: options.tokenSecret ?? '',
        SP_LOBBY_PROTECTS: options.lobbyProtects ? '1' : '',
        // Debian packages lua-basexx (and lua-inspect) for older Lua versions only; they are plain Lua,
        // and Prosody (Lua 5.4) finds them there after its own paths (deploy/prosody/README.md says so).
        LUA_PATH_5_4: ';;/usr/share/lua/5.3/?.lua;/usr/share/lua/5.2/?.lua',
        SP_RATE_LIMIT_WHITELIST:
            options.rateLimitWhitelist === undefined ? '' : options.rateLimitWhitelist.join(',') || 'none',
        SP_SQL_PORT: options.sql ? String(options.sql.port) : '',
        SP_SQL_DATABASE: options.sql?.database ?? '',
        SP_SQL_USER: options.sql?.user ?? '',
        SP_SQL_PASSWORD: options.sql?.password ?? '',
        SP_SQL_POLL: options.sqlPollSeconds === undefined ? '' : String(options.sqlPollSeconds),
        SP_METRICS: options.metrics ? '1' : '',
        SP_MUC_STORAGE: options.roomsInGlobalStorage ? 'global' : '',
    };
}

/** Starts Prosody with the given grace period (seconds) for closing rooms without a teacher. */
export async function startProsody(options: ProsodyOptions): Promise<RunningProsody> {
    if (!existsSync('/usr/bin/prosody')) {
        throw new Error('Prosody is not installed: run `npm run setup` (it installs Debian’s prosody)');
    }
    const dir = mkdtempSync(join(tmpdir(), 'school-prosody-'));

    // Prosody's data folder (its admin socket lives there), which internal storage would create itself.
    mkdirSync(join(dir, 'data'));
    const port = await freePort();
    const httpPort = options.bosh ? await freePort() : undefined;
    const env = serverEnv(options, dir, port, httpPort);
    const logFile = join(dir, 'prosody.log');

    registerAccounts(env);
    const child: ChildProcess = spawn('prosody', ['-F', '--config', CONFIG], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';

    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '') + output;

    try {
        await until(() => child.exitCode === null && accepts(port), `Prosody on port ${port}`, 15000);
        if (!options.withoutPolicy) {
            await until(
                () => /school_policy: loaded/.test(log()) || /\terror\t/.test(log()),
                'the module to load',
                5000,
            );
        }
    } catch (error) {
        child.kill('SIGKILL');
        throw new Error(`${String(error)}\n--- prosody log ---\n${log()}`, { cause: error });
    }

    return {
        port,
        pid: child.pid,
        service: `xmpp://127.0.0.1:${port}`,
        bosh: httpPort === undefined ? undefined : `http://127.0.0.1:${httpPort}/http-bind`,
        configPath: CONFIG,
        env,
        dir,
        log,
        waitForLog: (pattern, timeoutMs = 10000) => until(() => pattern.test(log()), String(pattern), timeoutMs),
        errors: () =>
            log()
                .split('\n')
                .filter(line => /\terror\t/.test(line)),
        reloadModule: () => {
            execFileSync(
                'prosodyctl',
                ['--config', CONFIG, 'shell', `module:reload('school_policy', '${DOMAINS.muc}')`],
                { env, stdio: 'pipe', timeout: 15000 },
            );
        },
        stop: async () => {
            if (child.exitCode === null) {
                child.kill('SIGTERM');
                let timer: ReturnType<typeof setTimeout> | undefined;

                await Promise.race([exited, new Promise(resolve => (timer = setTimeout(resolve, 5000)))]);
                clearTimeout(timer);
                if (child.exitCode === null) {
                    child.kill('SIGKILL');
                }
            }
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
