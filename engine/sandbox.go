package engine

import (
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// SandboxCapabilities returns the capabilities policies are compiled
// against: this OPA version's, minus every built-in OPA marks
// non-deterministic. That removes the ones that reach the network
// (http.send, net.lookup_ip_addr), read the environment (opa.runtime), the
// clock (time.now_ns) or randomness (rand.intn, uuid.rfc4122), so a policy
// that calls them fails to compile and results depend on facts and the
// effective time alone. Pure helpers such as net.cidr_contains stay.
//
// Two more go for the same reason though OPA does not mark them: x509
// chain verification checks validity against the wall clock unless the
// policy passes a time, so its result would change with the day of the
// run. (Time zones are the other leak: "Local" in time.clock, time.date,
// time.format and the like; refuseLocalTime rejects it in policies, and
// the CLI pins the process's local zone to UTC for what reaches it by
// other routes.)
func SandboxCapabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.Builtins = slices.DeleteFunc(slices.Clone(c.Builtins), func(b *ast.Builtin) bool {
		return b.Nondeterministic || wallClock(b.Name)
	})
	c.AllowNet = []string{}
	return c
}

// wallClock is true of the built-ins whose result depends on the machine's
// clock though OPA does not mark them non-deterministic.
func wallClock(name string) bool {
	switch name {
	case "crypto.x509.parse_and_verify_certificates",
		"crypto.x509.parse_and_verify_certificates_with_options":
		return true
	}
	return false
}

// zoned is true of the built-ins that take a time zone name beside
// nanoseconds, as [ns, tz], in their arguments.
func zoned(name string) bool {
	switch name {
	case "time.clock", "time.date", "time.weekday", "time.format", "time.diff":
		return true
	}
	return false
}

// localTimeStage rejects the time zone "Local" (the machine's) written in
// a call of a zoned built-in: a result that depended on the TZ of the
// machine would not replay elsewhere. A zone computed at evaluation time
// cannot be seen here; the CLI pins the process's local zone to UTC for
// those.
var localTimeStage = ast.CompilerStageDefinition{
	Name:       "RefuseLocalTimeZone",
	MetricName: "compile_stage_refuse_local_time_zone",
	Stage: func(c *ast.Compiler) *ast.Error {
		var found *ast.Error
		for _, name := range slices.Sorted(maps.Keys(c.Modules)) {
			ast.WalkExprs(c.Modules[name], func(e *ast.Expr) bool {
				if found != nil || !e.IsCall() || !zoned(e.Operator().String()) {
					return found != nil
				}
				for _, arg := range e.Operands() {
					if a, ok := arg.Value.(*ast.Array); ok && a.Len() > 1 && a.Elem(1).Value.Compare(ast.String("Local")) == 0 {
						found = ast.NewError(ast.CompileErr, e.Location, "%s: the time zone \"Local\" is the machine's, so the result would change with the machine that runs or replays it; name a zone (\"UTC\", \"Europe/Paris\")", e.Operator())
						return true
					}
				}
				return false
			})
			if found != nil {
				return found
			}
		}
		return nil
	},
}
