-- Prosody configuration for the server tests: loopback only, ports and paths from the environment
-- (set by tests/server/prosodyHarness.ts). A main host for teachers (internal_hashed), a guest
-- host (anonymous), and the MUC component with mod_school_policy, as in a Jitsi secure domain.
local dir = assert(os.getenv("SP_DIR"), "SP_DIR not set")

run_as_root = true
daemonize = false
pidfile = dir .. "/prosody.pid"
data_path = dir .. "/data"
certificates = dir -- no TLS on loopback; an existing folder keeps the certificate manager quiet
plugin_paths = { assert(os.getenv("SP_PLUGINS"), "SP_PLUGINS not set") }
interfaces = { "127.0.0.1" }
c2s_ports = { tonumber(os.getenv("SP_C2S_PORT")) }
s2s_ports = {}
http_ports = {}
https_ports = {}
component_ports = {}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
storage = "internal"
log = { { levels = { min = "info" }, to = "file", filename = dir .. "/prosody.log" } }
modules_enabled = { "saslauth", "disco", "ping" }
modules_disabled = { "s2s", "tls" }
-- The flood test sends many joins at once; the test is about the module, not rate limits.
limits = { c2s = { rate = "1mb/s" } }

VirtualHost "meet.test"
    authentication = "internal_hashed"

VirtualHost "guest.meet.test"
    authentication = "anonymous"

Component "conference.meet.test" "muc"
    modules_enabled = { "school_policy" }
    -- As in Jitsi: rooms are usable at once, which is the gap the module closes.
    muc_room_locking = false
    muc_tombstones = false
    school_policy_guest_domains = { "guest.meet.test" }
    school_policy_teacher_domains = { "meet.test" }
    school_policy_service_accounts = { "focus@auth.meet.test", "recorder@meet.test" }
    school_policy_grace_period = tonumber(os.getenv("SP_GRACE") or "60")
