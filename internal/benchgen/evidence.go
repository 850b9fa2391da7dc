package benchgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writeConfig copies the good and bad configuration fixtures copies times,
// each copy in its own directory.
func writeConfig(dir, testdata string, copies int) (int, error) {
	count := 0
	for k := range copies {
		for _, sub := range []string{"good", "bad"} {
			src := filepath.Join(testdata, "config", sub)
			entries, err := os.ReadDir(src)
			if err != nil {
				return 0, fmt.Errorf("benchgen: %w", err)
			}
			for _, e := range entries {
				if !e.Type().IsRegular() {
					continue
				}
				b, err := os.ReadFile(filepath.Join(src, e.Name()))
				if err != nil {
					return 0, fmt.Errorf("benchgen: %w", err)
				}
				// A GitHub export names its repositories; each copy gets
				// its own organisation so that their ids differ.
				b = bytes.ReplaceAll(b, []byte("acme-payments/"), fmt.Appendf(nil, "acme-payments-%s%d/", sub, k))
				to := filepath.Join(dir, fmt.Sprintf("%s-%d", sub, k), e.Name())
				if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
					return 0, fmt.Errorf("benchgen: %w", err)
				}
				if err := os.WriteFile(to, b, 0o644); err != nil {
					return 0, fmt.Errorf("benchgen: %w", err)
				}
				count++
			}
		}
	}
	return count, nil
}

// writeEvidence copies the demo's evidence and adds registers for an
// organisation of n people: a personnel register with leavers, three years
// of awareness training, screening and NDA records, an asset register of
// two assets per person with maintenance logs and disposals, and an
// inspected site. It returns the number of assets.
func writeEvidence(dir, testdata string, n int) (int, error) {
	demo := filepath.Join(testdata, "demo", "evidence")
	err := filepath.WalkDir(demo, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(demo, p)
		if err != nil {
			return err
		}
		return copyFile(p, filepath.Join(dir, "demo", rel))
	})
	if err != nil {
		return 0, fmt.Errorf("benchgen: copy demo evidence: %w", err)
	}
	gen := filepath.Join(dir, "generated")
	if err := os.MkdirAll(gen, 0o755); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	write := func(name string, rec map[string]any) error {
		b, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(gen, name), b, 0o644)
	}
	record := func(kind, id string, controls []string, fields map[string]any) map[string]any {
		rec := map[string]any{"kind": kind, "id": id, "controls": controls, "owner": "isms@example.com"}
		for k, v := range fields {
			rec[k] = v
		}
		return rec
	}
	var people, screening, ndas, assets, maintenance, disposals []any
	training := map[int][]any{}
	for i := range n {
		id := fmt.Sprintf("person%d@example.com", i)
		p := map[string]any{"id": id, "start_date": "2021-03-01", "terms_signed_at": "2021-02-15", "privileged": i%20 == 0}
		if i%25 == 0 {
			p["end_date"] = "2026-06-30"
			p["exit_completed_at"] = "2026-06-30"
			p["access_revoked_at"] = "2026-06-30"
		}
		people = append(people, p)
		if i%50 != 7 {
			screening = append(screening, map[string]any{"person": id, "completed_at": "2021-02-01", "result": "pass"})
		}
		ndas = append(ndas, map[string]any{"person": id, "signed_at": "2021-02-15"})
		for _, y := range []int{2024, 2025, 2026} {
			training[y] = append(training[y], map[string]any{"person": id, "completed_at": fmt.Sprintf("%d-0%d-10", y, 1+i%9)})
		}
		for j := range 2 {
			asset := fmt.Sprintf("HW-%d-%d", i, j)
			status := "active"
			if i%40 == 0 && j == 1 {
				status = "disposed"
				disposals = append(disposals, map[string]any{"asset": asset, "disposed_at": "2026-05-01", "method": "shred", "verified_by": "it@example.com"})
			}
			assets = append(assets, map[string]any{"id": asset, "name": "Laptop " + asset, "type": "hardware", "status": status,
				"assigned_to": id, "off_premises": j == 0, "encrypted": i%30 != 3})
			for _, y := range []int{2025, 2026} {
				maintenance = append(maintenance, map[string]any{"asset": asset, "type": "firmware",
					"performed_at": fmt.Sprintf("%d-04-01", y), "next_due_at": fmt.Sprintf("%d-04-01", y+1), "result": "pass"})
			}
		}
	}
	assets = append(assets, map[string]any{"id": "SITE-GEN", "name": "Generated office", "type": "site"})
	recs := map[string]map[string]any{
		"people.json":      record("personnel_register", "GEN-HR", []string{"6.1"}, map[string]any{"entries": people}),
		"screening.json":   record("screening_record", "GEN-SCR", []string{"6.1"}, map[string]any{"entries": screening}),
		"nda.json":         record("nda_record", "GEN-NDA", []string{"6.6"}, map[string]any{"template_reviewed_at": "2026-02-01", "entries": ndas}),
		"assets.json":      record("asset_register", "GEN-IT", []string{"5.9"}, map[string]any{"entries": assets}),
		"maintenance.json": record("equipment_maintenance", "GEN-MNT", []string{"7.13"}, map[string]any{"entries": maintenance}),
		"disposal.json":    record("disposal_record", "GEN-DSP", []string{"7.14"}, map[string]any{"entries": disposals}),
	}
	for y, entries := range training {
		recs[fmt.Sprintf("training-%d.json", y)] = record("training_record", fmt.Sprintf("GEN-SAT-%d", y), []string{"6.3", "6.8"},
			map[string]any{"course": "Security awareness", "audience": "all", "entries": entries})
	}
	var checks []any
	for _, c := range []string{"perimeter", "entry_control", "offices", "monitoring", "environmental", "secure_areas", "clear_desk", "equipment_siting", "utilities", "cabling"} {
		checks = append(checks, map[string]any{"check": c, "result": "pass"})
	}
	recs["inspection.json"] = record("physical_inspection", "GEN-INSP", []string{"7.1"}, map[string]any{"site": "SITE-GEN", "performed_at": "2026-03-01", "checks": checks})
	for name, rec := range recs {
		if err := write(name, rec); err != nil {
			return 0, fmt.Errorf("benchgen: write %s: %w", name, err)
		}
	}
	return len(assets), nil
}

// writeRisks writes the demo's risk register followed by n generated risks
// that each name two or three controls.
func writeRisks(path, testdata string, n int) (int, error) {
	b, err := os.ReadFile(filepath.Join(testdata, "demo", "risks.yaml"))
	if err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	controls := []string{"5.15", "5.18", "8.2", "8.5", "8.7", "8.9", "8.12", "8.13", "8.15", "8.16", "8.20", "8.24", "8.31", "6.3", "7.14"}
	var w strings.Builder
	w.Write(b)
	for i := range n {
		fmt.Fprintf(&w, "\n  - id: R-GEN-%d\n    asset: GEN-ASSET-%d\n    threat: Generated threat %d\n    vulnerability: Generated weakness %d\n", i, i, i, i)
		fmt.Fprintf(&w, "    likelihood: %d\n    impact: %d\n", 1+i%5, 1+(i/5)%5)
		fmt.Fprintf(&w, "    controls: [%q, %q", controls[i%len(controls)], controls[(i+3)%len(controls)])
		if i%3 == 0 {
			fmt.Fprintf(&w, ", %q", controls[(i+7)%len(controls)])
		}
		w.WriteString("]\n    treatment: modify\n    owner: priya.raman@acme-payments.example\n")
	}
	if err := os.WriteFile(path, []byte(w.String()), 0o644); err != nil {
		return 0, fmt.Errorf("benchgen: %w", err)
	}
	return n, nil
}
