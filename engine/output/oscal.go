package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/annexa-dev/annexa/engine"
)

// OSCALVersion is the OSCAL release whose assessment-results model the
// oscal format follows and is validated against.
const OSCALVersion = "1.1.3"

// oscalNS is the namespace of the properties annexa adds to OSCAL objects,
// and the seed of its name-based UUIDs.
const oscalNS = "https://github.com/annexa-dev/annexa/ns/oscal"

// OSCAL writes the report as an OSCAL 1.1.3 assessment-results document:
// one result for the run, an observation per finding, a finding per
// evaluated control and clause (satisfied or not, with the observations
// behind it), and a risk per risk in the register. Every UUID is a
// version 5 UUID derived from content: the document's and the result's
// from the whole report, the others from what they are about (a control,
// a risk, a finding's policy, resource and message), so the same run
// gives the same bytes and the same subject keeps its UUID across runs.
type OSCAL struct {
	waivers waiverLookup
}

type oscalDoc struct {
	AR oscalAR `json:"assessment-results"`
}

type oscalAR struct {
	UUID       string          `json:"uuid"`
	Metadata   oscalMetadata   `json:"metadata"`
	ImportAP   oscalImportAP   `json:"import-ap"`
	Results    []oscalResult   `json:"results"`
	BackMatter oscalBackMatter `json:"back-matter"`
}

type oscalMetadata struct {
	Title        string      `json:"title"`
	LastModified string      `json:"last-modified"`
	Version      string      `json:"version"`
	OSCALVersion string      `json:"oscal-version"`
	Props        []oscalProp `json:"props,omitempty"`
}

type oscalImportAP struct {
	Href    string `json:"href"`
	Remarks string `json:"remarks,omitempty"`
}

type oscalProp struct {
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Value string `json:"value"`
	Class string `json:"class,omitempty"`
}

type oscalBackMatter struct {
	Resources []oscalResource `json:"resources"`
}

type oscalResource struct {
	UUID        string      `json:"uuid"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Props       []oscalProp `json:"props,omitempty"`
}

type oscalResult struct {
	UUID             string             `json:"uuid"`
	Title            string             `json:"title"`
	Description      string             `json:"description"`
	Start            string             `json:"start"`
	End              string             `json:"end"`
	Props            []oscalProp        `json:"props,omitempty"`
	LocalDefinitions oscalLocalDefs     `json:"local-definitions"`
	ReviewedControls oscalReviewed      `json:"reviewed-controls"`
	Observations     []oscalObservation `json:"observations,omitempty"`
	Risks            []oscalRisk        `json:"risks,omitempty"`
	Findings         []oscalFinding     `json:"findings,omitempty"`
}

type oscalLocalDefs struct {
	Components []oscalComponent `json:"components"`
}

type oscalComponent struct {
	UUID        string      `json:"uuid"`
	Type        string      `json:"type"`
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Props       []oscalProp `json:"props,omitempty"`
	Status      oscalState  `json:"status"`
}

type oscalState struct {
	State   string `json:"state"`
	Reason  string `json:"reason,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type oscalReviewed struct {
	ControlSelections []oscalSelection `json:"control-selections"`
}

type oscalSelection struct {
	Description     string            `json:"description,omitempty"`
	IncludeAll      *struct{}         `json:"include-all,omitempty"`
	IncludeControls []oscalControlRef `json:"include-controls,omitempty"`
	ExcludeControls []oscalControlRef `json:"exclude-controls,omitempty"`
}

type oscalControlRef struct {
	ControlID string `json:"control-id"`
}

type oscalOrigin struct {
	Actors []oscalActor `json:"actors"`
}

type oscalActor struct {
	Type      string `json:"type"`
	ActorUUID string `json:"actor-uuid"`
}

type oscalEvidence struct {
	Href        string `json:"href,omitempty"`
	Description string `json:"description"`
}

type oscalObservation struct {
	UUID             string          `json:"uuid"`
	Title            string          `json:"title"`
	Description      string          `json:"description"`
	Props            []oscalProp     `json:"props,omitempty"`
	Methods          []string        `json:"methods"`
	Types            []string        `json:"types"`
	Origins          []oscalOrigin   `json:"origins"`
	RelevantEvidence []oscalEvidence `json:"relevant-evidence,omitempty"`
	Collected        string          `json:"collected"`
	Remarks          string          `json:"remarks,omitempty"`
}

type oscalTarget struct {
	Type     string     `json:"type"`
	TargetID string     `json:"target-id"`
	Title    string     `json:"title"`
	Status   oscalState `json:"status"`
	Remarks  string     `json:"remarks,omitempty"`
}

type oscalObservationRef struct {
	ObservationUUID string `json:"observation-uuid"`
}

type oscalRiskRef struct {
	RiskUUID string `json:"risk-uuid"`
}

type oscalFinding struct {
	UUID                string                `json:"uuid"`
	Title               string                `json:"title"`
	Description         string                `json:"description"`
	Props               []oscalProp           `json:"props,omitempty"`
	Origins             []oscalOrigin         `json:"origins"`
	Target              oscalTarget           `json:"target"`
	RelatedObservations []oscalObservationRef `json:"related-observations,omitempty"`
	RelatedRisks        []oscalRiskRef        `json:"related-risks,omitempty"`
}

type oscalFacet struct {
	Name   string `json:"name"`
	System string `json:"system"`
	Value  string `json:"value"`
}

type oscalCharacterization struct {
	Origin oscalOrigin  `json:"origin"`
	Facets []oscalFacet `json:"facets"`
}

type oscalRisk struct {
	UUID                string                  `json:"uuid"`
	Title               string                  `json:"title"`
	Description         string                  `json:"description"`
	Statement           string                  `json:"statement"`
	Props               []oscalProp             `json:"props,omitempty"`
	Status              string                  `json:"status"`
	Origins             []oscalOrigin           `json:"origins"`
	Characterizations   []oscalCharacterization `json:"characterizations"`
	RelatedObservations []oscalObservationRef   `json:"related-observations,omitempty"`
}

// oscalIDs makes the name-based UUIDs of one document.
type oscalIDs struct {
	ns uuid.UUID
}

func newOSCALIDs() oscalIDs {
	return oscalIDs{ns: uuid.NewSHA1(uuid.NameSpaceURL, []byte(oscalNS))}
}

// of is the version 5 UUID of the parts, joined by NUL.
func (ids oscalIDs) of(parts ...string) string {
	return uuid.NewSHA1(ids.ns, []byte(strings.Join(parts, "\x00"))).String()
}

// oscalControlID is the OSCAL token of an Annex A control ("8.24" is
// "a.8.24": a token cannot start with a digit).
func oscalControlID(id string) string { return "a." + id }

// oscalClauseID is the OSCAL token of a clause of ISO/IEC 27001 ("6.1.3"
// is "clause-6.1.3").
func oscalClauseID(id string) string { return "clause-" + id }

// annexaProps makes properties in annexa's namespace from name, value
// pairs. OSCAL property values are non-empty single lines, so whitespace
// runs become one space and empty values are left out.
func annexaProps(pairs ...string) []oscalProp {
	var out []oscalProp
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := oscalString(pairs[i+1]); v != "" {
			out = append(out, oscalProp{Name: oscalToken(pairs[i]), NS: oscalNS, Value: v})
		}
	}
	return out
}

// oscalString makes text an OSCAL string: one line, no leading or
// trailing whitespace.
func oscalString(s string) string { return strings.Join(strings.Fields(s), " ") }

// oscalTime formats a time as OSCAL's date-time with time zone.
func oscalTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// Write implements Writer.
func (o OSCAL) Write(w io.Writer, r *engine.Report) error {
	doc, err := oscalDocument(r, o.waivers)
	if err != nil {
		return err
	}
	return encodeJSON(w, doc)
}

func oscalDocument(r *engine.Report, waivers waiverLookup) (*oscalDoc, error) {
	var content bytes.Buffer
	if err := encodeJSON(&content, r); err != nil {
		return nil, fmt.Errorf("oscal: encode report: %w", err)
	}
	sum := sha256.Sum256(content.Bytes())
	digest := hex.EncodeToString(sum[:])
	ids := newOSCALIDs()
	at := oscalTime(r.EffectiveTime)
	toolUUID := ids.of("component", r.Tool.Name)
	tool := []oscalOrigin{{Actors: []oscalActor{{Type: "tool", ActorUUID: toolUUID}}}}
	planUUID := ids.of("resource", "policies", digest)

	titles := map[string]string{}
	for _, p := range r.Policies {
		titles[p.ID] = p.Title
	}

	// One observation per finding; its UUID names what it is about, with
	// a count for repeats of the same policy, resource and message.
	seen := map[string]int{}
	obsOf := make([]string, len(r.Findings))
	var observations []oscalObservation
	for i, f := range r.Findings {
		key := strings.Join([]string{f.Policy, f.Resource, f.Message}, "\x00")
		seen[key]++
		id := ids.of("observation", key, strconv.Itoa(seen[key]))
		obsOf[i] = id
		observations = append(observations, observationOf(f, id, titles[f.Policy], tool, at, waivers))
	}

	var risks []oscalRisk
	riskOf := map[string][]string{} // control id → risk UUIDs
	if r.Risks != nil {
		for _, k := range r.Risks.Risks {
			id := ids.of("risk", r.Risks.Register, k.ID)
			for _, c := range k.Controls {
				riskOf[c.ID] = append(riskOf[c.ID], id)
			}
			var related []oscalObservationRef
			for i, f := range r.Findings {
				if f.Resource == "risk/"+k.ID {
					related = append(related, oscalObservationRef{obsOf[i]})
				}
			}
			risks = append(risks, oscalRiskOf(k, r.Risks, id, tool, related))
		}
	}

	var findings []oscalFinding
	var include, exclude []oscalControlRef
	for _, c := range r.Controls {
		ref := oscalControlRef{oscalControlID(c.ID)}
		if c.Status == engine.StatusNotApplicable {
			exclude = append(exclude, ref)
			continue
		}
		include = append(include, ref)
		if c.Status == engine.StatusNotAssessed {
			continue
		}
		var related []oscalObservationRef
		for i, f := range r.Findings {
			if slices.Contains(f.Controls, c.ID) {
				related = append(related, oscalObservationRef{obsOf[i]})
			}
		}
		var relatedRisks []oscalRiskRef
		for _, id := range riskOf[c.ID] {
			relatedRisks = append(relatedRisks, oscalRiskRef{id})
		}
		state, reason := "not-satisfied", "other"
		switch c.Status {
		case engine.StatusPass:
			state, reason = "satisfied", "pass"
		case engine.StatusFail:
			reason = "fail"
		}
		findings = append(findings, oscalFinding{
			UUID:        ids.of("finding", "control", c.ID),
			Title:       fmt.Sprintf("A.%s %s", c.ID, c.Title),
			Description: controlDescription(c, len(related)),
			Props: annexaProps("status", string(c.Status), "theme", c.Theme,
				"assessed", strconv.Itoa(c.Assessed), "failed", strconv.Itoa(c.Failed),
				"effectiveness", strconv.FormatFloat(c.Effectiveness, 'f', 3, 64)),
			Origins:             tool,
			Target:              oscalTarget{Type: "objective-id", TargetID: oscalControlID(c.ID), Title: c.Title, Status: oscalState{State: state, Reason: reason}, Remarks: c.Reason},
			RelatedObservations: related,
			RelatedRisks:        relatedRisks,
		})
	}
	for _, c := range r.Clauses {
		if c.Status == engine.ClauseNotAssessed {
			continue
		}
		var related []oscalObservationRef
		for i, f := range r.Findings {
			if slices.Contains(f.Clauses, c.ID) {
				related = append(related, oscalObservationRef{obsOf[i]})
			}
		}
		state, reason := "not-satisfied", "other"
		switch c.Status {
		case engine.ClauseConformant:
			state, reason = "satisfied", "pass"
		case engine.ClauseNonconformant:
			reason = "fail"
		}
		desc := fmt.Sprintf("Clause %s is %s.", c.ID, statusLabel(string(c.Status)))
		if len(c.Reasons) > 0 {
			desc += " " + strings.Join(c.Reasons, "; ")
		}
		findings = append(findings, oscalFinding{
			UUID:                ids.of("finding", "clause", c.ID),
			Title:               fmt.Sprintf("Clause %s %s", c.ID, c.Title),
			Description:         desc,
			Props:               annexaProps("status", string(c.Status)),
			Origins:             tool,
			Target:              oscalTarget{Type: "objective-id", TargetID: oscalClauseID(c.ID), Title: c.Title, Status: oscalState{State: state, Reason: reason}},
			RelatedObservations: related,
		})
	}

	sel := oscalSelection{IncludeControls: include, ExcludeControls: exclude}
	if len(include) == 0 {
		sel = oscalSelection{IncludeAll: &struct{}{}, ExcludeControls: exclude}
	}
	sel.Description = "ISO/IEC 27001:2022 Annex A controls; those the Statement of Applicability excludes are excluded."
	s := r.Summary
	result := oscalResult{
		UUID:  ids.of("result", digest),
		Title: "annexa check of ISO/IEC 27001:2022",
		Description: fmt.Sprintf("%d facts judged by %d policies: %d of %d controls fail, %d pass; %d findings.",
			s.Facts, s.Policies, s.ByStatus[engine.StatusFail], s.Controls, s.ByStatus[engine.StatusPass], s.Findings),
		Start: at,
		End:   at,
		Props: annexaProps("facts", strconv.Itoa(s.Facts), "policies", strconv.Itoa(s.Policies),
			"controls", strconv.Itoa(s.Controls), "findings", strconv.Itoa(s.Findings),
			"report-digest", "sha256:"+digest),
		LocalDefinitions: oscalLocalDefs{Components: []oscalComponent{{
			UUID: toolUUID, Type: "software", Title: r.Tool.Name,
			Description: "Policy-as-code engine that evaluated the facts (OPA " + r.Tool.OPAVersion + ").",
			Props:       annexaProps("version", r.Tool.Version),
			Status:      oscalState{State: "operational"},
		}}},
		ReviewedControls: oscalReviewed{ControlSelections: []oscalSelection{sel}},
		Observations:     observations,
		Risks:            risks,
		Findings:         findings,
	}
	return &oscalDoc{AR: oscalAR{
		UUID: ids.of("assessment-results", digest),
		Metadata: oscalMetadata{
			Title:        "ISO/IEC 27001:2022 assessment results",
			LastModified: at,
			Version:      r.Tool.Version,
			OSCALVersion: OSCALVersion,
			Props:        annexaProps("report-format", strconv.Itoa(r.FormatVersion)),
		},
		ImportAP: oscalImportAP{Href: "#" + planUUID,
			Remarks: "annexa has no separate assessment plan: the policies it evaluated are the plan (see the back matter)."},
		Results: []oscalResult{result},
		BackMatter: oscalBackMatter{Resources: []oscalResource{{
			UUID: planUUID, Title: "Policies evaluated",
			Description: fmt.Sprintf("The %d annexa policies evaluated in this run; the run's JSON report and evidence bundle list them.", len(r.Policies)),
		}}},
	}}, nil
}

// controlDescription says what a control's status rests on.
func controlDescription(c engine.ControlResult, findings int) string {
	d := fmt.Sprintf("Control %s is %s: %d facts assessed", c.ID, statusLabel(string(c.Status)), c.Assessed)
	if findings > 0 {
		d += fmt.Sprintf(", %s against it", plural(findings, "finding", "findings"))
	}
	d += "."
	if c.Reason != "" {
		d += " " + c.Reason
	}
	return d
}

func observationOf(f engine.Finding, id, title string, tool []oscalOrigin, at string, waivers waiverLookup) oscalObservation {
	if title == "" {
		title = f.Policy
	}
	props := annexaProps("policy", f.Policy, "resource", f.Resource, "severity", string(f.Severity))
	for _, c := range f.Controls {
		props = append(props, annexaProps("control", oscalControlID(c))...)
	}
	for _, c := range f.Clauses {
		props = append(props, annexaProps("clause", oscalClauseID(c))...)
	}
	remarks := f.Remediation
	if fields, waived := waivers.of(f); waived {
		props = append(props, annexaProps("waived", "true")...)
		for _, wf := range fields {
			props = append(props, annexaProps("waiver-"+wf.Name, wf.Value)...)
		}
		remarks = strings.TrimSpace("Waived: " + waiverText(fields) + "\n\n" + remarks)
	}
	o := oscalObservation{
		UUID: id, Title: title, Description: f.Message, Props: props,
		Methods: []string{"TEST"}, Types: []string{"finding"}, Origins: tool, Collected: at, Remarks: remarks,
	}
	if loc := location(f); loc != "" {
		href := fileURI(f.Source.File)
		if f.Source.Line > 0 {
			href += "#L" + strconv.Itoa(f.Source.Line)
		}
		o.RelevantEvidence = []oscalEvidence{{Href: href, Description: loc}}
	}
	return o
}

// oscalToken turns a name into an OSCAL token: letters, digits, '.', '-'
// and '_', not starting with a digit.
func oscalToken(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
			b.WriteRune(c)
		default:
			b.WriteRune('-')
		}
	}
	return b.String()
}

func oscalRiskOf(k engine.RiskResult, rr *engine.RiskReport, id string, tool []oscalOrigin, related []oscalObservationRef) oscalRisk {
	status := "closed"
	switch {
	case k.AboveAppetite && k.Accepted:
		status = "deviation-approved"
	case k.AboveAppetite:
		status = "open"
	}
	desc := k.Threat + " (asset " + k.Asset + ")"
	if k.Vulnerability != "" {
		desc += "; vulnerability: " + k.Vulnerability
	}
	facet := func(name string, v int) oscalFacet {
		return oscalFacet{Name: name, System: oscalNS, Value: strconv.Itoa(v)}
	}
	return oscalRisk{
		UUID: id, Title: k.ID + ": " + k.Threat, Description: desc,
		Statement: fmt.Sprintf("Inherent %dx%d=%d (%s); residual %d (%s) against an appetite of %d, method %s; %s.",
			k.Likelihood, k.Impact, k.Inherent, k.InherentBand, k.Residual, k.ResidualBand, rr.Appetite, rr.Method, riskStatus(k, rr.Appetite)),
		Props: annexaProps("risk-id", k.ID, "asset", k.Asset, "owner", k.Owner, "treatment", k.Treatment,
			"above-appetite", strconv.FormatBool(k.AboveAppetite), "accepted", strconv.FormatBool(k.Accepted)),
		Status:  status,
		Origins: tool,
		Characterizations: []oscalCharacterization{{Origin: tool[0], Facets: []oscalFacet{
			facet("likelihood", k.Likelihood), facet("impact", k.Impact), facet("inherent", k.Inherent),
			facet("residual-likelihood", k.ResidualLikelihood), facet("residual-impact", k.ResidualImpact), facet("residual", k.Residual),
		}}},
		RelatedObservations: related,
	}
}
