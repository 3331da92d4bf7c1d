-- mod_auth_school_accounts: Prosody's internal_hashed accounts, with the media centre's blocks (R5).
--
-- Prosody 0.12 has no "disabled account" in internal_hashed. This provider is internal_hashed
-- itself (loaded as a dependency, so the stored passwords and `prosodyctl` keep working) with one
-- difference: an account whose school the register marks as blocked cannot log in. SASL answers
-- `account-disabled` (RFC 6120 6.5.1, which util/sasl sends when a profile reports the account's
-- state as false), and sessions that are open when the block comes are closed with a clear text.
--
-- On the teacher host of a secure-domain deployment (deploy/prosody/README.md):
--   VirtualHost "meet.example.org"
--       authentication = "school_accounts"
-- and globally: school_accounts_file = "/var/lib/jitsi-school-policy/accounts.json" (the register
-- the admin tool writes), optionally school_accounts_usage_file for the misuse report's counts.

local school_accounts = module:require("school_accounts");
local time_now = require "util.time".now;

-- For operations (Prosody's statistics, mod_http_openmetrics): per server, no names.
local blocked_logins = module:metric("counter", "blocked_logins", "", "Logins refused because the school is blocked", {});
local ended_sessions = module:metric("counter", "ended_sessions", "", "Sessions ended by a block or a new password",
	{ "reason" });

local register_path = module:get_option_string("school_accounts_file");
local usage_path = module:get_option_string("school_accounts_usage_file");

local register = school_accounts.reader(module, register_path);
local record_usage = school_accounts.usage(module, usage_path);

if not register_path and not module:get_option("school_accounts_sql") then
	module:log("error", "auth_school_accounts: neither school_accounts_file nor school_accounts_sql is set;"
		.. " no school can be blocked");
end

module:depends("auth_internal_hashed");
local base;
for _, provider in ipairs(module:get_host_items("auth-provider")) do
	if provider.name == "internal_hashed" then base = provider; end
end
assert(base, "auth_school_accounts: internal_hashed did not load");

local provider = {};
for name, method in pairs(base) do provider[name] = method; end
provider.name = "school_accounts";

function provider.test_password(username, password)
	if register.blocked(username) then
		blocked_logins:with_labels():add(1);
		return nil, "Account disabled";
	end
	return base.test_password(username, password);
end

-- Every SASL profile that internal_hashed offers, asked first whether the school is blocked.
-- plain_test answers (correct, state); the SCRAM profiles (stored_key, server_key, iterations,
-- salt, state): state false is util/sasl's "account-disabled" in both.
function provider.get_sasl_handler(session)
	local handler = base.get_sasl_handler(session);
	local profile = handler.profile;
	for name, check in pairs(profile) do
		if type(check) == "function" then
			profile[name] = function (sasl, username, ...)
				local blocked, reason = register.blocked(username);
				if blocked then
					module:log("info", "auth_school_accounts: refused %s: the school is blocked (%s)", username,
						reason);
					blocked_logins:with_labels():add(1);
					if name == "plain_test" then return false, false; end
					return nil, nil, nil, nil, false;
				end
				return check(sasl, username, ...);
			end;
		end
	end
	return handler;
end

module:provides("auth", provider);

-- Why a login failed, for the one who knows the password (jitsi-meet's login dialog shows every
-- failed login as "wrong password": lib-jitsi-meet does not pass SASL's account-disabled on).
-- POST /school-access {"jid": "<school>@<this host>", "password": "…"} answers {"blocked": true,
-- "text": …} only when the password is right and the school is blocked; {"blocked": false} in every
-- other case, so nobody learns anything about a school whose password they do not hold. It tests
-- a password like a login does, and costs what a login costs.
local json = require "util.json";
local jid_util = require "util.jid";

local function answer(response, blocked)
	response.headers.content_type = "application/json";
	response.headers.cache_control = "no-store";
	return json.encode(blocked and { blocked = true, text = school_accounts.blocked_text } or { blocked = false });
end

local function school_access(event)
	local body = json.decode(event.request.body or "");
	if type(body) ~= "table" or type(body.jid) ~= "string" or type(body.password) ~= "string"
		or #body.jid > 1023 or #body.password > 1023 then
		return 400;
	end
	local username, host = jid_util.split(jid_util.prep(body.jid) or "");
	if not username or host ~= module.host or not register.blocked(username) then
		return answer(event.response, false);
	end
	local correct = base.test_password(username, body.password);
	if correct then
		module:log("info", "auth_school_accounts: told %s's holder that the school is blocked", username);
	end
	return answer(event.response, correct == true);
end

-- Served where Prosody serves HTTP (BOSH, in a Jitsi install); a server set up with no HTTP ports at
-- all gets no endpoint, and the login dialog keeps jitsi-meet's own message.
local http_ports = module:get_option_array("http_ports");
if http_ports and #http_ports == 0 then
	module:log("info", "auth_school_accounts: no HTTP ports, so no /school-access");
else
	module:depends("http");
	module:provides("http", { default_path = "/school-access", route = { ["POST"] = school_access } });
end

-- The misuse report counts logins per school and day (the account name is the school).
module:hook("authentication-success", function (event)
	local session = event.session;
	local username = session and session.username;
	if username then
		-- When this session proved the password: a rotation in the shared store ends older ones.
		session.school_authenticated_at = time_now();
		record_usage({ t = os.time(), school = username, event = "login" });
	end
end);

--- Closes every open session of a blocked school on this host, and (shared store) every session that
-- logged in before its school's password was rotated: the admin tool changes the password in the
-- store itself, which no shard's Prosody sees happen (with the file register Prosody changes the
-- password, and ends those sessions itself).
local function close_blocked_sessions()
	local users = prosody.hosts[module.host] and prosody.hosts[module.host].sessions or {};
	for username, user in pairs(users) do
		local blocked = register.blocked(username);
		for _, session in pairs(user.sessions or {}) do
			if blocked then
				module:log("info", "auth_school_accounts: closed a session of %s: the school is blocked", username);
				ended_sessions:with_labels("blocked"):add(1);
				session:close({ condition = "not-authorized", text = school_accounts.blocked_text });
			elseif register.shared and (session.school_authenticated_at or 0) < register.rotated_at(username) then
				module:log("info", "auth_school_accounts: closed a session of %s: the password was renewed", username);
				ended_sessions:with_labels("rotated"):add(1);
				session:close({ condition = "not-authorized", text = school_accounts.rotated_text });
			end
		end
	end
end

-- A block takes effect for open sessions too, within one poll interval of the register changing.
register.on_change(close_blocked_sessions);

module:log("info", "auth_school_accounts: loaded (register %s)", tostring(register_path));
