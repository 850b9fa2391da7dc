# METADATA
# title: Test helpers
# description: |
#   Builds the data.facts document the engine gives policies, from a plain
#   list of facts, so Rego tests exercise the same index layout as real runs.
# custom:
#   library: true
package annexa.lib.testing

import data.annexa.lib.labels

# environment_keys are the tag and label keys, normalized, whose value the
# engine gives as a resource's environment (data.facts.environments).
environment_keys := {"environment", "env", "stage", "deploymentenvironment"}

# facts indexes a list of resource facts the way the engine does: managed
# resources by type (delete-only ones left out), sorted by id as the engine
# sorts them, data sources by type,
# every fact by kind, and the environment tag of every managed resource
# that has one, by resource id and grouped by environment, and the facts
# with a literal secret detected in them.
facts(list) := {
	"resources_by_type": {t: rs |
		some f in list
		f.mode == "managed"
		t := f.type
		rs := [g |
			some id in sort({x.id | some x in list; managed_of_type(x, t)})
			some g in list
			g.id == id
			managed_of_type(g, t)
		]
	},
	"data_by_type": {t: ds |
		some f in list
		f.mode == "data"
		t := f.type
		ds := [g | some g in list; g.mode == "data"; g.type == t]
	},
	"by_kind": {k: fs |
		some f in list
		k := f.kind
		fs := [g | some g in list; g.kind == k]
	},
	"environments": {f.id: env |
		some f in list
		f.mode == "managed"
		not delete_only(f)
		env := labels.value(f, environment_keys)
	},
	"resources_by_environment": {env: rs |
		some f in list
		f.mode == "managed"
		not delete_only(f)
		env := labels.value(f, environment_keys)
		rs := [g |
			some g in list
			g.mode == "managed"
			not delete_only(g)
			labels.value(g, environment_keys) == env
		]
	},
	"with_detected": [f |
		some f in list
		count(object.get(f, "detected", {})) > 0
	],
	"by_type": {k: types |
		some f in list
		k := f.kind
		k != "resource"
		types := {t: fs |
			some g in list
			g.kind == k
			t := g.type
			fs := [h | some h in list; h.kind == k; h.type == t]
		}
	},
}

# resource builds a managed resource fact of type t named name with the given
# attributes, filling the fields a provider always sets.
resource(t, name, attributes) := {
	"kind": "resource",
	"mode": "managed",
	"type": t,
	"name": name,
	"id": sprintf("%s.%s", [t, name]),
	"base_address": sprintf("%s.%s", [t, name]),
	"actions": ["create"],
	"attributes": attributes,
	"source": {"provider": "test", "file": "test.json"},
}

# with_refs returns r with configuration references set (attr -> addresses).
with_refs(r, refs) := object.union(r, {"references": refs})

# data_source builds a data source fact of type t named name.
data_source(t, name, attributes) := {
	"kind": "resource",
	"mode": "data",
	"type": t,
	"name": name,
	"id": sprintf("data.%s.%s", [t, name]),
	"base_address": sprintf("data.%s.%s", [t, name]),
	"attributes": attributes,
	"source": {"provider": "test", "file": "test.json"},
}

delete_only(f) if f.actions == ["delete"]

# evidence builds an evidence record fact of the given record kind and id;
# attributes are the record's fields (dates as RFC 3339 times, as the
# evidence provider writes them).
evidence(kind, id, attributes) := {
	"kind": "evidence",
	"type": kind,
	"id": sprintf("%s/%s", [kind, id]),
	"attributes": object.union({"kind": kind, "id": id, "controls": [], "owner": "owner@example.com"}, attributes),
	"source": {"provider": "test", "file": "evidence.yaml"},
}

managed_of_type(f, t) if {
	f.mode == "managed"
	f.type == t
	not delete_only(f)
}
