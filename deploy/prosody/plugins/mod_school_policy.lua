-- mod_school_policy: what only the server can guarantee for the media centres' terms of use.
--
-- Load it on the MUC component of a Jitsi "secure domain" set-up (deploy/prosody/README.md):
--   * R6: a guest cannot join a room that has no password, and cannot create a room at all (R2);
--   * R8: a room that holds guests and no teacher is destroyed after a grace period; a teacher who
--     comes back within it keeps the room. Decided by authentication, not by role: Jicofo may hand
--     the moderator role to a student;
--   * R6 (optional): the password cannot be removed while guests are inside, and the teacher is told so.
--
-- Who is a teacher (docs/jitsi-behaviour.md §9, "Who the teacher is in the room"):
--   * an occupant authenticated on a teacher domain (logged in before joining), or
--   * an occupant on a guest domain that Jicofo has vouched for: Jicofo's own answer to that
--     address's conference request named a teacher-domain account as `identity`, for that room.
--     This is how jitsi-meet's login dialog works in a secure domain (lib-jitsi-meet
--     JitsiConference.authenticateAndUpgradeRole): the teacher joins from her anonymous address.
--     Only stanzas from the focus addresses count; Prosody stamps the sender of every client stanza,
--     so a student cannot forge one;
--   * (token deployments, optional) an occupant whose session carries a token verified by Jitsi's
--     mod_auth_token with `moderator` set in its user context.
-- Service accounts (Jicofo's focus user, recorders, bridges) are neither teachers nor guests.
-- Every occupant on a domain that is none of these is logged as an error and treated as a guest.
-- Every decision is logged at "info" level, prefixed "school_policy:".

local jid_util = require "util.jid";
local time_now = require "util.time".now;
local st = require "util.stanza";
local configmanager = require "core.configmanager";

local jid_prep, jid_bare, jid_host = jid_util.prep, jid_util.bare, jid_util.host;

local FOCUS_NS = "http://jitsi.org/protocol/focus";
local MUC_OWNER_NS = "http://jabber.org/protocol/muc#owner";

--- A set of lower-cased names: Prosody's own addresses are case-insensitive (nameprep).
local function name_set(list)
	local set = {};
	for _, item in ipairs(list or {}) do
		if item ~= "" then set[(jid_prep(item) or item):lower()] = true; end
	end
	return set;
end

-- Settings, each with a safe default.
local guest_domains = name_set(module:get_option_array("school_policy_guest_domains", {}));
local teacher_domains = name_set(module:get_option_array("school_policy_teacher_domains", {}));
local service_domains = name_set(module:get_option_array("school_policy_service_domains", {}));
local service_accounts = name_set(module:get_option_array("school_policy_service_accounts", {}));
local focus_addresses = name_set(module:get_option_array("school_policy_focus_jids", {}));
local token_teachers = module:get_option_boolean("school_policy_token_moderators_are_teachers", false);
local grace_period = module:get_option_number("school_policy_grace_period", 60);
local keep_password = module:get_option_boolean("school_policy_keep_password_while_guests", true);
-- Some media centres' terms allow "password protection or the lobby mode": with this on, a room whose
-- teacher has turned on the lobby (members only: Jitsi's mod_muc_lobby_rooms admits whom a moderator
-- lets in) counts as protected without a password. Off by default: the lobby alone opens no room.
local lobby_protects = module:get_option_boolean("school_policy_lobby_counts_as_protection", false);
local max_password_length = module:get_option_number("school_policy_max_password_length", 128);
local not_open_text = module:get_option_string("school_policy_not_open_text",
	"Der Raum ist noch nicht geöffnet: Die Lehrkraft hat noch kein Passwort gesetzt. / "
	.. "The room is not open yet: the teacher has not set a password.");
-- The refusal's marker, which no setting rewords: the clients recognise "not open yet" by it.
-- lib-jitsi-meet passes on only the text of a refused join (ChatRoom.onPresenceError: type and text,
-- for users not on the anonymous domain), so the code rides at the end of the text; XMPP clients
-- that read conditions find the same as an application-specific condition (RFC 6120 §8.4).
local NOT_OPEN_CODE = "[school-policy:not-open]";
local REFUSAL_NS = "urn:jitsi-school-policy:refusal";

--- The "not open yet" refusal of a join, with its text and its marker.
local function not_open_refusal(stanza, room_jid)
	local reply = st.error_reply(stanza, "cancel", "not-allowed", not_open_text .. " " .. NOT_OPEN_CODE, room_jid);
	reply:get_child("error"):tag("not-open", { xmlns = REFUSAL_NS }):up();
	return reply;
end
local closed_text = module:get_option_string("school_policy_closed_text",
	"Die Lehrkraft hat das Meeting verlassen. Der Raum wurde geschlossen. / "
	.. "The teacher has left the meeting. The room has been closed.");
local keep_password_text = module:get_option_string("school_policy_keep_password_text",
	"Das Passwort bleibt, solange Schülerinnen und Schüler im Raum sind. / "
	.. "The password stays while students are in the room.");
-- R5: the media centre's register of school accounts (school_accounts.lib.lua), when in use.
local school_accounts = module:require("school_accounts");
local register = school_accounts.reader(module, module:get_option_string("school_accounts_file"));
local record_usage = school_accounts.usage(module, module:get_option_string("school_accounts_usage_file"));
local too_long_text = string.format("Das Passwort ist zu lang (höchstens %d Zeichen). / "
	.. "The password is too long (at most %d characters).", max_password_length, max_password_length);

if next(guest_domains) == nil or next(teacher_domains) == nil then
	module:log("error", "school_policy: set school_policy_guest_domains and school_policy_teacher_domains;"
		.. " without them nobody counts as teacher and every occupant is treated as a guest");
end

-- Fail loud on a setting that names no host of this server: a typo would otherwise make every
-- teacher a guest (or worse, name a domain nobody controls).
for _, set in ipairs({ guest_domains, teacher_domains, service_domains }) do
	for domain in pairs(set) do
		if rawget(configmanager.getconfig(), domain) == nil then
			module:log("error", "school_policy: %s is in the settings but is no host of this server", domain);
		end
	end
end

-- Jicofo's vouches, by the occupant's full address: { identity = account, room = room address }.
-- Shared across reloads so that a reload does not turn a teacher into a guest.
local vouches = module:shared("vouches");
-- Pending closures, by room address: the number of the closure in force. Kept by address, never on
-- the room object: Prosody swaps idle rooms out of its live cache and restores them as new objects.
local closures = module:shared("closures");
local closure_count = module:shared("closure_count");

-- What the module does, for operations (Prosody's statistics: `statistics = "internal"`, shown by
-- mod_http_openmetrics): counts and one gauge per server, never a room name or a person.
local refusals = module:metric("counter", "refusals", "", "Joins and room changes refused, by reason", { "reason" });
local closures_metric = module:metric("counter", "closures", "", "Rooms closed because no teacher was inside", {});
local vouches_metric = module:metric("counter", "vouches", "", "Teachers Jicofo vouched for", {});
local rooms_metric = module:metric("gauge", "rooms", "", "Rooms on this server's conference component", {});

--- Whether a session's verified token (Jitsi's mod_auth_token) makes it a moderator.
local function token_says_teacher(full_jid)
	if not token_teachers then return false; end
	local session = prosody.full_sessions[full_jid];
	if not session or not session.auth_token then return false; end
	local user = session.jitsi_meet_context_user;
	return type(user) == "table" and (user.moderator == true or user.moderator == "true");
end

-- Hosts no setting names that an occupant came from, each logged once.
local unknown_domains_logged = {};

--- Who is behind one real address in one room, and for a teacher, which school's account: the one
-- place that decides who counts as a teacher (admission, closure and the usage counts all ask it).
-- @return "service", "teacher" or "guest"; for a teacher the school (account name), or nil (a token)
local function identify(real_jid, room_jid)
	-- Prosody has already normalised every address it routes (core/stanza_router.lua), so no
	-- further preparation is needed here, on every join.
	local full = real_jid;
	local bare, host = jid_bare(full), jid_host(full);
	if service_accounts[bare] or service_domains[host] then return "service"; end
	if teacher_domains[host] then return "teacher", jid_util.node(full); end
	local vouch = vouches[full];
	if vouch and vouch.room == room_jid and not register.blocked(jid_util.node(vouch.identity)) then
		return "teacher", jid_util.node(vouch.identity);
	end
	if token_says_teacher(full) then return "teacher"; end
	if not guest_domains[host] and not unknown_domains_logged[host] then
		-- Once per domain: a misconfigured domain would otherwise fill the log on every occupant event.
		unknown_domains_logged[host] = true;
		module:log("error", "school_policy: %s is on %s, which is no configured domain; treated as a guest"
			.. " (logged once per domain)", full, host);
	end
	return "guest";
end

--- Service, teacher or guest (see identify).
local function kind_of(real_jid, room_jid)
	return (identify(real_jid, room_jid));
end

--- Whether any session of an occupant is a teacher's.
local function occupant_is(kind, occupant, room_jid)
	for real_jid in occupant:each_session() do
		if kind_of(real_jid, room_jid) == kind then return true; end
	end
	return false;
end

--- The component of Jitsi's breakout rooms for this conference component, or nil: the setting
-- school_policy_breakout_muc, else what a host that loads mod_muc_breakout_rooms with this component
-- as its main_muc names (its breakout_rooms_muc, by default "breakout." .. that host), as Debian's
-- example configures it.
local function find_breakout_component()
	local configured = module:get_option_string("school_policy_breakout_muc");
	if configured then return configured; end
	for host, settings in pairs(configmanager.getconfig()) do
		if type(settings) == "table" and settings.main_muc == module.host then
			for _, name in ipairs(settings.modules_enabled or {}) do
				if name == "muc_breakout_rooms" then return settings.breakout_rooms_muc or ("breakout." .. host); end
			end
		end
	end
	return nil;
end
local breakout_component = find_breakout_component();

--- The rooms of a lesson: the main room and its live breakout rooms. Jitsi's mod_muc_breakout_rooms
-- keeps their addresses in the main room's data (`breakout_rooms`: address → subject), the rooms on
-- its own component.
local function lesson_rooms(room)
	local rooms = { room };
	local muc = breakout_component and hosts[breakout_component] and hosts[breakout_component].modules.muc;
	if not muc or type(room._data.breakout_rooms) ~= "table" then return rooms; end
	for breakout_jid in pairs(room._data.breakout_rooms) do
		local breakout = muc.get_room_from_jid(breakout_jid);
		if breakout then rooms[#rooms + 1] = breakout; end
	end
	return rooms;
end

--- Whether a teacher is in the lesson, breakout rooms included (stops at the first one: called on
-- every guest's arrival). Identity is decided for the main room: Jicofo's vouch names it.
local function has_teacher(room)
	for _, part in ipairs(lesson_rooms(room)) do
		for _, occupant in part:each_occupant() do
			if occupant_is("teacher", occupant, room.jid) then return true; end
		end
	end
	return false;
end

--- Counts the teachers and guests in a lesson, its breakout rooms included.
local function census(room)
	local teachers, guests = 0, 0;
	for _, part in ipairs(lesson_rooms(room)) do
		for _, occupant in part:each_occupant() do
			if occupant_is("teacher", occupant, room.jid) then teachers = teachers + 1;
			elseif occupant_is("guest", occupant, room.jid) then guests = guests + 1; end
		end
	end
	return teachers, guests;
end

local function has_password(room)
	local password = room:get_password();
	return password ~= nil and password ~= "";
end

--- Whether guests may come into a room: it has a password, or (where the terms allow it) the lobby.
local function protected(room)
	return has_password(room) or (lobby_protects and room:get_members_only());
end

--- The live room with this address, or nil; never an object held across a timer.
local function room_by_jid(room_jid)
	local muc = hosts[module.host] and hosts[module.host].modules.muc;
	return muc and muc.get_room_from_jid(room_jid);
end

--- R8: if the room holds guests and no teacher, close it after the grace period (once).
local function consider_closing(room, why)
	local room_jid = room.jid;
	if closures[room_jid] or has_teacher(room) then return; end
	local _, guests = census(room);
	if guests == 0 then return; end

	closure_count.n = (closure_count.n or 0) + 1;
	local number = closure_count.n;
	closures[room_jid] = number;
	module:log("info", "school_policy: %s in %s with %d guest(s); closing in %d s", why, room_jid, guests, grace_period);

	module:add_timer(grace_period, function ()
		if closures[room_jid] ~= number then
			module:log("info", "school_policy: grace period of %s over; it stays, a teacher came back", room_jid);
			return;
		end
		closures[room_jid] = nil;
		local now = room_by_jid(room_jid);
		if not now or now.destroying then return; end
		local now_teachers, now_guests = census(now);
		if now_teachers > 0 then
			module:log("info", "school_policy: kept %s: a teacher is back", room_jid);
		elseif now_guests == 0 then
			module:log("info", "school_policy: nothing to close in %s: the guests have gone", room_jid);
		else
			module:log("info", "school_policy: closed %s: no teacher for %d s, %d guest(s) removed", room_jid,
				grace_period, now_guests);
			closures_metric:with_labels():add(1);
			now:destroy(nil, closed_text);
		end
	end);
end

--- A teacher is inside: any pending closure of the room is void.
local function cancel_closing(room)
	if closures[room.jid] then
		closures[room.jid] = nil;
		module:log("info", "school_policy: kept %s: a teacher came back within the grace period", room.jid);
	end
end

-- Jicofo's answer to a conference request, on its way to a guest: remember whom it vouched for.
-- lib-jitsi-meet modules/xmpp/moderator.ts (_parseConferenceIq reads `identity`), Jicofo
-- AbstractAuthAuthority.authenticateJidWithSession (sets `identity` = the account's bare address).
local function observe_focus_answer(event)
	local stanza = event.stanza;
	if stanza.attr.type ~= "result" or event.origin.type == "s2sin" then return; end
	local conference = stanza:get_child("conference", FOCUS_NS);
	if not conference then return; end
	local from = jid_prep(stanza.attr.from or "");
	if not from or not focus_addresses[jid_bare(from)] then return; end
	local to, identity, room = jid_prep(stanza.attr.to or ""), conference.attr.identity, conference.attr.room;
	if not to or not identity or not room then return; end
	identity, room = jid_prep(identity), jid_prep(room);
	if not identity or not room or not teacher_domains[jid_host(identity)] then
		module:log("info", "school_policy: ignored the focus's identity %s for %s: not on a teacher domain",
			tostring(conference.attr.identity), to);
		return;
	end
	local blocked, reason = register.blocked(jid_util.node(identity));
	if blocked then
		module:log("info", "school_policy: ignored the focus's identity %s for %s: the school is blocked (%s)",
			identity, to, reason);
		return;
	end
	-- Sub-second time: a rotation in the same second as this vouch must still be told apart.
	vouches[to] = { identity = identity, room = room, at = time_now() };
	vouches_metric:with_labels():add(1);
	module:log("info", "school_policy: the focus vouched for %s as %s in %s", to, identity, room);
end

local function forget_session(event)
	local full = event.session and event.session.full_jid;
	if full and vouches[full] then vouches[full] = nil; end
end

--- Listens on a guest host for Jicofo's answers and for sessions that end.
local function watch_guest_host(host)
	local context = module:context(host);
	context:hook("iq/full", observe_focus_answer, 100);
	-- After mod_presence (priority 0) has taken the session out of its rooms, so that the rooms
	-- still know who was leaving.
	context:hook("resource-unbind", forget_session, -100);
	module:log("debug", "school_policy: watching %s for the focus's answers", host);
end

for host in pairs(guest_domains) do
	if hosts[host] then watch_guest_host(host); end
end
-- A guest host declared after the MUC component is activated later.
module:hook_global("host-activated", function (host)
	if guest_domains[host] then watch_guest_host(host); end
end);

-- R2: a guest may not create a room. Refused before mod_muc tracks the room (priority 0) and makes
-- its creator the owner (-1): a refused guest must not leave behind an empty room it owns, where it
-- would be moderator once let in and the teacher who comes next would not.
module:hook("muc-room-pre-create", function (event)
	local stanza = event.stanza;
	if kind_of(stanza.attr.from, event.room.jid) ~= "guest" then return; end
	module:log("info", "school_policy: refused %s in %s: no password set (new room)", stanza.attr.from,
		event.room.jid);
	refusals:with_labels("new_room"):add(1);
	event.origin.send(not_open_refusal(stanza, event.room.jid));
	return true;
end, 10);

-- R6: guests may not enter a room without a password.
-- Priority 10 runs before mod_muc's own checks (password at -20), so the refusal is ours.
module:hook("muc-occupant-pre-join", function (event)
	local room, stanza = event.room, event.stanza;
	local from = stanza.attr.from;
	if kind_of(from, room.jid) ~= "guest" then return; end

	local x = stanza:get_child("x", "http://jabber.org/protocol/muc");
	local given = x and x:get_child_text("password", "http://jabber.org/protocol/muc");
	if given and #given > max_password_length then
		module:log("info", "school_policy: refused %s in %s: password too long (%d bytes)", from, room.jid, #given);
		refusals:with_labels("password_too_long"):add(1);
		event.origin.send(st.error_reply(stanza, "modify", "not-acceptable", "Password too long", room.jid));
		return true;
	end

	if not event.is_new_room and lobby_protects and room:get_members_only() then
		-- The lobby decides (it runs after us): members come in, everyone else waits in the lobby.
		return;
	end
	if event.is_new_room or not protected(room) then
		module:log("info", "school_policy: refused %s in %s: no password set (%s)", from, room.jid,
			event.is_new_room and "new room" or "open room");
		refusals:with_labels("not_open"):add(1);
		event.origin.send(not_open_refusal(stanza, room.jid));
		return true;
	end
	-- With a password set, mod_muc checks it next.
end, 10);

--- Someone came into a lesson (its main room, or one of its breakout rooms): a teacher ends a pending
-- closure; a guest in a lesson without a teacher starts one (e.g. a room the teacher left while only
-- the focus was inside, or a persistent room after a restart).
local function came_into_lesson(main, occupant, reason)
	if occupant_is("teacher", occupant, main.jid) then
		cancel_closing(main);
	elseif not occupant_is("service", occupant, main.jid) then
		consider_closing(main, reason);
	end
end

--- Whether a muc-occupant-left event is a departure: a nick change ends the old occupant with an
-- available presence to the new nick, which is not leaving; nor is anything in a room being destroyed.
local function really_left(event)
	local stanza = event.stanza;
	if event.room.destroying then return false; end
	return not (stanza and stanza.name == "presence" and stanza.attr.type ~= "unavailable");
end

module:hook("muc-occupant-joined", function (event)
	came_into_lesson(event.room, event.occupant, "a guest joined with no teacher inside");
end);

-- R8: the last teacher has left a room that still holds guests: close it after the grace period.
module:hook("muc-occupant-left", function (event)
	if not really_left(event) or not occupant_is("teacher", event.occupant, event.room.jid) then return; end
	consider_closing(event.room, "last teacher left");
end);

-- Rooms this server has held since it started (shared: a module reload keeps it).
local held_here = module:shared("held_here");

module:hook("muc-room-destroyed", function (event)
	closures[event.room.jid] = nil;
	held_here[event.room.jid] = nil;
	rooms_metric:with_labels():add(-1);
end);

module:hook("muc-room-created", function (event)
	held_here[event.room.jid] = true;
	rooms_metric:with_labels():add(1);
end);

-- R6, a password set anew at every start: Prosody saves every live room with its password and its
-- occupants when it stops (mod_muc's shutdown_component, `room:save(nil, true)`) and restores it from
-- storage at the next join. With a store the shards share, the room a failed shard saved comes back on
-- another shard with the old password and the old shard's occupants, who are not there (a teacher
-- among them would keep the room from closing); after a restart, the same. A room this server swapped
-- out of its own cache is the same lesson and comes back as it was.
local muc_state = module:open_store("state");
module:hook("muc-room-pre-restore", function (event)
	if held_here[event.jid] then return; end
	local data = event.data and event.data._data;
	if type(data) == "table" and data.password ~= nil then data.password = nil; end
	muc_state:set(jid_util.node(event.jid), nil);
	module:log("info", "school_policy: restored %s as a new lesson (saved by another server or before a restart):"
		.. " no password, nobody inside", event.jid);
end, 10);
module:hook("muc-room-restored", function (event)
	held_here[event.room.jid] = true;
end);

--- The main room of a breakout room, or nil: the room of this component whose data lists it (Jitsi's
-- module keeps its own map in its own memory). Live rooms first; a main room with breakout rooms is
-- persistent, so one Prosody swapped out of its cache is found among the stored ones.
local function main_room_of(breakout_jid)
	local muc = hosts[module.host] and hosts[module.host].modules.muc;
	if not muc then return nil; end
	for _, live_only in ipairs({ true, false }) do
		for room in muc.each_room(live_only) do
			local listed = room._data.breakout_rooms;
			if type(listed) == "table" and listed[breakout_jid] then return room; end
		end
	end
	return nil;
end

-- Breakout rooms (Jitsi's mod_muc_breakout_rooms) belong to their main room's lesson: a teacher in one
-- counts for the main room, a guest in one counts as in the lesson, and closing the main room closes
-- them (Jitsi's module destroys them with it, with our reason). They have no password of their own:
-- Jitsi lets in only sessions that came from the main room; we also refuse guests while the main room
-- is not open, whatever Jitsi's module decides.
local function watch_breakout_component(host)
	local context = module:context(host);
	context:hook("muc-occupant-pre-join", function (event)
		local room, stanza = event.room, event.stanza;
		local main = main_room_of(room.jid);
		if kind_of(stanza.attr.from, main and main.jid or room.jid) ~= "guest" then return; end
		if main and not main.destroying and protected(main) then return; end
		module:log("info", "school_policy: refused %s in breakout room %s: its main room %s is not open",
			stanza.attr.from, room.jid, main and main.jid or "(none)");
		refusals:with_labels("breakout_not_open"):add(1);
		event.origin.send(not_open_refusal(stanza, room.jid));
		return true;
	end, 10);
	context:hook("muc-occupant-joined", function (event)
		local main = main_room_of(event.room.jid);
		if main then came_into_lesson(main, event.occupant, "a guest joined a breakout room with no teacher in the lesson"); end
	end);
	context:hook("muc-occupant-left", function (event)
		if not really_left(event) then return; end
		local main = main_room_of(event.room.jid);
		if not main or main.destroying or not occupant_is("teacher", event.occupant, main.jid) then return; end
		consider_closing(main, "last teacher left a breakout room");
	end);
	module:log("debug", "school_policy: watching the breakout rooms on %s", host);
end

if breakout_component and hosts[breakout_component] then watch_breakout_component(breakout_component); end
module:hook_global("host-activated", function (host)
	if host == breakout_component then watch_breakout_component(host); end
end);

-- R5, misuse signals without surveillance: the per-school counts (school_usage.lib.lua), with the
-- school as this module decides it.
module:require("school_usage").track(module, {
	school_of = function (real_jid, room_jid)
		local kind, school = identify(real_jid, room_jid);
		return kind == "teacher" and school or nil;
	end,
	record = record_usage,
});

-- R5: a block (or a new password) ends the sessions Jicofo vouched for with that school's account:
-- the teacher's anonymous connection never logged in with the credentials, so Prosody's own
-- session handling on the teacher host does not reach it.
local function close_vouched_sessions()
	for full, vouch in pairs(vouches) do
		local school = jid_util.node(vouch.identity);
		local blocked = register.blocked(school);
		if blocked or (vouch.at or 0) < register.rotated_at(school) then
			vouches[full] = nil;
			local session = prosody.full_sessions[full];
			module:log("info", "school_policy: ended %s, vouched for as %s: the school is %s", full, vouch.identity,
				blocked and "blocked" or "given a new password");
			if session then
				session:close({ condition = "not-authorized",
					text = blocked and school_accounts.blocked_text or school_accounts.rotated_text });
			end
		end
	end
end

register.on_change(close_vouched_sessions);

--- The submitted value of one field of a room configuration form, "" when sent empty, nil when absent.
local function submitted_field(query, var)
	local form = query:get_child("x", "jabber:x:data");
	if not form or form.attr.type ~= "submit" then return nil; end
	for field in form:childtags("field") do
		if field.attr.var == var then return field:get_child_text("value") or ""; end
	end
	return nil;
end

-- R6: the password a teacher sets must be one guests can send, and (optionally) it cannot be removed
-- while guests are inside. Checked before the room applies the form, so the teacher's client gets an
-- error instead of a success it would wrongly believe (mod_muc answers every form with success).
module:hook("iq-set/bare/" .. MUC_OWNER_NS .. ":query", function (event)
	local stanza, origin = event.stanza, event.origin;
	local secret = submitted_field(stanza.tags[1], "muc#roomconfig_roomsecret");
	if secret == nil then return; end
	local room = room_by_jid(jid_bare(stanza.attr.to));
	if not room then return; end
	if #secret > max_password_length then
		module:log("info", "school_policy: refused a password of %d bytes for %s", #secret, room.jid);
		refusals:with_labels("password_too_long"):add(1);
		origin.send(st.error_reply(stanza, "modify", "not-acceptable", too_long_text));
		return true;
	end
	if keep_password and secret == "" and has_password(room) then
		local _, guests = census(room);
		if guests > 0 then
			module:log("info", "school_policy: kept the password of %s: %d guest(s) inside", room.jid, guests);
			refusals:with_labels("password_kept"):add(1);
			origin.send(st.error_reply(stanza, "cancel", "not-allowed", keep_password_text));
			return true;
		end
	end
end, 10);

-- After a reload or a restart: the old timers are gone (Prosody drops an unloaded module's timers),
-- so every room that holds guests and no teacher starts its closure again.
for room_jid in pairs(closures) do closures[room_jid] = nil; end
local muc_module = hosts[module.host] and hosts[module.host].modules.muc;
if muc_module then
	local live = 0;
	for room in muc_module.each_room(true) do
		live = live + 1;
		held_here[room.jid] = true;
		consider_closing(room, "found on loading");
	end
	-- The gauge counts from here on by creations and destructions.
	rooms_metric:with_labels():set(live);
end

module:log("info", "school_policy: loaded (grace period %d s, keep password while guests: %s)", grace_period,
	tostring(keep_password));
