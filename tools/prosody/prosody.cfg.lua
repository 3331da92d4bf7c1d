-- Prosody configuration for the server tests and the fork-build verification: loopback only, ports
-- and paths from the environment (set by tools/prosody/harness.ts). A main host for teachers (internal_hashed), a guest
-- host (anonymous), and the MUC component with mod_school_policy, as in a Jitsi secure domain.
local dir = assert(os.getenv("SP_DIR"), "SP_DIR not set")
local extra_teacher_domain = os.getenv("SP_EXTRA_TEACHER_DOMAIN")
if extra_teacher_domain == "" then extra_teacher_domain = nil end
local without_policy = os.getenv("SP_WITHOUT_POLICY") == "1"

run_as_root = true
daemonize = false
pidfile = dir .. "/prosody.pid"
data_path = dir .. "/data"
certificates = dir -- no TLS on loopback; an existing folder keeps the certificate manager quiet
-- SP_JITSI_PLUGINS: Jitsi's own Prosody modules (what jitsi-meet-prosody installs in
-- /usr/share/jitsi-meet/prosody-plugins), loaded as Debian's example configuration loads them.
local jitsi_plugins = os.getenv("SP_JITSI_PLUGINS")
if jitsi_plugins == "" then jitsi_plugins = nil end
plugin_paths = { assert(os.getenv("SP_PLUGINS"), "SP_PLUGINS not set"), jitsi_plugins }
interfaces = { "127.0.0.1" }
c2s_ports = { tonumber(os.getenv("SP_C2S_PORT")) }
s2s_ports = {}
-- BOSH only when asked for (SP_HTTP_PORT): the browser verification of a fork build needs it.
local http_port = tonumber(os.getenv("SP_HTTP_PORT") or "")
http_ports = { http_port }
http_interfaces = { "127.0.0.1" }
consider_bosh_secure = true
-- Jitsi's nginx site passes the browser's Host on; the browser reaches it as 127.0.0.1, not as the
-- XMPP domain a real install's address is, so BOSH and /school-access go to the teacher host.
http_default_host = "meet.test"
consider_websocket_secure = true
-- A reloaded page leaves its old BOSH session behind; end it soon, not after Prosody's 60 s.
bosh_max_inactivity = 15
https_ports = {}
component_ports = {}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
-- SP_SQL_PORT: the shared store of a deployment with more than one server (PostgreSQL through LuaDBI,
-- Prosody's mod_storage_sql): the teachers' accounts, and the school register (school_accounts.lib.lua).
local sql_port = tonumber(os.getenv("SP_SQL_PORT") or "")
local global_storage = sql_port and "sql" or "internal"
storage = global_storage
if sql_port then
    -- Built in a local: the configuration does not read its settings back as variables.
    local shared_store = {
        driver = "PostgreSQL", host = "127.0.0.1", port = sql_port, database = os.getenv("SP_SQL_DATABASE"),
        username = os.getenv("SP_SQL_USER"), password = os.getenv("SP_SQL_PASSWORD"),
    }
    sql = shared_store
    school_accounts_sql = shared_store
    school_accounts_sql_poll = tonumber(os.getenv("SP_SQL_POLL") or "")
end
log = { { levels = { min = "info" }, to = "file", filename = dir .. "/prosody.log" } }
-- Built in a local: Prosody's config keeps settings, it does not read them back as variables.
-- admin_shell: the tests reload mod_school_policy through `prosodyctl shell`, as an admin would.
local modules = { "saslauth", "disco", "ping", "admin_shell" }
if http_port then
    modules[#modules + 1] = "bosh"
    -- WebSocket too: Jitsi's web clients use either, and a block must hold on both.
    modules[#modules + 1] = "websocket"
end
-- SP_METRICS: Prosody's statistics as operations read them (mod_http_openmetrics at /metrics on the
-- HTTP port, collected when scraped), with the counts mod_school_policy and mod_auth_school_accounts keep.
if os.getenv("SP_METRICS") == "1" and http_port then
    statistics = "internal"
    statistics_interval = "manual"
    modules[#modules + 1] = "http_openmetrics"
end
modules_enabled = modules
modules_disabled = { "s2s", "tls" }
-- The flood test sends many joins at once; the test is about the module, not rate limits.
limits = { c2s = { rate = "1mb/s" } }
-- R5: the register the accounts tool writes, and the counts for its misuse report.
school_accounts_file = dir .. "/accounts.json"
school_accounts_usage_file = dir .. "/usage.jsonl"

-- muc_domain_mapper's base, as Debian's example sets it (only read when Jitsi's modules are loaded).
muc_mapper_domain_base = "meet.test"

-- internal_hashed with the media centre's blocks (mod_auth_school_accounts).
VirtualHost "meet.test"
    authentication = "school_accounts"
    if jitsi_plugins and os.getenv("SP_JITSI_MUC") == "1" then
        -- Debian's example: the lobby and breakout rooms on the main host, their rooms on their own
        -- components (the breakout module finds the main rooms through main_muc).
        modules_enabled = { "muc_lobby_rooms", "muc_breakout_rooms" }
        lobby_muc = "lobby.meet.test"
        breakout_rooms_muc = "breakout.meet.test"
        main_muc = "conference.meet.test"
    end

VirtualHost "guest.meet.test"
    -- Debian's example: Jitsi's own anonymous authentication on the guest host.
    authentication = (jitsi_plugins and os.getenv("SP_JITSI_MUC") == "1") and "jitsi-anonymous" or "anonymous"
    -- SP_RATE_LIMIT_WHITELIST: Jitsi's mod_rate_limit where the students log in, with this allow-list
    -- (comma-separated; "none" for an empty one: the school's address is not on it). Loopback stands
    -- in for one school's public address, behind which a whole class connects.
    local whitelist_setting = os.getenv("SP_RATE_LIMIT_WHITELIST")
    if jitsi_plugins and whitelist_setting and whitelist_setting ~= "" then
        -- (Jitsi's modules are on the plugin path whenever a test asks for one of them.)
        modules_enabled = { "rate_limit" }
        local allowed = {}
        for entry in whitelist_setting:gmatch("[^,]+") do
            if entry ~= "none" then allowed[#allowed + 1] = entry end
        end
        rate_limit_whitelist = allowed
    end

-- A host none of the module's settings names: its users must be treated as guests, loudly.
VirtualHost "other.meet.test"
    authentication = "anonymous"

-- Jicofo's own account lives here, as in Jitsi's Debian and Docker set-ups.
VirtualHost "auth.meet.test"
    authentication = "internal_hashed"

-- SP_TOKEN_SECRET: a token host as jitsi-meet-tokens configures one (mod_auth_token, HS256 with the
-- app secret; the token comes in the BOSH or WebSocket address, read by Jitsi's mod_jitsi_session).
local token_secret = os.getenv("SP_TOKEN_SECRET")
if jitsi_plugins and token_secret and token_secret ~= "" then
    VirtualHost "token.meet.test"
        authentication = "token"
        app_id = "schule"
        app_secret = token_secret
        allow_empty_token = false
else
    token_secret = nil
end

if jitsi_plugins and os.getenv("SP_JITSI_MUC") == "1" then
    Component "lobby.meet.test" "muc"
        storage = "memory"
        restrict_room_creation = true
        muc_room_locking = false
        muc_room_default_public_jids = true
end

if jitsi_plugins and os.getenv("SP_JITSI_MUC") == "1" then
    -- Debian's example, the breakout component. Its "polls" entry is left out: jitsi-meet abf901a4 ships
    -- no mod_polls (only mod_polls_component), so Prosody would log that it cannot load it.
    Component "breakout.meet.test" "muc"
        storage = "memory"
        restrict_room_creation = true
        modules_enabled = { "muc_hide_all", "muc_meeting_id", "muc_domain_mapper", "muc_rate_limit" }
        admins = { "focus@auth.meet.test" }
        muc_room_locking = false
        muc_room_default_public_jids = true
end

-- Rooms in memory, as Jitsi's example keeps them on its MUC components (doc/debian/jitsi-meet-prosody/
-- prosody.cfg.lua-jvb.example): with `storage = "sql"` for the shared store, they would otherwise go
-- there too. SP_MUC_STORAGE=global: a server whose MUC components follow the global storage (a
-- configuration written without the example), where another shard or a restart restores saved rooms.
local muc_storage = os.getenv("SP_MUC_STORAGE") == "global" and global_storage or "memory"

Component "conference.meet.test" "muc"
    storage = muc_storage
    -- SP_WITHOUT_POLICY: the same server without the module, for the benchmark's comparison.
    local conference_modules = without_policy and {} or { "school_policy" }
    if jitsi_plugins and os.getenv("SP_JITSI_MUC") == "1" then
        -- doc/debian/jitsi-meet-prosody/prosody.cfg.lua-jvb.example, the conference component.
        for _, name in ipairs({ "muc_hide_all", "muc_meeting_id", "muc_domain_mapper", "muc_rate_limit",
            "muc_password_whitelist" }) do
            conference_modules[#conference_modules + 1] = name
        end
        restrict_room_creation = true
        admins = { "focus@auth.meet.test" }
        muc_password_whitelist = { "focus@auth.meet.test" }
        muc_room_default_public_jids = true
    end
    modules_enabled = conference_modules
    -- As in Jitsi: rooms are usable at once, which is the gap the module closes.
    muc_room_locking = false
    muc_tombstones = false
    -- Mixed case on purpose: XMPP addresses are case-insensitive, so must the settings be.
    school_policy_guest_domains = { "Guest.Meet.Test", token_secret and "token.meet.test" or nil }
    -- Token deployments: a verified token that says moderator makes a teacher (tests/server/tokenLogins).
    school_policy_token_moderators_are_teachers = token_secret ~= nil
    -- SP_EXTRA_TEACHER_DOMAIN: a test names a domain that is no host here (a typo in the settings).
    school_policy_teacher_domains = { "meet.test", extra_teacher_domain }
    school_policy_service_domains = { "auth.meet.test" }
    school_policy_service_accounts = { "recorder@meet.test" }
    -- Where Jicofo's answers come from: its account, and the client_proxy address a Jitsi install
    -- puts in front of it (config.js hosts.focus).
    school_policy_focus_jids = { "focus@auth.meet.test", "focus.meet.test" }
    -- The room cache, small so that the tests can make Prosody swap live rooms out (default 100).
    muc_room_cache_size = tonumber(os.getenv("SP_ROOM_CACHE") or "100")
    school_policy_grace_period = tonumber(os.getenv("SP_GRACE") or "60")
    -- SP_LOBBY_PROTECTS: the media centre's terms allow the lobby instead of a password.
    school_policy_lobby_counts_as_protection = os.getenv("SP_LOBBY_PROTECTS") == "1"
    -- SP_NOT_OPEN_TEXT: an admin's own wording of the refusal (the clients go by its marker).
    local not_open_text = os.getenv("SP_NOT_OPEN_TEXT")
    if not_open_text and not_open_text ~= "" then school_policy_not_open_text = not_open_text end
