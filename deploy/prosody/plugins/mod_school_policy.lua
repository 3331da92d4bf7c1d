-- mod_school_policy: what only the server can guarantee for the media centres' terms of use.
--
-- Load it on the MUC component of a Jitsi "secure domain" set-up (deploy/prosody/README.md):
--   * R6: a guest (an occupant whose real address is on a guest domain, i.e. not authenticated)
--     cannot join a room that has no password, and cannot create a room at all (R2);
--   * R8: when the last teacher (an occupant authenticated on a teacher domain) has left a room
--     that still holds guests, the room is destroyed after a grace period; a teacher who comes back
--     within it keeps the room. Decided by authentication, not by role: jicofo may hand the
--     moderator role to a student;
--   * R6 (optional): the password cannot be removed while guests are inside.
-- Service accounts (jicofo's focus user, recorders, bridges) are neither teachers nor guests.
-- Every decision is logged at "info" level, prefixed "school_policy:".

local jid_host = require "util.jid".host;
local jid_bare = require "util.jid".bare;
local st = require "util.stanza";

local function set_of(list)
	local set = {};
	for _, item in ipairs(list or {}) do set[item] = true; end
	return set;
end

-- Settings, each with a safe default.
local guest_domains = set_of(module:get_option_array("school_policy_guest_domains", {}));
local teacher_domains = set_of(module:get_option_array("school_policy_teacher_domains", {}));
local service_domains = set_of(module:get_option_array("school_policy_service_domains", {}));
local service_accounts = set_of(module:get_option_array("school_policy_service_accounts", {}));
local grace_period = module:get_option_number("school_policy_grace_period", 60);
local keep_password = module:get_option_boolean("school_policy_keep_password_while_guests", true);
local max_password_length = module:get_option_number("school_policy_max_password_length", 128);
local not_open_text = module:get_option_string("school_policy_not_open_text",
	"Der Raum ist noch nicht geöffnet: Die Lehrkraft hat noch kein Passwort gesetzt. / "
	.. "The room is not open yet: the teacher has not set a password.");
local closed_text = module:get_option_string("school_policy_closed_text",
	"Die Lehrkraft hat das Meeting verlassen. Der Raum wurde geschlossen. / "
	.. "The teacher has left the meeting. The room has been closed.");

if next(guest_domains) == nil or next(teacher_domains) == nil then
	module:log("error", "school_policy: set school_policy_guest_domains and school_policy_teacher_domains;"
		.. " without them nobody counts as guest or teacher and nothing is enforced");
end

--- Who an occupant is, by the real address of one of its sessions.
-- @return "service", "teacher", "guest" or "other"
local function kind_of(real_jid)
	local bare, host = jid_bare(real_jid), jid_host(real_jid);
	if service_accounts[bare] or service_domains[host] then return "service"; end
	if teacher_domains[host] then return "teacher"; end
	if guest_domains[host] then return "guest"; end
	return "other";
end

--- Counts the teachers and guests in a room.
local function census(room)
	local teachers, guests = 0, 0;
	for _, occupant in room:each_occupant() do
		local kind = kind_of(occupant.bare_jid);
		if kind == "teacher" then teachers = teachers + 1;
		elseif kind == "guest" then guests = guests + 1; end
	end
	return teachers, guests;
end

local function has_password(room)
	local password = room:get_password();
	return password ~= nil and password ~= "";
end

-- R2: a guest may not create a room. Refused before mod_muc tracks the room (priority 0) and makes
-- its creator the owner (-1): a refused guest must not leave behind an empty room it owns, where it
-- would be moderator once let in and the teacher who comes next would not.
module:hook("muc-room-pre-create", function (event)
	local stanza = event.stanza;
	if kind_of(stanza.attr.from) ~= "guest" then return; end
	module:log("info", "school_policy: refused %s in %s: no password set (new room)", stanza.attr.from,
		event.room.jid);
	event.origin.send(st.error_reply(stanza, "cancel", "not-allowed", not_open_text, event.room.jid));
	return true;
end, 10);

-- R6: guests may not enter a room without a password.
-- Priority 10 runs before mod_muc's own checks (password at -20), so the refusal is ours.
module:hook("muc-occupant-pre-join", function (event)
	local room, stanza = event.room, event.stanza;
	local from = stanza.attr.from;
	if kind_of(from) ~= "guest" then return; end

	local x = stanza:get_child("x", "http://jabber.org/protocol/muc");
	local given = x and x:get_child_text("password", "http://jabber.org/protocol/muc");
	if given and #given > max_password_length then
		module:log("info", "school_policy: refused %s in %s: password too long (%d bytes)", from, room.jid, #given);
		event.origin.send(st.error_reply(stanza, "modify", "not-acceptable", "Password too long", room.jid));
		return true;
	end

	if event.is_new_room or not has_password(room) then
		module:log("info", "school_policy: refused %s in %s: no password set (%s)", from, room.jid,
			event.is_new_room and "new room" or "open room");
		event.origin.send(st.error_reply(stanza, "cancel", "not-allowed", not_open_text, room.jid));
		return true;
	end
	-- With a password set, mod_muc checks it next.
end, 10);

-- A teacher's arrival cancels a pending closure: each closure remembers the generation it was
-- started in, and a teacher's arrival starts a new one.
module:hook("muc-occupant-joined", function (event)
	local room = event.room;
	if kind_of(event.occupant.bare_jid) ~= "teacher" then return; end
	room._school_policy_generation = (room._school_policy_generation or 0) + 1;
	if room._school_policy_closing then
		room._school_policy_closing = nil;
		module:log("info", "school_policy: kept %s: a teacher came back within the grace period", room.jid);
	end
end);

-- R8: the last teacher has left a room that still holds guests: close it after the grace period.
module:hook("muc-occupant-left", function (event)
	local room = event.room;
	if kind_of(event.occupant.bare_jid) ~= "teacher" then return; end
	local teachers, guests = census(room);
	if teachers > 0 or guests == 0 then return; end

	local generation = (room._school_policy_generation or 0) + 1;
	room._school_policy_generation = generation;
	room._school_policy_closing = true;
	module:log("info", "school_policy: last teacher left %s with %d guest(s); closing in %d s", room.jid, guests, grace_period);

	module:add_timer(grace_period, function ()
		if room.destroying then return; end
		if room._school_policy_generation ~= generation then
			module:log("info", "school_policy: grace period of %s over; it stays, a teacher came back", room.jid);
			return;
		end
		room._school_policy_closing = nil;
		local now_teachers, now_guests = census(room);
		if now_teachers > 0 then
			module:log("info", "school_policy: kept %s: a teacher is back", room.jid);
		elseif now_guests == 0 then
			module:log("info", "school_policy: nothing to close in %s: the guests have gone", room.jid);
		else
			module:log("info", "school_policy: closed %s: no teacher for %d s, %d guest(s) removed", room.jid, grace_period, now_guests);
			room:destroy(nil, closed_text);
		end
	end);
end);

-- R6 (optional): a password cannot be removed while guests are inside. Runs before the password
-- library's own handler (priority 0) and stops it.
if keep_password then
	module:hook("muc-config-submitted/muc#roomconfig_roomsecret", function (event)
		local value = event.value;
		if value ~= nil and value ~= "" then return; end
		if not has_password(event.room) then return; end
		local _, guests = census(event.room);
		if guests == 0 then return; end
		module:log("info", "school_policy: kept the password of %s: %d guest(s) inside", event.room.jid, guests);
		return true;
	end, 10);
end

module:log("info", "school_policy: loaded (grace period %d s, keep password while guests: %s)", grace_period, tostring(keep_password));
