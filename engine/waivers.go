package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// WithWaivers gives the engine the run's waivers (package waiver): each
// finding a waiver matches before it expires, as of the effective time,
// is marked waived with it; a control whose only findings are waived has
// status waived. A replay passes the waivers a report records.
func WithWaivers(ws []waiver.Waiver) Option {
	return func(c *config) { c.waivers = slices.Clone(ws) }
}

// Waiving returns an engine that applies ws besides the waivers it has:
// a run learns the inline suppressions of its sources only once they are
// read, while its engine compiles. e is not changed.
func (e *Engine) Waiving(ws []waiver.Waiver) (*Engine, error) {
	all := append(slices.Clone(e.waivers), ws...)
	if err := checkWaivers(all); err != nil {
		return nil, err
	}
	c := *e
	c.waivers = all
	return &c, nil
}

// checkWaivers checks every waiver and sorts them by file and line.
func checkWaivers(ws []waiver.Waiver) error {
	var errs []error
	for _, w := range ws {
		errs = append(errs, w.Check())
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	waiver.Sort(ws)
	return nil
}

// Fingerprint identifies a finding across runs by what it is about: the
// policy, the resource and the message with its case and spacing
// normalised. Line numbers never enter it, so a finding keeps its
// fingerprint when the input is edited around it; --baseline matches
// findings by it.
func Fingerprint(policy, resource, message string) string {
	// The normalised text is built in one buffer, a word at a time: a run
	// fingerprints every finding, and splitting, joining, lowering and
	// concatenating took five copies of each message.
	var stack [512]byte
	b := append(stack[:0], policy...)
	b = append(b, 0)
	b = append(b, resource...)
	b = append(b, 0)
	first := true
	for w := range strings.FieldsSeq(message) {
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = appendLower(b, w)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// appendLower appends s in lower case, as strings.ToLower writes it.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// waiving applies a run's waivers to its findings and keeps what each
// waiver did.
type waiving struct {
	waivers []waiver.Waiver
	results []waiver.Result
}

func newWaiving(e *Engine) *waiving {
	w := &waiving{waivers: e.waivers, results: make([]waiver.Result, len(e.waivers))}
	for i, wv := range e.waivers {
		w.results[i] = waiver.Result{Waiver: wv, Status: waiver.StatusUnused}
		if wv.Expired(e.now) {
			w.results[i].Status = waiver.StatusExpired
		}
	}
	return w
}

// apply marks the findings a waiver in force matches as waived, by the
// first such waiver in file and line order, and counts what every waiver
// matches, expired ones included.
func (w *waiving) apply(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		for j, wv := range w.waivers {
			if !wv.Matches(f.Policy, f.Resource, f.Controls) {
				continue
			}
			res := &w.results[j]
			res.Findings++
			if res.Status == waiver.StatusExpired {
				continue
			}
			res.Status = waiver.StatusActive
			if f.Waiver == nil {
				f.Waiver = &w.waivers[j]
			}
		}
	}
}

// report is the waivers section of a report (nil without waivers) and the
// warnings about waivers that expired, match nothing, or name a risk the
// register (when the run has one) does not hold.
func (w *waiving) report(risks *RiskReport) ([]waiver.Result, diag.Diagnostics) {
	if len(w.results) == 0 {
		return nil, nil
	}
	var ds diag.Diagnostics
	for _, r := range w.results {
		d := diag.Diagnostic{Severity: diag.Warning, Source: "waivers", File: r.File, Line: r.Line}
		if r.Risk != "" && risks != nil && !slices.ContainsFunc(risks.Risks, func(rr RiskResult) bool { return rr.ID == r.Risk }) {
			unknown := d
			unknown.Summary = fmt.Sprintf("waiver names risk %s, which the risk register does not hold", r.Risk)
			unknown.Detail = "A waiver's risk is the register entry that records the acceptance; add it to the register or correct the id."
			ds = append(ds, unknown)
		}
		switch r.Status {
		case waiver.StatusExpired:
			d.Summary = fmt.Sprintf("waiver expired (expires %s): it waives nothing", r.Expires)
			d.Detail = fmt.Sprintf("The %d finding(s) it matches count as open and gate the run; renew the waiver with a new approval, or fix them.", r.Findings)
		case waiver.StatusUnused:
			d.Summary = "waiver matches no finding"
			d.Detail = "Check its policy, control and resource globs, or remove it if what it waived was fixed."
		default:
			continue
		}
		ds = append(ds, d)
	}
	return w.results, ds
}

// waivedOnly reports whether every finding in fs is waived, and fs holds
// at least one.
func waivedOnly(fs []Finding) bool {
	return len(fs) > 0 && !slices.ContainsFunc(fs, func(f Finding) bool { return f.Waiver == nil })
}
