// Package catalog is annexa's vocabulary of ISO/IEC 27001 and 27002: the
// control catalog (parsed once from the embedded policies data), control
// ids (parsing, the "A." prefix, ordering), the one date parser every
// declared input uses, and the constants of residual risk (scales, bands,
// methods, appetite, treatments). Engine and providers both use it; it
// imports nothing from annexa but the embedded data package policies.
package catalog

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/annexa-dev/annexa/policies"
)

// Control is one ISO/IEC 27002:2022 control from the catalog.
type Control struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Theme      string            `json:"theme"`
	Attributes ControlAttributes `json:"attributes"`
	NewIn2022  bool              `json:"new_in_2022"`
	// Testability says whether the control's criteria can be decided from
	// machine-readable facts or need declared evidence.
	Testability Testability `json:"testability"`
	// Summary is annexa's own statement of the control's testable
	// criteria: what an assessor or a policy checks to decide that the
	// control is implemented. It is not the text of the standard.
	Summary string `json:"summary"`
}

// ControlAttributes are the five attribute families ISO/IEC 27002:2022 tags
// each control with.
type ControlAttributes struct {
	ControlType             []string `json:"control_type"`
	SecurityProperties      []string `json:"security_properties"`
	CybersecurityConcepts   []string `json:"cybersecurity_concepts"`
	OperationalCapabilities []string `json:"operational_capabilities"`
	SecurityDomains         []string `json:"security_domains"`
}

// Testability rates how far a control can be checked by a machine.
type Testability string

// Testability ratings, as the reference catalog letters them.
const (
	// TestabilityAutomatable controls have criteria that configuration
	// facts (a plan, a cloud snapshot, a manifest) can decide, at least in
	// part.
	TestabilityAutomatable Testability = "A"
	// TestabilityManual controls need declared evidence: documents,
	// approvals, records of human activity.
	TestabilityManual Testability = "M"
)

// Themes returns the four control themes of ISO/IEC 27002:2022 in the
// order the standard numbers them (5 to 8).
func Themes() []string {
	return []string{"organizational", "people", "physical", "technological"}
}

// Catalog is the ordered list of controls.
type Catalog struct {
	Standard string    `json:"standard"`
	Controls []Control `json:"controls"`
	byID     map[string]int
}

// builtin parses the embedded catalog the first time it is asked for; the
// result never changes afterwards.
var builtin = sync.OnceValues(func() (*Catalog, error) {
	return Load(policies.FS, policies.CatalogPath)
})

// Builtin returns the catalog embedded in the binary (policies.FS at
// policies.CatalogPath), parsed once per process. The catalog is shared:
// callers read it and never modify it.
func Builtin() (*Catalog, error) { return builtin() }

// Load reads and checks the catalog at path in fsys.
func Load(fsys fs.FS, path string) (*Catalog, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("read control catalog: %w", err)
	}
	return Parse(b, path)
}

// Parse parses and checks a catalog; path names it in errors.
func Parse(b []byte, path string) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parse control catalog %s: %w", path, err)
	}
	c.byID = make(map[string]int, len(c.Controls))
	for i, ctl := range c.Controls {
		if ctl.ID == "" || ctl.Title == "" || ctl.Theme == "" {
			return nil, fmt.Errorf("control catalog %s: entry %d lacks id, title or theme", path, i)
		}
		if id, err := ParseID(ctl.ID); err != nil || id != ctl.ID {
			return nil, fmt.Errorf("control catalog %s: entry %d: %q is not a control id such as 8.24", path, i, ctl.ID)
		}
		if _, dup := c.byID[ctl.ID]; dup {
			return nil, fmt.Errorf("control catalog %s: control %s listed twice", path, ctl.ID)
		}
		if !slices.Contains(Themes(), ctl.Theme) {
			return nil, fmt.Errorf("control catalog %s: control %s: theme %q is not one of %s", path, ctl.ID, ctl.Theme, strings.Join(Themes(), ", "))
		}
		if ctl.Testability != TestabilityAutomatable && ctl.Testability != TestabilityManual {
			return nil, fmt.Errorf("control catalog %s: control %s: testability %q is not %q (automatable) or %q (manual)",
				path, ctl.ID, ctl.Testability, TestabilityAutomatable, TestabilityManual)
		}
		if strings.TrimSpace(ctl.Summary) == "" {
			return nil, fmt.Errorf("control catalog %s: control %s has no summary of its testable criteria", path, ctl.ID)
		}
		c.byID[ctl.ID] = i
	}
	slices.SortFunc(c.Controls, func(a, b Control) int { return CompareIDs(a.ID, b.ID) })
	for i, ctl := range c.Controls {
		c.byID[ctl.ID] = i
	}
	return &c, nil
}

// Lookup returns the control with the given id.
func (c *Catalog) Lookup(id string) (Control, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Control{}, false
	}
	return c.Controls[i], true
}

// Has reports whether id is a control of the catalog.
func (c *Catalog) Has(id string) bool {
	_, ok := c.byID[id]
	return ok
}

// CheckID returns an error saying that id is not a control of the catalog,
// with the ranges of ids it holds, or nil when it is one.
func (c *Catalog) CheckID(id string) error {
	if c.Has(id) {
		return nil
	}
	return fmt.Errorf("%q is not an %s control (%s)", id, c.Standard, c.Ranges())
}

// Ranges describes the ids of the catalog theme by theme, as the standard
// numbers them: "5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34".
func (c *Catalog) Ranges() string {
	var parts []string
	for i := 0; i < len(c.Controls); {
		theme, _, _ := strings.Cut(c.Controls[i].ID, ".")
		j := i
		for j+1 < len(c.Controls) && strings.HasPrefix(c.Controls[j+1].ID, theme+".") {
			j++
		}
		if i == j {
			parts = append(parts, c.Controls[i].ID)
		} else {
			parts = append(parts, c.Controls[i].ID+"-"+c.Controls[j].ID)
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// maxSuggestions bounds Suggest, so a hint stays one readable line.
const maxSuggestions = 5

// Suggest returns up to five catalog ids that id may be a mistyping of,
// best first. Candidates are one edit away (a character inserted, deleted or
// replaced, or two neighbours swapped); those with the same digits rank
// first (8.42 or 824 for 8.24), then the numerically nearest ids of the
// same theme.
func (c *Catalog) Suggest(id string) []string {
	type candidate struct {
		id         string
		sameDigits bool
		gap        int
	}
	n := utf8.RuneCountInString(id)
	var cands []candidate
	for _, ctl := range c.Controls {
		// More than one character longer or shorter is more than one edit;
		// skipping early keeps a hostile, huge argument cheap.
		if m := utf8.RuneCountInString(ctl.ID); n > m+1 || m > n+1 || editDistance(id, ctl.ID) != 1 {
			continue
		}
		cands = append(cands, candidate{id: ctl.ID, sameDigits: sameDigits(id, ctl.ID), gap: numericGap(id, ctl.ID)})
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.sameDigits != b.sameDigits {
			if a.sameDigits {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.gap, b.gap)
	})
	out := make([]string, 0, min(len(cands), maxSuggestions))
	for _, cd := range cands[:min(len(cands), maxSuggestions)] {
		out = append(out, cd.id)
	}
	return out
}

// sameDigits reports whether a and b hold the same characters in some
// order, dots aside.
func sameDigits(a, b string) bool {
	ra := []rune(strings.ReplaceAll(a, ".", ""))
	rb := []rune(strings.ReplaceAll(b, ".", ""))
	slices.Sort(ra)
	slices.Sort(rb)
	return slices.Equal(ra, rb)
}

// numericGap is how far apart the control numbers of two ids of the same
// theme are; ids of different themes, or not numeric, are maximally apart.
func numericGap(a, b string) int {
	ta, na, okA := strings.Cut(a, ".")
	tb, nb, okB := strings.Cut(b, ".")
	x, errA := strconv.Atoi(na)
	y, errB := strconv.Atoi(nb)
	if !okA || !okB || ta != tb || errA != nil || errB != nil {
		return math.MaxInt
	}
	if x > y {
		return x - y
	}
	return y - x
}

// editDistance is the optimal string alignment distance between a and b:
// Levenshtein with adjacent transpositions counted as one edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows suffice: a transposition looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
