package catalog

import (
	"fmt"
	"time"
)

// DateLayouts returns the layouts ParseDate accepts, in the order it tries
// them: a calendar date (midnight UTC), an RFC 3339 time with or without
// fractional seconds, the same with a space for the T, and one without
// seconds.
func DateLayouts() []string {
	return []string{time.DateOnly, time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00"}
}

// ParseDate reads a date or time written in one of DateLayouts and returns
// it in UTC. Every dated input (evidence records, the risk register, the
// project file, --effective-time) is read with it.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range DateLayouts() {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (2026-01-31T12:00:00Z) or a date (2026-01-31)", s)
}

// ParseEffectiveTime reads the time a run is as of, as ParseDate does,
// and refuses times at or before the Unix epoch: policies compare
// nanoseconds since 1970, and the zero time would read as "not given",
// that is now.
func ParseEffectiveTime(s string) (time.Time, error) {
	t, err := ParseDate(s)
	if err != nil {
		return t, err
	}
	if t.Unix() <= 0 {
		return time.Time{}, fmt.Errorf("%q is not after 1970-01-01T00:00:00Z; an effective time is the moment of an assessment", s)
	}
	return t, nil
}
