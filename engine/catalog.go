package engine

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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

// LoadCatalog reads and checks the catalog at path in fsys.
func LoadCatalog(fsys fs.FS, path string) (*Catalog, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("read control catalog: %w", err)
	}
	return ParseCatalog(b, path)
}

// ParseCatalog parses and checks a catalog; path names it in errors.
func ParseCatalog(b []byte, path string) (*Catalog, error) {
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("parse control catalog %s: %w", path, err)
	}
	c.byID = make(map[string]int, len(c.Controls))
	for i, ctl := range c.Controls {
		if ctl.ID == "" || ctl.Title == "" || ctl.Theme == "" {
			return nil, fmt.Errorf("control catalog %s: entry %d lacks id, title or theme", path, i)
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
	slices.SortFunc(c.Controls, func(a, b Control) int { return CompareControlIDs(a.ID, b.ID) })
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

// CompareControlIDs orders dotted control ids numerically, so 5.2 sorts
// before 5.10.
func CompareControlIDs(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		an, aerr := strconv.Atoi(as[i])
		bn, berr := strconv.Atoi(bs[i])
		if aerr == nil && berr == nil {
			if c := cmp.Compare(an, bn); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(as[i], bs[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}
