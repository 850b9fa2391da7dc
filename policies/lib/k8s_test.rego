package annexa.lib.k8s_test

import data.annexa.lib.k8s
import data.annexa.lib.testing

api := testing.workload("Deployment", "payments", "api", {
	"securityContext": {"runAsNonRoot": true},
	"initContainers": [{"name": "migrate", "securityContext": {"runAsNonRoot": false}}],
	"containers": [
		{"name": "app", "securityContext": {"privileged": true}},
		{"image": "sidecar:1"},
	],
})

job := testing.workload("Job", "", "cleanup", {"containers": [{"name": "run"}]})

ns := testing.kubernetes("Namespace", "", "payments", {})

ingress := testing.kubernetes("Ingress", "payments", "web", {"spec": {}})

facts := testing.facts([api, job, ns, ingress])

test_objects_and_all if {
	[o.id | some o in k8s.objects("Ingress")] == ["Ingress/payments/web"] with data.facts as facts
	k8s.objects("Service") == [] with data.facts as facts
	count(k8s.all) == 4 with data.facts as facts
	k8s.all == [] with data.facts as testing.facts([])
}

test_workloads_have_a_pod_spec if {
	[w.id | some w in k8s.workloads] == ["Deployment/payments/api", "Job/cleanup"] with data.facts as facts
}

test_containers_in_every_list if {
	cs := k8s.containers(api)
	[[c.list, c.index, c.name, c.path] | some c in cs] == [
		["containers", 0, "app", "pod_spec.containers.0"],
		["containers", 1, "containers[1]", "pod_spec.containers.1"],
		["initContainers", 0, "migrate", "pod_spec.initContainers.0"],
	]
	k8s.containers(testing.workload("Pod", "a", "b", {})) == []
}

test_namespace_and_name if {
	k8s.namespace(api) == "payments"
	k8s.namespace(ns) == ""
	k8s.name(api) == "payments/api"
	k8s.name(ns) == "payments"
	k8s.label(job) == "Job cleanup"
}

test_container_label_and_details if {
	some c in k8s.containers(api)
	c.name == "migrate"
	k8s.container_label(api, c) == `Deployment payments/api: init container "migrate"`
	k8s.container_details(c) == {"container": "migrate", "container_type": "init container"}
}

container(name) := [c | some c in k8s.containers(api); c.name == name][0]

test_security_prefers_the_container if {
	k8s.security(api, container("migrate"), "runAsNonRoot") == false
	k8s.security(api, container("app"), "runAsNonRoot") == true
	k8s.security(api, container("containers[1]"), "runAsNonRoot") == true
}

test_security_undefined_when_nobody_sets_it if {
	c := [c | some c in k8s.containers(job)][0]
	not k8s.security(job, c, "runAsNonRoot")
}

test_container_security if {
	k8s.container_security(container("app"), "privileged") == true
	not k8s.container_security(container("containers[1]"), "privileged")
	not k8s.container_security(container("migrate"), "privileged")
}

test_has_key if {
	k8s.has_key({"a": false}, "a")
	k8s.has_key({"a": null}, "a")
	not k8s.has_key({"a": 1}, "b")
}

test_is_sensitive if {
	secret := testing.with_sensitive(api, ["pod_spec.containers.0.env.0.value"])
	k8s.is_sensitive(secret, "pod_spec.containers.0.env.0.value")
	not k8s.is_sensitive(secret, "pod_spec.containers.0.image")
	not k8s.is_sensitive(api, "pod_spec.containers.0.env.0.value")
}

test_ids if {
	k8s.ids(["Ingress", "Namespace", "Service"]) == {"Ingress/payments/web", "Namespace/payments"} with data.facts as facts
	k8s.workload_ids == {"Deployment/payments/api", "Job/cleanup"} with data.facts as facts
	k8s.workload_ids == set() with data.facts as testing.facts([ns])
}

test_with_containers if {
	empty := testing.workload("Deployment", "payments", "empty", {})
	k8s.with_containers == {"Deployment/payments/api", "Job/cleanup"} with data.facts as testing.facts([api, job, empty, ns])
}

test_null_lists_and_entries if {
	w := testing.workload("Pod", "a", "b", {"containers": [null, {"name": "x"}], "initContainers": null, "securityContext": null})
	[c.name | some c in k8s.containers(w)] == ["x"]
	k8s.spec_list(w, "initContainers") == []
	k8s.spec_list(w, "volumes") == []
	k8s.pod_security(w) == {}
	c := k8s.containers(w)[0]
	not k8s.security(w, c, "runAsNonRoot")
	k8s.container_context(c) == {}
}

test_security_null_field_falls_back_to_the_pod if {
	w := testing.workload("Pod", "a", "b", {
		"securityContext": {"runAsNonRoot": true},
		"containers": [{"name": "x", "securityContext": {"runAsNonRoot": null, "capabilities": null}}],
	})
	c := k8s.containers(w)[0]
	k8s.security(w, c, "runAsNonRoot") == true
	k8s.container_security(c, "capabilities") == null
}
