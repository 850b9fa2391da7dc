package engine

import (
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
func SandboxCapabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	c.Builtins = slices.DeleteFunc(slices.Clone(c.Builtins), func(b *ast.Builtin) bool {
		return b.Nondeterministic
	})
	c.AllowNet = []string{}
	return c
}
