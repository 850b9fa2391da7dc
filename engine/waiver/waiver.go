// Package waiver is annexa's model of waivers: approved, expiring
// exceptions that accept the risk of a finding without removing it. A
// waiver names a policy and/or a control, a resource glob, the reason, who
// approved it and when it expires, and optionally the id of the risk in the
// register that accepts it. Waivers come from a waivers file (--waivers,
// waivers: in annexa.yaml) or from inline suppressions in Terraform and
// Kubernetes sources; both give the same records.
//
// A waiver waives the findings it matches while the run's effective time
// is before its expiry. The engine keeps every waived finding in the
// report, marked with its waiver, and computes effectiveness, residual
// risk and clause conformance as if the finding were open (docs/waivers.md).
package waiver

import (
	"fmt"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/policies/catalog"
)

// Waiver is one approved exception.
type Waiver struct {
	// Policy is a glob over policy ids (c8_20.aws_security_group, c8_20.*);
	// empty matches every policy.
	Policy string `json:"policy,omitempty"`
	// Control is a glob over Annex A control ids (8.20, 8.2*; a leading
	// "A." is dropped); empty matches every control.
	Control string `json:"control,omitempty"`
	// Resource is a glob over resource addresses; "*" matches any run of
	// characters (dots and slashes too), "?" one character.
	Resource string `json:"resource"`
	// Reason, ApprovedBy and Expires are required.
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	// Expires is a date (the waiver holds through the end of that day,
	// UTC) or an RFC 3339 time, as written.
	Expires string `json:"expires"`
	// Risk is the id of the risk in the register that accepts the risk
	// the waiver leaves standing; optional.
	Risk string `json:"risk,omitempty"`
	// File and Line say where the waiver is written: a waivers file entry
	// or an inline suppression in a source.
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	// Inline is true for a suppression written in a source file.
	Inline bool `json:"inline,omitempty"`
}

// Where is the waiver's file:line.
func (w Waiver) Where() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d", w.File, w.Line)
	}
	return w.File
}

// Check validates a waiver: reason, approver and expiry are required, the
// expiry must be a date or time, and the waiver must name a policy or a
// control. Errors name the waiver's file and line.
func (w Waiver) Check() error {
	var missing []string
	if strings.TrimSpace(w.Reason) == "" {
		missing = append(missing, "reason")
	}
	if strings.TrimSpace(w.ApprovedBy) == "" {
		missing = append(missing, "approved_by")
	}
	if strings.TrimSpace(w.Expires) == "" {
		missing = append(missing, "expires")
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: waiver without %s: a waiver needs a reason, an approver (approved_by) and an expiry date (expires)", w.Where(), strings.Join(missing, ", "))
	}
	if w.Policy == "" && w.Control == "" {
		return fmt.Errorf("%s: waiver names neither a policy nor a control: give policy: (a policy id or glob) or control: (an Annex A control id or glob)", w.Where())
	}
	if _, err := w.ExpiresAt(); err != nil {
		return fmt.Errorf("%s: expires: %w", w.Where(), err)
	}
	return nil
}

// ExpiresAt is the first instant the waiver no longer holds: the end of
// the day of a plain date, else the time written.
func (w Waiver) ExpiresAt() (time.Time, error) {
	s := strings.TrimSpace(w.Expires)
	t, err := catalog.ParseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	if _, dateErr := time.Parse(time.DateOnly, s); dateErr == nil {
		return t.AddDate(0, 0, 1), nil
	}
	return t, nil
}

// Expired reports whether the waiver no longer holds at the effective
// time at. A waiver whose expiry cannot be read (Check refuses it) counts
// as expired.
func (w Waiver) Expired(at time.Time) bool {
	t, err := w.ExpiresAt()
	return err != nil || !at.Before(t)
}

// Matches reports whether the waiver applies to a finding of policy about
// resource, against controls.
func (w Waiver) Matches(policy, resource string, controls []string) bool {
	if w.Policy != "" && !Glob(w.Policy, policy) {
		return false
	}
	if w.Control != "" {
		pat := trimA(w.Control)
		found := false
		for _, c := range controls {
			if Glob(pat, trimA(c)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return Glob(w.resourcePattern(), resource)
}

func (w Waiver) resourcePattern() string {
	if w.Resource == "" {
		return "*"
	}
	return w.Resource
}

func trimA(id string) string {
	return strings.TrimPrefix(strings.TrimPrefix(id, "A."), "a.")
}

// Glob matches name against pattern, where "*" matches any run of
// characters (including none) and "?" exactly one; every other character,
// brackets and dots included, matches itself, so a resource address such
// as aws_instance.web["a"] can be written as it is.
func Glob(pattern, name string) bool {
	p, n := []rune(pattern), []rune(name)
	// Iterative matching with backtracking to the last star.
	pi, ni, star, mark := 0, 0, -1, 0
	for ni < len(n) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == n[ni]):
			pi++
			ni++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, ni
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			ni = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// Status is what became of a waiver in a run.
type Status string

// Waiver statuses.
const (
	// StatusActive waives at least one finding.
	StatusActive Status = "active"
	// StatusExpired is past its expiry: it waives nothing, and the
	// findings it matches count as open.
	StatusExpired Status = "expired"
	// StatusUnused matches no finding of the run.
	StatusUnused Status = "unused"
)

// Result is one waiver with what it did in a run.
type Result struct {
	Waiver
	Status Status `json:"status"`
	// Findings counts the findings the waiver matches (for an expired
	// waiver: would have waived).
	Findings int `json:"findings"`
}

// set sets the field a waivers file names key; false when there is none.
func (w *Waiver) set(key, value string) bool {
	switch key {
	case "policy":
		w.Policy = value
	case "control":
		w.Control = value
	case "resource":
		w.Resource = value
	case "reason":
		w.Reason = value
	case "approved_by":
		w.ApprovedBy = value
	case "expires":
		w.Expires = value
	case "risk":
		w.Risk = value
	default:
		return false
	}
	return true
}
