-- Prosody configuration for the server tests and the fork-build verification: loopback only, ports
-- and paths from the environment (set by tools/prosody/harness.ts). A main host for teachers (internal_hashed), a guest
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
-- BOSH only when asked for (SP_HTTP_PORT): the browser verification of a fork build needs it.
local http_port = tonumber(os.getenv("SP_HTTP_PORT") or "")
http_ports = { http_port }
http_interfaces = { "127.0.0.1" }
consider_bosh_secure = true
-- A reloaded page leaves its old BOSH session behind; end it soon, not after Prosody's 60 s.
bosh_max_inactivity = 15
https_ports = {}
component_ports = {}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
storage = "internal"
log = { { levels = { min = "info" }, to = "file", filename = dir .. "/prosody.log" } }
-- Built in a local: Prosody's config keeps settings, it does not read them back as variables.
local modules = { "saslauth", "disco", "ping" }
if http_port then modules[#modules + 1] = "bosh" end
modules_enabled = modules
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
