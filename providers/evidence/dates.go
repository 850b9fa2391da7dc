package evidence

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/annexa-dev/annexa/policies/catalog"
	"github.com/annexa-dev/annexa/providers/input"
)

// isDateField reports whether a record field holds a date, by the naming
// convention every record kind follows: *_at, *_date and expires.
func isDateField(key string) bool {
	return strings.HasSuffix(key, "_at") || strings.HasSuffix(key, "_date") || key == "expires"
}

// normalizeDates rewrites every date field, at any depth, as an RFC 3339
// UTC time, so policies compare them with one built-in whatever form the
// record used ("2026-02-01" or "2026-02-01T09:30:00+01:00").
func normalizeDates(doc *input.Document, pointer, label string, v any) error {
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			if k == "labels" {
				continue // free-form: a label named *_at need not be a date
			}
			p := pointer + "/" + k
			if s, ok := child.(string); ok && isDateField(k) {
				t, err := catalog.ParseDate(s)
				if err != nil {
					return fmt.Errorf("%s: %s: field %s: %w", doc.Where(p), label, k, err)
				}
				x[k] = t.Format(time.RFC3339)
				continue
			}
			if err := normalizeDates(doc, p, label, child); err != nil {
				return err
			}
		}
	case []any:
		for i, child := range x {
			if err := normalizeDates(doc, fmt.Sprintf("%s/%d", pointer, i), label, child); err != nil {
				return err
			}
		}
	}
	return nil
}

var periodPattern = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$`)

// addPeriod adds an ISO 8601 period of years, months, weeks and days.
func addPeriod(t time.Time, period string) (time.Time, error) {
	m := periodPattern.FindStringSubmatch(period)
	if m == nil || period == "P" {
		return time.Time{}, fmt.Errorf("%q is not a period such as P1Y, P6M, P2W or P90D", period)
	}
	n := make([]int, 4)
	for i := range n {
		if m[i+1] == "" {
			continue
		}
		v, err := strconv.Atoi(m[i+1])
		if err != nil || v > 100*366 {
			return time.Time{}, fmt.Errorf("%q is too long a period", period)
		}
		n[i] = v
	}
	return t.AddDate(n[0], n[1], 7*n[2]+n[3]), nil
}

// dueDate computes when a record next falls due: its expiry, or its last
// review, performance or approval plus its review interval, whichever is
// earlier. It returns "" for a record with neither.
func dueDate(attrs map[string]any) (string, error) {
	var due time.Time
	if s, ok := attrs["expires"].(string); ok {
		due, _ = catalog.ParseDate(s)
	}
	for _, field := range []string{"review_interval", "interval"} {
		period, ok := attrs[field].(string)
		if !ok {
			continue
		}
		base := ""
		for _, f := range []string{"reviewed_at", "performed_at", "approved_at"} {
			if s, ok := attrs[f].(string); ok {
				base = s
				break
			}
		}
		if base == "" {
			return "", fmt.Errorf("%s is set but none of reviewed_at, performed_at or approved_at is, so annexa cannot tell when it falls due", field)
		}
		t, _ := catalog.ParseDate(base)
		next, err := addPeriod(t, period)
		if err != nil {
			return "", fmt.Errorf("%s: %w", field, err)
		}
		if due.IsZero() || next.Before(due) {
			due = next
		}
	}
	if due.IsZero() {
		return "", nil
	}
	return due.Format(time.RFC3339), nil
}
