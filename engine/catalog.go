package engine

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// Control is one ISO/IEC 27002:2022 control from the catalog.
type Control struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Theme      string            `json:"theme"`
	Attributes ControlAttributes `json:"attributes"`
	NewIn2022  bool              `json:"new_in_2022"`
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
