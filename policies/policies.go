// Package policies embeds annexa's built-in Rego policies, their shared
// library and the ISO/IEC 27002:2022 control catalog, so the binary carries
// exactly the policy set it evaluates.
package policies

import (
	"embed"
	"encoding/json"
	"fmt"
)

// FS holds controls/ (one directory per Annex A control, each policy with its
// _test.rego), clauses/ (one rule per clause of ISO/IEC 27001, with its
// _test.rego), lib/ (helpers shared by policies and tests) and catalog/.
//
//go:embed controls clauses lib catalog
var FS embed.FS

// CatalogPath is the location of the control catalog inside FS.
const CatalogPath = "catalog/controls.json"

// ClausesPath is the location of the clause map inside FS.
const ClausesPath = "catalog/clauses.json"

// ControlIDs returns the ids of the controls in the catalog, for inputs that
// name controls (evidence records, applicability files, risk registers).
func ControlIDs() (map[string]bool, error) {
	b, err := FS.ReadFile(CatalogPath)
	if err != nil {
		return nil, fmt.Errorf("read control catalog: %w", err)
	}
	var cat struct {
		Controls []struct {
			ID string `json:"id"`
		} `json:"controls"`
	}
	if err := json.Unmarshal(b, &cat); err != nil {
		return nil, fmt.Errorf("parse control catalog: %w", err)
	}
	out := make(map[string]bool, len(cat.Controls))
	for _, c := range cat.Controls {
		out[c.ID] = true
	}
	return out, nil
}
