package output

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/annexa-dev/annexa/engine"
	"github.com/annexa-dev/annexa/engine/waiver"
)

// SARIF writes the report as a SARIF 2.1.0 log for code scanning (GitHub,
// GitLab, Azure DevOps): one rule per evaluated policy and one result per
// finding, located at the finding's source file and line (a plan's
// resource: its line in the Terraform source when known, else its line
// and column in the plan JSON). The findings below the report's
// --severity are left out.
type SARIF struct {
	// Anchor is the file a finding without a source file of its own (a
	// missing evidence record, say) is located at; GitHub rejects a whole
	// log when one result lacks a file. The CLI sets the project file, or
	// the first input. Empty, such results carry a logical location only.
	Anchor string
	// Locate says where each finding is: the CLI locates a plan's
	// resource at its line in the Terraform source when that is known.
	// Nil uses the fact's source file, line and column.
	Locate Locator
}

// The SARIF version and the schema of the OASIS standard with its errata.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// informationURI is annexa's home page.
	informationURI = "https://github.com/annexa-dev/annexa"
	// fingerprintKey names annexa's partial fingerprint; the version is
	// bumped if the hashed fields ever change, so old alerts close cleanly.
	fingerprintKey = "annexaFinding/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	Help                 *sarifText         `json:"help,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProps is a rule's property bag. security-severity and the
// "security" tag are what GitHub sorts and labels alerts by.
type sarifRuleProps struct {
	Controls         []string `json:"controls,omitempty"`
	Clauses          []string `json:"clauses,omitempty"`
	Coverage         string   `json:"coverage,omitempty"`
	Severity         string   `json:"severity"`
	SecuritySeverity string   `json:"security-severity"`
	Tags             []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	Properties          sarifRunProps       `json:"properties"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations,omitempty"`
	Descriptor *sarifReference `json:"descriptor,omitempty"`
}

type sarifReference struct {
	ID string `json:"id"`
}

type sarifRunProps struct {
	// EffectiveTime is the time the run was evaluated as of: fixed by
	// --effective-time, so it keeps the log reproducible.
	EffectiveTime string `json:"effectiveTime"`
	OPAVersion    string `json:"opaVersion"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Suppressions hold the waiver of a waived finding: code scanning
	// shows it as dismissed, not as an open alert.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   sarifResultProps   `json:"properties"`
}

// sarifSuppression is a waiver as SARIF records it: inSource for an
// inline suppression, external for a waivers file entry; accepted, since
// a waiver is approved.
type sarifSuppression struct {
	Kind          string             `json:"kind"`
	Status        string             `json:"status"`
	Justification string             `json:"justification"`
	Location      *sarifLocation     `json:"location,omitempty"`
	Properties    sarifSuppressProps `json:"properties"`
}

type sarifSuppressProps struct {
	ApprovedBy string `json:"approvedBy,omitempty"`
	Expires    string `json:"expires"`
	Risk       string `json:"risk,omitempty"`
}

type sarifResultProps struct {
	Severity string   `json:"severity"`
	Controls []string `json:"controls,omitempty"`
	Clauses  []string `json:"clauses,omitempty"`
	Resource string   `json:"resource"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// Write implements Writer.
func (s SARIF) Write(w io.Writer, r *engine.Report) error {
	themes := map[string]string{}
	for _, c := range r.Controls {
		themes[c.ID] = c.Theme
	}
	rules, index := sarifRules(r, themes)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            cmp.Or(r.Tool.Name, "annexa"),
			Version:         r.Tool.Version,
			SemanticVersion: semanticVersion(r.Tool.Version),
			InformationURI:  informationURI,
			Rules:           rules,
		}},
		Invocations: []sarifInvocation{sarifInvocationOf(r)},
		Results:     []sarifResult{},
	}
	seen := map[string]int{}
	for _, f := range r.Findings {
		i := index[f.Policy]
		res := sarifResult{
			RuleID:    f.Policy,
			RuleIndex: i,
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: findingText(f)},
			Locations: []sarifLocation{s.location(f)},
			Properties: sarifResultProps{
				Severity: string(f.Severity), Controls: f.Controls, Clauses: f.Clauses, Resource: f.Resource,
			},
		}
		// The same policy may report one resource more than once (a
		// security group with two open ports); the occurrence number keeps
		// their fingerprints apart, as GitHub's own line hashes do.
		key := fingerprint(f.Policy, f.Resource)
		seen[key]++
		if !r.Selection.Shows(f.Severity) {
			// Counted all the same, so a result's fingerprint does not
			// depend on --severity.
			continue
		}
		res.PartialFingerprints = map[string]string{fingerprintKey: key + ":" + strconv.Itoa(seen[key])}
		if f.Waiver != nil {
			res.Suppressions = []sarifSuppression{suppression(*f.Waiver)}
		}
		run.Results = append(run.Results, res)
	}
	return encodeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules makes a rule of every evaluated policy, in id order so a
// policy's rule index only moves when policies are added or removed. It
// returns the rules and the index of each by id.
func sarifRules(r *engine.Report, themes map[string]string) ([]sarifRule, map[string]int) {
	rules := []sarifRule{}
	index := map[string]int{}
	for _, p := range r.Policies {
		index[p.ID] = len(rules)
		rules = append(rules, sarifRule{
			ID:                   p.ID,
			Name:                 ruleName(p.Title),
			ShortDescription:     sarifText{Text: p.Title},
			FullDescription:      optionalText(p.Description),
			Help:                 optionalText(p.Remediation),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(p.Severity)},
			Properties: sarifRuleProps{
				Controls:         p.Controls,
				Clauses:          p.Clauses,
				Coverage:         string(p.Coverage),
				Severity:         string(p.Severity),
				SecuritySeverity: securitySeverity(p.Severity),
				Tags:             ruleTags(p.Controls, p.Clauses, themes),
			},
		})
	}
	return rules, index
}

// sarifInvocationOf records the effective time and, as notifications,
// every warning about the inputs (at its file, line and column) and every
// control and clause that failed to evaluate.
func sarifInvocationOf(r *engine.Report) sarifInvocation {
	inv := sarifInvocation{
		ExecutionSuccessful: true,
		Properties: sarifRunProps{
			EffectiveTime: r.EffectiveTime.UTC().Format("2006-01-02T15:04:05Z07:00"),
			OPAVersion:    r.Tool.OPAVersion,
		},
	}
	for _, d := range r.Diagnostics {
		n := sarifNotification{Level: "warning", Message: sarifText{Text: d.String()}}
		if d.File != "" {
			phys := &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(d.File)}}
			if d.Line > 0 {
				phys.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Column}
			}
			n.Locations = []sarifLocation{{PhysicalLocation: phys}}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	for _, c := range r.Errors() {
		inv.ExecutionSuccessful = false
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level: "error", Message: sarifText{Text: fmt.Sprintf("control %s %s: %s", c.ID, c.Title, c.Reason)},
		})
	}
	for _, c := range r.ClauseErrors() {
		inv.ExecutionSuccessful = false
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level: "error", Message: sarifText{Text: fmt.Sprintf("clause %s %s: %s", c.ID, c.Title, strings.Join(c.Reasons, "; "))},
		})
	}
	return inv
}

// location places a finding at its source file and line, with the resource
// as a logical location; a finding without a file goes to the anchor.
func (s SARIF) location(f engine.Finding) sarifLocation {
	loc := sarifLocation{LogicalLocations: []sarifLogical{{FullyQualifiedName: f.Resource, Kind: "resource"}}}
	switch at := s.Locate.locate(f); {
	case at.File != "":
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(at.File)}}
		if at.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: at.Line, StartColumn: at.Column}
		}
	case s.Anchor != "":
		loc.PhysicalLocation = &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(s.Anchor)}}
		loc.Message = &sarifText{Text: fmt.Sprintf("%s has no file of its own; reported at %s", f.Resource, s.Anchor)}
	}
	return loc
}

// suppression records a finding's waiver, located where it is written.
func suppression(w waiver.Waiver) sarifSuppression {
	sup := sarifSuppression{
		Kind: "external", Status: "accepted", Justification: w.Reason,
		Properties: sarifSuppressProps{ApprovedBy: w.ApprovedBy, Expires: w.Expires, Risk: w.Risk},
	}
	if w.Inline {
		sup.Kind = "inSource"
	}
	if w.File != "" {
		phys := &sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(w.File)}}
		if w.Line > 0 {
			phys.Region = &sarifRegion{StartLine: w.Line}
		}
		sup.Location = &sarifLocation{PhysicalLocation: phys}
	}
	return sup
}

// findingText is the finding's message with what it is against.
func findingText(f engine.Finding) string {
	var against []string
	for _, c := range f.Controls {
		against = append(against, "A."+c)
	}
	for _, c := range f.Clauses {
		against = append(against, "clause "+c)
	}
	if len(against) == 0 {
		return f.Message
	}
	return fmt.Sprintf("%s (ISO/IEC 27001 %s)", f.Message, strings.Join(against, ", "))
}

// fileURI turns a path as the user gave it into a URI reference: slashes,
// each segment percent-encoded, an absolute path as a file: URI.
func fileURI(p string) string {
	p = filepath.ToSlash(p)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	out := strings.Join(segs, "/")
	switch {
	case path.IsAbs(p):
		return "file://" + out
	case strings.Contains(segs[0], ":"):
		// A colon in the first segment would read as a URI scheme.
		return "./" + out
	}
	return out
}

// fingerprint identifies a finding across runs by what it is about, not by
// its line or message, which move as the input is edited.
func fingerprint(policy, resource string) string {
	sum := sha256.Sum256([]byte(policy + "\x00" + resource))
	return hex.EncodeToString(sum[:16])
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s engine.Severity) string {
	switch s {
	case engine.SeverityCritical, engine.SeverityHigh:
		return "error"
	case engine.SeverityMedium:
		return "warning"
	}
	return "note"
}

// securitySeverity is GitHub's numeric severity: over 9.0 is critical, 7.0
// to 8.9 high, 4.0 to 6.9 medium, under 4.0 low.
func securitySeverity(s engine.Severity) string {
	return map[engine.Severity]string{
		engine.SeverityCritical: "9.5", engine.SeverityHigh: "8.0", engine.SeverityMedium: "5.5", engine.SeverityLow: "3.0",
	}[s]
}

// ruleTags are the standard, the Annex A controls and clauses, and their
// themes, sorted after the fixed first two.
func ruleTags(controls, clauses []string, themes map[string]string) []string {
	var tags []string
	for _, c := range controls {
		tags = append(tags, "A."+c)
		if t := themes[c]; t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	for _, c := range clauses {
		tags = append(tags, "clause "+c)
	}
	slices.Sort(tags)
	return append([]string{"ISO27001", "security"}, tags...)
}

// ruleName makes a PascalCase identifier of a title, as SARIF suggests for
// a rule's name.
func ruleName(title string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(word)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}

func optionalText(s string) *sarifText {
	if s == "" {
		return nil
	}
	return &sarifText{Text: s}
}

// semanticVersion is the tool version when it is a semantic version
// (v1.2.3 gives 1.2.3); "" for a development build.
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	core, _, _ := strings.Cut(strings.SplitN(v, "+", 2)[0], "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if _, err := strconv.ParseUint(p, 10, 64); err != nil || (len(p) > 1 && p[0] == '0') {
			return ""
		}
	}
	return v
}
