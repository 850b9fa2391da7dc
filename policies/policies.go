// Package policies embeds annexa's built-in Rego policies, their shared
// library and the ISO/IEC 27002:2022 control catalog, so the binary carries
// exactly the policy set it evaluates.
package policies

import "embed"

// FS holds controls/ (one directory per Annex A control, each policy with its
// _test.rego), clauses/ (one rule per clause of ISO/IEC 27001, with its
// _test.rego), risk/ (policies over the residual risks, evaluated after
// the controls), lib/ (helpers shared by policies and tests) and the JSON
// files of catalog/ (not the Go package beside them, which reads them).
//
//go:embed controls clauses risk lib catalog/*.json
var FS embed.FS

// CatalogPath is the location of the control catalog inside FS.
const CatalogPath = "catalog/controls.json"

// ClausesPath is the location of the clause map inside FS.
const ClausesPath = "catalog/clauses.json"
