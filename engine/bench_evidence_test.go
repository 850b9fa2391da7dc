package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annexa-dev/annexa/diag"
	"github.com/annexa-dev/annexa/providers"
	"github.com/annexa-dev/annexa/providers/evidence"
)

// generateEvidence writes the evidence directory of an organisation of n
// people: a personnel register with leavers, three years of awareness
// training, screening and NDA records, an asset register of two assets per
// person with maintenance logs, disposals and one inspected site, the
// records the people and physical policies group per person and per asset.
func generateEvidence(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	write := func(name string, rec map[string]any) {
		b, err := json.Marshal(rec)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			tb.Fatal(err)
		}
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
		screening = append(screening, map[string]any{"person": id, "completed_at": "2021-02-01", "result": "pass"})
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
				"assigned_to": id, "off_premises": j == 0, "encrypted": true})
			for _, y := range []int{2025, 2026} {
				maintenance = append(maintenance, map[string]any{"asset": asset, "type": "firmware",
					"performed_at": fmt.Sprintf("%d-04-01", y), "next_due_at": fmt.Sprintf("%d-04-01", y+1), "result": "pass"})
			}
		}
	}
	assets = append(assets, map[string]any{"id": "SITE-HQ", "name": "Head office", "type": "site"})
	write("people.json", record("personnel_register", "HR", []string{"6.1"}, map[string]any{"entries": people}))
	write("screening.json", record("screening_record", "SCR", []string{"6.1"}, map[string]any{"entries": screening}))
	write("nda.json", record("nda_record", "NDA", []string{"6.6"}, map[string]any{"template_reviewed_at": "2026-02-01", "entries": ndas}))
	for y, entries := range training {
		write(fmt.Sprintf("training-%d.json", y), record("training_record", fmt.Sprintf("SAT-%d", y), []string{"6.3", "6.8"},
			map[string]any{"course": "Security awareness", "audience": "all", "entries": entries}))
	}
	write("assets.json", record("asset_register", "IT", []string{"5.9"}, map[string]any{"entries": assets}))
	write("maintenance.json", record("equipment_maintenance", "MNT", []string{"7.13"}, map[string]any{"entries": maintenance}))
	write("disposal.json", record("disposal_record", "DSP", []string{"7.14"}, map[string]any{"entries": disposals}))
	var checks []any
	for _, c := range []string{"perimeter", "entry_control", "offices", "monitoring", "environmental", "secure_areas", "clear_desk", "equipment_siting", "utilities", "cabling"} {
		checks = append(checks, map[string]any{"check": c, "result": "pass"})
	}
	write("inspection.json", record("physical_inspection", "INSP", []string{"7.1"}, map[string]any{"site": "SITE-HQ", "performed_at": "2026-03-01", "checks": checks}))
	return dir
}

// BenchmarkEvidence measures the check pipeline on generated evidence:
// read and validate every record, evaluate every built-in policy (the
// people and physical ones group entries per person and asset) and roll
// up. It reports people per second.
func BenchmarkEvidence(b *testing.B) {
	ctx := context.Background()
	eng, err := New(ctx, WithEffectiveTime(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{100, 1000, 5000} {
		dir := generateEvidence(b, n)
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				fs, err := diag.AsError(providers.Collect(ctx, []providers.Source{{Path: dir, Provider: evidence.Provider{}}}))
				if err != nil {
					b.Fatal(err)
				}
				r, err := eng.Evaluate(ctx, fs)
				if err != nil {
					b.Fatal(err)
				}
				for _, c := range r.Controls {
					if c.Status == StatusError {
						b.Fatalf("control %s: %s", c.ID, c.Reason)
					}
				}
				if len(r.Findings) == 0 {
					b.Fatal("generated evidence produced no findings")
				}
			}
			b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "people/s")
		})
	}
}
