-- R5, misuse signals without surveillance: per school, when a room gets its first teacher of that
-- school, the number of rooms the school has open at that moment. No room name, no person, no
-- address leaves this file. Used by mod_school_policy, which decides who is a teacher of which school.
local function count(set)
	local n = 0;
	for _ in pairs(set) do n = n + 1; end
	return n;
end

--- Registers the counting hooks on the MUC component.
-- @param module the component's module (mod_school_policy)
-- @param options.school_of function(real_jid, room_jid): the teacher's school (account name), or nil
-- @param options.record function(entry): appends one count (school_accounts.lib.lua's usage writer)
local function track(module, options)
	local school_of, record = options.school_of, options.record;
	-- Per school, the rooms it has open now (room addresses stay in memory, never in the counts).
	local school_rooms = module:shared("school_rooms");

	module:hook("muc-occupant-joined", function (event)
		local room = event.room;
		local school = school_of(event.stanza.attr.from, room.jid);
		if not school then return; end
		local rooms = school_rooms[school] or {};
		school_rooms[school] = rooms;
		if rooms[room.jid] then return; end
		rooms[room.jid] = true;
		record({ t = os.time(), school = school, event = "opened", open = count(rooms) });
	end, -1);

	-- A school's room is closed for the count when none of its teachers is inside any more (the one
	-- leaving is no longer among the occupants when this runs).
	module:hook("muc-occupant-left", function (event)
		local room = event.room;
		local present = {};
		for _, occupant in room:each_occupant() do
			for real_jid in occupant:each_session() do
				local school = school_of(real_jid, room.jid);
				if school then present[school] = true; end
			end
		end
		for school, rooms in pairs(school_rooms) do
			if rooms[room.jid] and not present[school] then rooms[room.jid] = nil; end
		end
	end, -1);

	module:hook("muc-room-destroyed", function (event)
		for _, rooms in pairs(school_rooms) do rooms[event.room.jid] = nil; end
	end);
end

return { track = track };
