-- school_accounts.lib.lua: the media centre's register of school accounts, as the server reads it.
--
-- The admin tool (`jitsi-school-policy accounts`, tools/accounts/) owns the register, a JSON file
-- named by the global setting `school_accounts_file`, and replaces it atomically on every change.
-- The server only reads it: which schools are blocked (R5) and when a school's password was last
-- rotated. It also appends what the misuse report counts to `school_accounts_usage_file`: one JSON
-- line per event with the time, the school and a number, never a name, a room or an address.
--
-- Loaded with module:require("school_accounts") by mod_auth_school_accounts (teacher host) and
-- mod_school_policy (MUC component).

local json = require "util.json";
local lfs = require "lfs";
local time_now = require "util.time".now;

local lib = {};

--- The questions both registers answer, over `current()`: the register now and whether it is unreadable.
-- `poll` reads the register afresh and returns what identifies the version read; `every` is how many
-- seconds apart on_change polls.
local function answering(module, current, poll, every)
	local reader = {};

	--- Calls `action` whenever the register changed, checked every `every` seconds, and once at once:
	-- what a block (or a new password) does to sessions that are already open. The poll remembers what
	-- it last acted on by itself: a login that read the new register first must not hide the change.
	function reader.on_change(action)
		local acted_on;
		module:add_timer(0, function ()
			local version = poll();
			if version ~= acted_on then
				acted_on = version;
				action();
			end
			return every;
		end);
	end

	--- Whether the school with this account name may not be used, and why.
	function reader.blocked(school)
		local register, is_broken = current();
		if is_broken then return true, "register unreadable"; end
		local entry = register.schools[school];
		if type(entry) == "table" and entry.status == "blocked" then
			return true, type(entry.reason) == "string" and entry.reason or "";
		end
		return false;
	end

	--- When the school's password was last set (seconds since the epoch, with fractions), or 0.
	function reader.rotated_at(school)
		local entry = current().schools[school];
		return type(entry) == "table" and tonumber(entry.rotatedAt) or 0;
	end

	return reader;
end

--- The register in the shared store of a deployment with more than one server: the tables the admin
-- tool keeps in PostgreSQL (deploy/postgres/schema.sql), read through Prosody's own SQL layer
-- (util.sql over LuaDBI, as mod_storage_sql). Every server reads the same rows, so a block holds on
-- each at its next login; open sessions end within `school_accounts_sql_poll` seconds (default 5),
-- whether or not the tool could reach this server. The register's version (bumped by the tool in
-- the same transaction as each change) is asked at most once a second; the rows only when it changed.
-- When the store cannot be reached, the last register read stays in force (logged): the teachers'
-- accounts are in the same store, so no login succeeds meanwhile, and teachers in a lesson are not
-- thrown out by a network fault.
local function sql_reader(module, params)
	local engine = require "util.sql":create_engine(params);
	local cached, version, checked_at, failing = { schools = {} }, nil, 0, false;

	local function read()
		local ok, err = engine:transaction(function ()
			local now_version;
			for row in engine:select("SELECT version FROM school_register_state WHERE id = 1") do
				now_version = row[1];
			end
			if now_version == version then return; end
			local schools = {};
			for row in engine:select("SELECT id, status, reason, rotated_at FROM school_accounts") do
				schools[row[1]] = { status = row[2], reason = row[3], rotatedAt = tonumber(row[4]) };
			end
			cached, version = { schools = schools }, now_version;
		end);
		if not ok and not failing then
			module:log("error", "school_accounts: cannot read the register from the shared store (%s); the last"
				.. " one read stays in force", tostring(err));
		elseif ok and failing then
			module:log("info", "school_accounts: the shared store answers again");
		end
		failing = not ok;
	end

	local function current()
		local now = time_now();
		if now - checked_at >= 1 then
			checked_at = now;
			read();
		end
		return cached;
	end

	-- The last register read stays in force while the store is unreachable: never "unreadable" here.
	local reader = answering(module, function () return current(), false; end, function ()
		checked_at = time_now();
		read();
		return version;
	end, module:get_option_number("school_accounts_sql_poll", 5));
	-- The tool changes passwords in the store itself: open sessions of an older password are ours to end.
	reader.shared = true;

	return reader;
end

--- The usage counts into the shared store: one row per event, as the file has one line.
local function sql_usage(module, params)
	local engine = require "util.sql":create_engine(params);
	return function (event)
		local ok, err = engine:transaction(function ()
			engine:insert("INSERT INTO school_usage (t, school, event, open) VALUES (?, ?, ?, ?)",
				event.t, event.school, event.event, event.open);
		end);
		if not ok then
			module:log("error", "school_accounts: cannot write a count to the shared store (%s); the misuse"
				.. " report misses an event", tostring(err));
		end
	end;
end

--- A reader of the register at `path` for `module`; `path` nil means the tool is not in use.
-- Fails closed: a register that exists but cannot be read or parsed blocks every school until it
-- is readable again (logged as an error each time it changes), because the reason it is unreadable
-- may be a half-written block. A missing file means no school was ever added: nothing is blocked.
function lib.reader(module, path)
	local shared = module:get_option("school_accounts_sql");
	if type(shared) == "table" then return sql_reader(module, shared); end
	local cached, cached_stamp, broken = { schools = {} }, nil, false;

	local function stamp()
		local attributes = lfs.attributes(path);
		if not attributes then return "missing"; end
		-- The tool replaces the file by renaming a new one over it: a new inode every time, even
		-- for two changes within the same second and of the same size.
		return string.format("%d:%d:%s", attributes.modification, attributes.size, tostring(attributes.ino));
	end

	local function load()
		local file, open_error = io.open(path, "r");
		if not file then return nil, open_error; end
		local text = file:read("*a");
		file:close();
		local data, parse_error = json.decode(text);
		if type(data) ~= "table" or type(data.schools) ~= "table" then
			return nil, parse_error or "no schools table";
		end
		return data;
	end

	--- The register now: one stat() per question, a re-read only when the file changed, so that a
	-- block holds from the first login after the tool wrote it.
	local function current()
		if not path then return cached, false; end
		local new_stamp = stamp();
		if new_stamp == cached_stamp then return cached, broken; end
		cached_stamp = new_stamp;
		if new_stamp == "missing" then
			cached, broken = { schools = {} }, false;
			return cached, broken;
		end
		local data, err = load();
		if data then
			cached, broken = data, false;
		else
			broken = true;
			module:log("error", "school_accounts: cannot read %s (%s); every school account is refused until it"
				.. " is readable", path, tostring(err));
		end
		return cached, broken;
	end

	return answering(module, current, function ()
		current();
		return cached_stamp;
	end, module:get_option_number("school_accounts_poll_interval", 2));
end

--- An appender of usage events to `path` (nil: counting is off).
function lib.usage(module, path)
	local shared = module:get_option("school_accounts_sql");
	if type(shared) == "table" then return sql_usage(module, shared); end
	return function (event)
		if not path then return; end
		local file, err = io.open(path, "a");
		if not file then
			module:log("error", "school_accounts: cannot append to %s (%s); the misuse report misses an event",
				path, tostring(err));
			return;
		end
		file:write(json.encode(event), "\n");
		file:close();
	end;
end

--- The text a blocked school's teacher gets, in both languages.
lib.blocked_text = "Der Zugang Ihrer Schule ist gesperrt. Bitte wenden Sie sich an das Medienzentrum. / "
	.. "Your school's access is blocked. Please contact the media centre.";

--- The text a teacher gets whose school's password was changed while she was in a lesson.
lib.rotated_text = "Die Zugangsdaten Ihrer Schule wurden erneuert. Bitte melden Sie sich mit den neuen an. / "
	.. "Your school's access data were renewed. Please log in with the new ones.";

return lib;
