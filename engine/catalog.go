package engine

import "github.com/annexa-dev/annexa/policies/catalog"

// The engine speaks of controls in the catalog package's terms; these
// aliases keep them in the engine's own vocabulary for its callers.
type (
	// Catalog is the ordered list of controls (catalog.Catalog).
	Catalog = catalog.Catalog
	// Control is one ISO/IEC 27002:2022 control (catalog.Control).
	Control = catalog.Control
	// ControlAttributes are a control's attribute families
	// (catalog.ControlAttributes).
	ControlAttributes = catalog.ControlAttributes
	// Testability rates how far a control can be checked by a machine
	// (catalog.Testability).
	Testability = catalog.Testability
)

// Testability ratings (catalog.TestabilityAutomatable and
// catalog.TestabilityManual).
const (
	TestabilityAutomatable = catalog.TestabilityAutomatable
	TestabilityManual      = catalog.TestabilityManual
)

// Themes returns the four control themes in the order the standard
// numbers them (catalog.Themes).
func Themes() []string { return catalog.Themes() }
