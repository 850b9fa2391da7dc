package annexa.controls.c5_9.asset_inventory_test

import data.annexa.controls.c5_9.asset_inventory as check
import data.annexa.lib.testing

# 2026-11-20T00:00:00Z
run := {"effective_time_ns": 1795132800000000000}

approval := {"approved_by": "sam@example.com", "approved_at": "2026-09-15T00:00:00Z", "due": "2027-03-15T00:00:00Z"}

people := testing.evidence("personnel_register", "HR", {"entries": [
	{"id": "priya@example.com", "start_date": "2020-04-14T00:00:00Z"},
	{"id": "ruth@example.com", "start_date": "2020-08-03T00:00:00Z"},
	{"id": "kevin@example.com", "start_date": "2021-03-01T00:00:00Z", "end_date": "2026-08-29T00:00:00Z"},
]})

register(id, entries) := testing.evidence("asset_register", id, object.union(approval, {"entries": entries}))

db := {"id": "DATA-DB", "name": "Payments database", "type": "information", "owner": "priya@example.com", "status": "active"}

laptop := {
	"id": "LT-0012", "name": "MacBook Pro", "type": "hardware", "owner": "ruth@example.com",
	"assigned_to": "priya@example.com", "status": "active",
}

disposed := {"id": "LT-0009", "name": "Old MacBook", "type": "hardware", "owner": "kevin@example.com", "status": "disposed"}

test_pass_owned_and_current if {
	count(check.deny) == 0 with data.facts as testing.facts([people, register("IT", [db, laptop, disposed])]) with data.run as run
}

test_fail_owner_left if {
	orphan := object.union(db, {"owner": "kevin@example.com"})
	check.deny == {{
		"msg": "asset DATA-DB (Payments database) is owned by kevin@example.com, who left on 2026-08-29",
		"resource": "asset_register/IT#DATA-DB",
	}} with data.facts as testing.facts([people, register("IT", [orphan, laptop])]) with data.run as run
}

test_fail_no_owner_status_missing_counts_as_active if {
	ownerless := object.remove(db, ["owner", "status"])
	[f.msg | some f in check.deny] == ["asset DATA-DB (Payments database) has no owner"] with data.facts as testing.facts([people, register("IT", [ownerless])])
		with data.run as run
}

test_fail_assigned_to_stranger if {
	lent := object.union(laptop, {"assigned_to": "eve@example.com"})
	[f.msg | some f in check.deny] == ["asset LT-0012 (MacBook Pro) is assigned to eve@example.com, who is not in the personnel register"] with data.facts as testing.facts([people, register("IT", [lent])])
		with data.run as run
}

test_fail_duplicate_ids_across_registers if {
	check.deny == {{
		"msg": "asset id DATA-DB is used by 2 entries (DATA, IT); each asset needs its own id",
		"resource": "asset_register/DATA#DATA-DB",
	}} with data.facts as testing.facts([people, register("IT", [db, laptop]), register("DATA", [db])]) with data.run as run
}

test_fail_register_overdue if {
	stale := testing.evidence("asset_register", "IT", object.union(approval, {"due": "2026-11-01T00:00:00Z", "entries": [db]}))
	[f.msg | some f in check.deny] == ["asset register IT cannot be relied on: its review was due on 2026-11-01"] with data.facts as testing.facts([people, stale])
		with data.run as run
}

test_fail_missing_registers if {
	[f.resource | some f in check.deny] == ["missing:asset_register"] with data.facts as testing.facts([people])
		with data.run as run
	[f.resource | some f in check.deny] == ["missing:personnel_register"] with data.facts as testing.facts([register("IT", [db])])
		with data.run as run
}

test_pass_judges_the_asset_registers if {
	check.judged == {"asset_register/IT"} with data.facts as testing.facts([people, register("IT", [db, laptop, disposed])]) with data.run as run
	count(check.judged) == 0 with data.facts as testing.facts([people]) with data.run as run
}
